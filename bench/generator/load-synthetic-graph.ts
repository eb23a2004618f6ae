import { readFileSync } from "node:fs";
import neo4j, { type Driver } from "neo4j-driver";
import { splitCypherStatements } from "../../server/src/cypher/split-cypher-statements";
import { LOOKUP_LABEL } from "../../server/src/neo4j/lookup-label";
import { BENCH_LABELS, type BenchLabel, GENERATOR_VERSION, MARKER_ID, RELATIONSHIP_KINDS } from "./bench-model";
import type { BenchRelationship, SyntheticGraph } from "./synthetic-graph";

export interface LoadReport {
  nodes: number;
  relationships: number;
  nodeSeconds: number;
  relationshipSeconds: number;
  nodesPerSecond: number;
  relationshipsPerSecond: number;
}

export interface LoadOptions {
  database: string;
  schemaFile: string;
  batchSize: number;
  onProgress?: (done: { nodes: number; relationships: number }) => void;
}

// Every node also gets the app's lookup label, as the seed's nodes do.
// Labels and types come from the generator's fixed tables, never from input: the only text put
// into a query. Every value travels as a parameter.
const NODE_QUERIES = new Map<BenchLabel, string>(
  BENCH_LABELS.map((label) => [label, `UNWIND $rows AS row CREATE (n:${label}:${LOOKUP_LABEL}) SET n = row`]),
);
const RELATIONSHIP_QUERIES = new Map<string, string>(
  [...RELATIONSHIP_KINDS.map((kind) => kind.type)].map((type) => [
    type,
    `UNWIND $rows AS row
     MATCH (a:${labelOf(type, "from")} {id: row.from})
     MATCH (b:${labelOf(type, "to")} {id: row.to})
     CREATE (a)-[r:${type}]->(b) SET r = row.props`,
  ]),
);

function labelOf(type: string, end: "from" | "to"): BenchLabel {
  const kind = RELATIONSHIP_KINDS.find((candidate) => candidate.type === type);
  if (!kind) throw new Error(`unknown relationship type ${type}`);
  return kind[end];
}

/** Removes everything, relationships first in small transactions (a supernode's 100,000 would not fit in one). */
export async function clearDatabase(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS");
    await session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS");
  } finally {
    await session.close();
  }
}

/**
 * Loads the graph with batched UNWIND (one transaction per batch), after the project's schema so
 * that every MATCH on `id` is an index seek. The marker node is completed last: a load cut short
 * is never taken for a finished one.
 */
export async function loadSyntheticGraph(
  driver: Driver,
  graph: SyntheticGraph,
  options: LoadOptions,
): Promise<LoadReport> {
  const { database, batchSize } = options;
  const session = driver.session({ database });
  try {
    for (const statement of splitCypherStatements(readFileSync(options.schemaFile, "utf8")))
      await session.run(statement);
    await session.run("CALL db.awaitIndexes(300)");
  } finally {
    await session.close();
  }
  const write = (query: string, rows: unknown[]) =>
    driver.executeQuery(query, { rows }, { database, routing: neo4j.routing.WRITE });

  const nodeStart = performance.now();
  for (const label of BENCH_LABELS) {
    const rows = graph.nodes.filter((node) => node.label === label).map(({ id, name }) => ({ id, name }));
    for (let at = 0; at < rows.length; at += batchSize) {
      await write(NODE_QUERIES.get(label) as string, rows.slice(at, at + batchSize));
    }
  }
  const nodeSeconds = (performance.now() - nodeStart) / 1000;
  options.onProgress?.({ nodes: graph.nodes.length, relationships: 0 });

  const relationshipStart = performance.now();
  const buffers = new Map<string, unknown[]>();
  let written = 0;
  const flush = async (type: string) => {
    const rows = buffers.get(type) ?? [];
    if (rows.length === 0) return;
    buffers.set(type, []);
    await write(RELATIONSHIP_QUERIES.get(type) as string, rows);
    written += rows.length;
    options.onProgress?.({ nodes: graph.nodes.length, relationships: written });
  };
  for (const relationship of graph.relationships()) {
    const rows = buffers.get(relationship.type) ?? [];
    rows.push(relationshipRow(relationship));
    buffers.set(relationship.type, rows);
    if (rows.length >= batchSize) await flush(relationship.type);
  }
  for (const type of buffers.keys()) await flush(type);
  const relationshipSeconds = (performance.now() - relationshipStart) / 1000;

  await driver.executeQuery(
    `MATCH (m:Source {id: $markerId})
     SET m.complete = true, m.generatorVersion = $version, m.specNodes = $nodes,
         m.specRelationships = $relationships, m.specSeed = $seed`,
    {
      markerId: MARKER_ID,
      version: neo4j.int(GENERATOR_VERSION),
      nodes: neo4j.int(graph.spec.nodes),
      relationships: neo4j.int(graph.spec.relationships),
      seed: neo4j.int(graph.spec.seed),
    },
    { database },
  );
  return {
    nodes: graph.nodes.length,
    relationships: written,
    nodeSeconds,
    relationshipSeconds,
    nodesPerSecond: Math.round(graph.nodes.length / Math.max(nodeSeconds, 1e-6)),
    relationshipsPerSecond: Math.round(written / Math.max(relationshipSeconds, 1e-6)),
  };
}

function relationshipRow(relationship: BenchRelationship) {
  return { from: relationship.from.id, to: relationship.to.id, props: { id: relationship.id, ...relationship.props } };
}
