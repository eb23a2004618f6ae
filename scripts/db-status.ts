import neo4j from "neo4j-driver";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { runCli } from "./neo4j/cli-error";
import { isNeo4jDownloaded } from "./neo4j/fetch-neo4j";
import { localNeo4jSettings } from "./neo4j/local-neo4j-settings";
import { localTarget } from "./neo4j/local-target";
import { neo4jLayout } from "./neo4j/neo4j-layout";
import { runningNeo4jPid } from "./neo4j/neo4j-process";

import { projectRoot } from "./project-root";

async function serverAgent(uri: string, username: string, password: string): Promise<string> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(username, password), { connectionTimeout: 3000 });
  try {
    const info = await driver.getServerInfo();
    return `answers Bolt as ${info.agent ?? "unknown agent"}`;
  } catch (error) {
    return `does not answer Bolt (${(error as { code?: string }).code ?? "no answer"})`;
  } finally {
    await driver.close();
  }
}

await runCli("db:status", async () => {
  loadEnvFile(projectRoot);
  const settings = localNeo4jSettings();
  const layout = neo4jLayout(projectRoot);
  const answer = await serverAgent(settings.NEO4J_URI, settings.NEO4J_USERNAME, settings.NEO4J_PASSWORD);
  if (!localTarget(settings.NEO4J_URI).local) {
    console.log(`Remote Neo4j at ${settings.NEO4J_URI}: ${answer}. Nothing local is managed.`);
    return;
  }
  const pid = runningNeo4jPid(layout);
  console.log(
    [
      `Neo4j ${layout.version} Community (local): ${pid === undefined ? "not running" : `running, pid ${pid}`}`,
      `  Bolt:     ${settings.NEO4J_URI} ${answer}`,
      `  download: ${isNeo4jDownloaded(layout) ? layout.libDir : "not fetched yet (npm run db:start fetches it)"}`,
      `  data:     ${layout.dataDir}`,
      `  logs:     ${layout.logsDir}`,
      `  config:   ${layout.confFile}`,
    ].join("\n"),
  );
});
