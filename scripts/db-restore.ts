/**
 * `npm run db:restore [-- backups/neo4j-....dump]`: replaces the project's Neo4j database with a
 * backup (the newest in backups/ by default). The server must be stopped. The dump is loaded,
 * checked and opened aside first; the live store is only swapped out once it checks out, and is
 * kept in backups/pre-restore-<date>-<time>/.
 */
import { join, resolve } from "node:path";
import { loadAppConfig } from "../server/src/config/app-config";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { CliError, runCli } from "./neo4j/cli-error";
import { localNeo4jSettings } from "./neo4j/local-neo4j-settings";
import { localTarget } from "./neo4j/local-target";
import { latestBackup, loadDatabase } from "./neo4j/neo4j-backup";
import { neo4jLayout } from "./neo4j/neo4j-layout";
import { projectRoot } from "./project-root";

await runCli("db:restore", async () => {
  loadEnvFile(projectRoot);
  const config = loadAppConfig();
  const { database, uri } = config.neo4j;
  if (!localTarget(uri).local) {
    throw new CliError(`NEO4J_URI is ${uri}: restore a remote Neo4j with its own tools`);
  }
  const settings = localNeo4jSettings();
  const given = process.argv[2];
  const backupsDir = join(projectRoot, "backups");
  const file = given ? resolve(given) : latestBackup(backupsDir, database);
  if (!file) throw new CliError(`no backup of "${database}" in backups/: npm run db:backup makes one`);
  const report = await loadDatabase(neo4jLayout(projectRoot), database, file, {
    backupsDir,
    heapSize: settings.NEO4J_HEAP_SIZE,
    pageCacheSize: settings.NEO4J_PAGECACHE_SIZE,
    startTimeoutSeconds: settings.NEO4J_START_TIMEOUT,
    log: (line) => console.log(line),
  });
  const { nodes, relationships } = report.counts;
  console.log(`Restored "${database}" from ${file}: ${nodes} nodes, ${relationships} relationships.`);
  console.log(
    report.previousStore
      ? `The database it replaced is kept in ${report.previousStore} (RESTORE.txt there says how to put it back).`
      : "There was no database to replace.",
  );
  console.log("npm run db:start serves it.");
});
