import neo4j from "neo4j-driver";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { runCli } from "./neo4j/cli-error";
import { type DatabaseStatusRow, databaseVerdict } from "./neo4j/database-online";
import { isNeo4jDownloaded } from "./neo4j/fetch-neo4j";
import { localNeo4jSettings } from "./neo4j/local-neo4j-settings";
import { localTarget } from "./neo4j/local-target";
import { neo4jLayout } from "./neo4j/neo4j-layout";
import { runningNeo4jPid } from "./neo4j/neo4j-process";

import { projectRoot } from "./project-root";

/** Whether Bolt answers, with which server, and whether its databases are online. */
async function serverAnswer(
  uri: string,
  username: string,
  password: string,
  database: string | undefined,
): Promise<{ bolt: string; databases?: string }> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(username, password), { connectionTimeout: 3000 });
  try {
    const info = await driver.getServerInfo();
    const bolt = `answers Bolt as ${info.agent ?? "unknown agent"}`;
    try {
      const result = await driver.executeQuery(
        "SHOW DATABASES YIELD name, requestedStatus, currentStatus, statusMessage",
        {},
        { database: "system" },
      );
      const rows = result.records.map((record) => record.toObject() as unknown as DatabaseStatusRow);
      const verdict = databaseVerdict(rows, database);
      const listed = rows.map((row) => `${row.name} ${row.currentStatus}`).join(", ");
      const databases = verdict.state === "failed" ? `${listed}: ${verdict.problem} (see the debug.log below)` : listed;
      return { bolt, databases };
    } catch (error) {
      return { bolt, databases: `SHOW DATABASES failed (${(error as { code?: string }).code ?? "no answer"})` };
    }
  } catch (error) {
    return { bolt: `does not answer Bolt (${(error as { code?: string }).code ?? "no answer"})` };
  } finally {
    await driver.close();
  }
}

await runCli("db:status", async () => {
  loadEnvFile(projectRoot);
  const settings = localNeo4jSettings();
  const layout = neo4jLayout(projectRoot);
  const answer = await serverAnswer(
    settings.NEO4J_URI,
    settings.NEO4J_USERNAME,
    settings.NEO4J_PASSWORD,
    settings.NEO4J_DATABASE,
  );
  if (!localTarget(settings.NEO4J_URI).local) {
    console.log(`Remote Neo4j at ${settings.NEO4J_URI}: ${answer.bolt}. Nothing local is managed.`);
    return;
  }
  const pid = runningNeo4jPid(layout);
  console.log(
    [
      `Neo4j ${layout.version} Community (local): ${pid === undefined ? "not running" : `running, pid ${pid}`}`,
      `  Bolt:     ${settings.NEO4J_URI} ${answer.bolt}`,
      ...(answer.databases ? [`  status:   ${answer.databases}`] : []),
      `  download: ${isNeo4jDownloaded(layout) ? layout.libDir : "not fetched yet (npm run db:start fetches it)"}`,
      `  data:     ${layout.dataDir}`,
      `  logs:     ${layout.logsDir} (neo4j.log; debug.log says why a database did not start)`,
      `  config:   ${layout.confFile}`,
    ].join("\n"),
  );
});
