import { DROP_STALE_RANKINGS_QUERY, RANK_ALL_HUBS_QUERY, RANKED_DEGREE } from "../server/src/claims/neighbour-ranking";
import { loadAppConfig } from "../server/src/config/app-config";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { createDriver } from "../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../server/src/neo4j/neo4j-database";
import { CliError, runCli } from "./neo4j/cli-error";
import { projectRoot } from "./project-root";

/**
 * `npm run db:rank`: every supernode's neighbour ranking computed again from the graph (decision
 * 0006). Ingestion keeps rankings exact; this is for a graph changed by hand (relationships or nodes
 * deleted in Neo4j Browser, a bulk import outside the app).
 */
await runCli("db:rank", async () => {
  loadEnvFile(projectRoot);
  const config = loadAppConfig();
  const driver = createDriver(config.neo4j);
  try {
    await driver.verifyConnectivity().catch((error: { code?: string }) => {
      throw new CliError(
        `cannot reach Neo4j at ${config.neo4j.uri} (${error.code ?? "no answer"}); try npm run db:start`,
      );
    });
    // One transaction (ten minutes, as ingestion from the command line): the app never reads a hub
    // whose ranking is half rewritten.
    const database = new Neo4jDatabase(driver, { database: config.neo4j.database, queryTimeoutMs: 600_000 });
    const { dropped, hubs } = await database.write(async (tx) => {
      const drop = await tx.run(DROP_STALE_RANKINGS_QUERY);
      const rank = await tx.run(RANK_ALL_HUBS_QUERY);
      return {
        dropped: Number(drop.records[0]?.get("dropped") ?? 0),
        hubs: Number(rank.records[0]?.get("hubs") ?? 0),
      };
    });
    console.log(
      `Ranked the neighbours of ${hubs} node(s) with more than ${RANKED_DEGREE} relationships; removed ${dropped} ranking(s) of nodes that are no longer hubs.`,
    );
  } finally {
    await driver.close();
  }
});
