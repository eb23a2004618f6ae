/** `npm run db:backup`: the project's Neo4j database dumped to backups/ (the server must be stopped). */
import { join } from "node:path";
import { loadAppConfig } from "../server/src/config/app-config";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { CliError, runCli } from "./neo4j/cli-error";
import { localTarget } from "./neo4j/local-target";
import { dumpDatabase } from "./neo4j/neo4j-backup";
import { neo4jLayout } from "./neo4j/neo4j-layout";
import { projectRoot } from "./project-root";

await runCli("db:backup", async () => {
  loadEnvFile(projectRoot);
  const config = loadAppConfig();
  if (!localTarget(config.neo4j.uri).local) {
    throw new CliError(`NEO4J_URI is ${config.neo4j.uri}: back up a remote Neo4j with its own tools (Aura snapshots)`);
  }
  const file = dumpDatabase(neo4jLayout(projectRoot), config.neo4j.database, join(projectRoot, "backups"));
  console.log(`Backed up the database "${config.neo4j.database}" to ${file}`);
});
