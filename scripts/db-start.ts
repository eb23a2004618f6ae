import { join } from "node:path";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { runCli } from "./neo4j/cli-error";
import { startLocalNeo4j } from "./neo4j/local-neo4j";
import { localNeo4jSettings } from "./neo4j/local-neo4j-settings";
import { neo4jLayout } from "./neo4j/neo4j-layout";
import { projectRoot } from "./project-root";

await runCli("db:start", async () => {
  loadEnvFile(projectRoot);
  const settings = localNeo4jSettings();
  const layout = neo4jLayout(projectRoot);
  const outcome = await startLocalNeo4j(layout, settings, join(projectRoot, "scripts", "neo4j", "pom.xml"));
  const messages = {
    remote: `NEO4J_URI is ${settings.NEO4J_URI}: not a local server, nothing to start.`,
    "already-running": `Neo4j ${layout.version} is already running at ${settings.NEO4J_URI}; nothing to do.`,
    started: `Neo4j ${layout.version} is up at ${settings.NEO4J_URI} (logs: ${layout.logsDir}).`,
  };
  console.log(messages[outcome]);
});
