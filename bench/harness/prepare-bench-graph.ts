import { readFileSync } from "node:fs";
import type { Driver } from "neo4j-driver";
import { CliError } from "../../scripts/neo4j/cli-error";
import { RANK_ALL_HUBS_QUERY, RANKING_LABEL } from "../../server/src/claims/neighbour-ranking";
import { splitCypherStatements } from "../../server/src/cypher/split-cypher-statements";
import { inspectTarget, sameSpec } from "../generator/bench-target";
import { clearDatabase, type LoadReport, loadSyntheticGraph } from "../generator/load-synthetic-graph";
import { type GraphSpec, syntheticGraph } from "../generator/synthetic-graph";

export interface PrepareOptions {
  spec: GraphSpec;
  database: string;
  schemaFile: string;
  batchSize: number;
  /** Replace whatever the target holds, even a graph the generator did not write. */
  force: boolean;
  /** Load again even when the same graph is there already. */
  reload: boolean;
  log: (line: string) => void;
}

export interface PreparedGraph {
  nodes: number;
  relationships: number;
  seed: number;
  /** Null when the same graph was already loaded and kept. */
  load: LoadReport | null;
  supernode: { id: string; degree: number } | null;
  tenNeighbours: { id: string; degree: number } | null;
}

/** Makes the target hold the generated graph: refuses someone's real data, keeps an identical load, else loads afresh. */
export async function prepareBenchGraph(driver: Driver, options: PrepareOptions): Promise<PreparedGraph> {
  const graph = syntheticGraph(options.spec);
  const contents = await inspectTarget(driver, options.database);
  if (contents.kind === "foreign" && !options.force) {
    const example = contents.example ? ` (e.g. the node "${contents.example}")` : "";
    throw new CliError(
      `the target holds ${contents.nodes} nodes of a graph the generator did not write${example}; ` +
        "point --uri at the bench Neo4j, or pass --force to replace that data",
    );
  }
  const keep = contents.kind === "bench" && sameSpec(contents.loaded, options.spec) && !options.reload;
  let load: LoadReport | null = null;
  if (keep) {
    options.log(
      `bench:data: the same graph (seed ${options.spec.seed}) is loaded already; kept (--reload to load again)`,
    );
    // The schema may have grown since (IF NOT EXISTS: a no-op otherwise).
    for (const statement of splitCypherStatements(readFileSync(options.schemaFile, "utf8")))
      await driver.executeQuery(statement, {}, { database: options.database });
  } else {
    if (contents.kind !== "empty") {
      options.log(`bench:data: clearing ${contents.nodes} nodes`);
      await clearDatabase(driver, options.database);
    }
    let lastReport = 0;
    load = await loadSyntheticGraph(driver, graph, {
      database: options.database,
      schemaFile: options.schemaFile,
      batchSize: options.batchSize,
      onProgress: ({ nodes, relationships }) => {
        if (relationships - lastReport < 100_000 && relationships !== 0) return;
        lastReport = relationships;
        options.log(`bench:data: ${nodes} nodes, ${relationships} relationships written`);
      },
    });
    options.log(
      `bench:data: ${load.nodes} nodes at ${load.nodesPerSecond}/s, ${load.relationships} relationships at ${load.relationshipsPerSecond}/s`,
    );
  }
  // The supernodes' neighbour rankings, as ingestion keeps them: after a load, or for a graph loaded
  // before rankings existed or before they stored the links to each neighbour.
  const stored = await driver.executeQuery(
    `MATCH (r:${RANKING_LABEL}) RETURN count(r) AS rankings, count(r.links) AS withLinks`,
    {},
    {
      database: options.database,
    },
  );
  const rankings = Number(stored.records[0]?.get("rankings") ?? 0);
  if (load !== null || rankings === 0 || Number(stored.records[0]?.get("withLinks") ?? 0) < rankings) {
    const ranked = await driver.executeQuery(RANK_ALL_HUBS_QUERY, {}, { database: options.database });
    options.log(`bench:data: ranked the neighbours of ${Number(ranked.records[0]?.get("hubs") ?? 0)} supernode(s)`);
  }
  return {
    nodes: options.spec.nodes,
    relationships: options.spec.relationships,
    seed: options.spec.seed,
    load,
    supernode: graph.supernode,
    tenNeighbours: graph.tenNeighbours,
  };
}
