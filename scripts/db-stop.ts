import { loadEnvFile } from "../server/src/config/load-env-file";
import { runCli } from "./neo4j/cli-error";
import { stopLocalNeo4j } from "./neo4j/local-neo4j";
import { neo4jLayout } from "./neo4j/neo4j-layout";
import { projectRoot } from "./project-root";

await runCli("db:stop", async () => {
  loadEnvFile(projectRoot);
  const layout = neo4jLayout(projectRoot);
  const outcome = await stopLocalNeo4j(layout);
  const messages = {
    "not-running": "The project's Neo4j is not running.",
    stopped: "Neo4j stopped cleanly.",
    killed: `Neo4j did not stop within the grace period and was killed; see ${layout.neo4jLog}.`,
  };
  console.log(messages[outcome]);
});
