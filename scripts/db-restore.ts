/**
 * `npm run db:restore [-- backups/neo4j-....dump]`: replaces the project's Neo4j database with a
 * backup (the newest in backups/ by default). The server must be stopped.
 */
import { join, resolve } from "node:path";
import { loadAppConfig } from "../server/src/config/app-config";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { CliError, runCli } from "./neo4j/cli-error";
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
  const given = process.argv[2];
  const file = given ? resolve(given) : latestBackup(join(projectRoot, "backups"), database);
  if (!file) throw new CliError(`no backup of "${database}" in backups/: npm run db:backup makes one`);
  loadDatabase(neo4jLayout(projectRoot), database, file);
  console.log(`Restored "${database}" from ${file}; npm run db:start serves it.`);
});
