import { join } from "node:path";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { CliError, runCli } from "./neo4j/cli-error";
import { waitForDatabaseOnline } from "./neo4j/database-online";
import { startLocalNeo4j } from "./neo4j/local-neo4j";
import { localNeo4jSettings } from "./neo4j/local-neo4j-settings";
import { neo4jLayout } from "./neo4j/neo4j-layout";
import { projectRoot } from "./project-root";

await runCli("db:start", async () => {
  loadEnvFile(projectRoot);
  const settings = localNeo4jSettings();
  const layout = neo4jLayout(projectRoot);
  // Started here: "up" only once the database itself is online (startLocalNeo4j checks it).
  const outcome = await startLocalNeo4j(layout, settings, join(projectRoot, "scripts", "neo4j", "pom.xml"));
  if (outcome === "already-running" || outcome === "external") {
    // Started earlier, or not by us: not ours to stop, but say so when its database is not serving.
    await waitForDatabaseOnline({
      uri: settings.NEO4J_URI,
      username: settings.NEO4J_USERNAME,
      password: settings.NEO4J_PASSWORD,
      database: settings.NEO4J_DATABASE,
      timeoutMs: 10_000,
      logFile: layout.debugLog,
    }).catch((error: unknown) => {
      if (!(error instanceof CliError)) throw error;
      throw new CliError(
        outcome === "external"
          ? `the Neo4j at ${settings.NEO4J_URI} answers, but ${error.message}`
          : `Neo4j is running, but ${error.message} (the log says why; npm run db:stop stops it)`,
        outcome === "external" ? undefined : error.logFile,
      );
    });
  }
  const messages = {
    remote: `NEO4J_URI is ${settings.NEO4J_URI}: not a local server, nothing to start.`,
    "already-running": `Neo4j ${layout.version} is already running at ${settings.NEO4J_URI}, its database online; nothing to do.`,
    started: `Neo4j ${layout.version} is up at ${settings.NEO4J_URI}, its database online (logs: ${layout.logsDir}).`,
    external: `Its database is online; the project will not stop it (npm run db:stop stops only the project's own).`,
  };
  console.log(messages[outcome]);
});
