import type { ManagedTransaction } from "neo4j-driver";
import type { ClaimsFile } from "../../../contract/claims-file";
import type { IngestProblem, IngestReport } from "../../../contract/graph-contract";
import { neo4jInt } from "../neo4j/to-neo4j-params";
import { toPlainProperties } from "../neo4j/to-plain-value";
import { namedSourcesOf, SOURCE_NAMES_QUERY } from "./attribution";
import { summarise } from "./claim-summary";
import {
  CLAIMS_OF_RELATIONSHIPS_QUERY,
  END_INGEST_TURN_QUERY,
  GRAPH_NODES_QUERY,
  MERGE_CLAIMS_QUERY,
  MERGE_RELATIONSHIPS_QUERY,
  SET_SUMMARIES_QUERY,
  STORED_ARTICLE_TEXT_QUERY,
  TAKE_INGEST_TURN_QUERY,
  UPSERT_ARTICLE_QUERY,
  UPSERT_NODES_QUERY,
  VOCABULARY_NAMES_QUERY,
} from "./claims-queries";
import type { GraphNodeRecord } from "./entity-resolver";
import { keepNeighbourRankings } from "./neighbour-ranking";
import { canonical, type IngestPlan, type Outcome, planIngest } from "./plan-ingest";
import { storedClaimOf } from "./stored-claim";
import { unknownPredicates } from "./unknown-predicates";

/** The steps of the write transaction, in order, for progress output. */
export type IngestStep = "resolved" | "nodes" | "article" | "relationships" | "claims" | "summaries";

export interface WriteOptions {
  /** Aborting rolls the transaction back at the next step. */
  signal?: AbortSignal;
  onProgress?: (step: IngestStep) => void;
  /** Who enters the claims: kept on each new Claim with the time (a claim already stored keeps its own). */
  enteredBy?: string;
}

/** Thrown inside the transaction to roll it back with the problems found. */
export class Rejected extends Error {
  constructor(readonly problems: IngestProblem[]) {
    super("claims file rejected");
  }
}

type Counts = IngestReport["counts"];
const zero = () => ({ created: 0, merged: 0, unchanged: 0 });
const emptyCounts = (): Counts => ({
  entities: zero(),
  sources: zero(),
  articles: zero(),
  claims: zero(),
  relationships: zero(),
});

function outcome(before: unknown, after: unknown): Outcome {
  if (before === null || before === undefined) return "created";
  const plain = (properties: unknown) => canonical(toPlainProperties(properties as Record<string, unknown>));
  return plain(before) === plain(after) ? "unchanged" : "merged";
}

/** A written relationship: its id (an existing one keeps its own), element id and properties before. */
interface WrittenRelationship {
  id: string;
  elementId: string;
  before: unknown;
}

/**
 * Ingests a valid claims file inside one write transaction: takes the ingest turn, reads the graph,
 * plans (planIngest), then writes the plan and each touched relationship's claim summary. Any
 * problem throws Rejected, which rolls everything back.
 */
export async function writeIngest(
  tx: ManagedTransaction,
  file: ClaimsFile,
  options: WriteOptions = {},
): Promise<Pick<IngestReport, "counts" | "merges" | "notices">> {
  const step = (done: IngestStep) => {
    options.signal?.throwIfAborted();
    options.onProgress?.(done);
  };
  await tx.run(TAKE_INGEST_TURN_QUERY);
  const vocabulary = (await tx.run(VOCABULARY_NAMES_QUERY)).records[0]?.get("names") as string[] | undefined;
  const unknown = unknownPredicates(file, vocabulary ?? []);
  const nodes = (await tx.run(GRAPH_NODES_QUERY)).records.map(
    (record): GraphNodeRecord => ({
      elementId: record.get("elementId"),
      labels: record.get("labels"),
      props: toPlainProperties(record.get("props")) as Record<string, unknown>,
      id: String(record.get("props").id),
    }),
  );
  const stored = (await tx.run(STORED_ARTICLE_TEXT_QUERY, { id: file.article.id })).records[0]?.get("text");
  const { plan, problems } = planIngest(file, nodes, typeof stored === "string" ? stored : null);
  if (plan === null || unknown.length > 0) throw new Rejected([...unknown, ...problems]);
  step("resolved");

  const counts = emptyCounts();
  const elementIds = new Map(nodes.map((node) => [node.id, node.elementId]));
  await writeNodes(tx, plan, elementIds, counts);
  step("nodes");
  const article = (await tx.run(UPSERT_ARTICLE_QUERY, plan.article)).records[0];
  counts.articles[outcome(article?.get("before"), article?.get("after"))]++;
  step("article");
  const { relationships, touched } = await writeRelationships(tx, plan, elementIds);
  // The supernodes' neighbour rankings, in this transaction: new relationships change degrees.
  await keepNeighbourRankings(tx, touched);
  step("relationships");
  await writeClaims(tx, plan, relationships, counts, options.enteredBy);
  step("claims");
  await writeSummaries(tx, relationships, counts);
  step("summaries");
  await tx.run(END_INGEST_TURN_QUERY);
  return { counts, merges: plan.merges, notices: plan.notices };
}

async function writeNodes(tx: ManagedTransaction, plan: IngestPlan, elementIds: Map<string, string>, counts: Counts) {
  const rows = plan.nodes.map(({ id, label, props }) => ({ id, label, props }));
  const { records } = await tx.run(UPSERT_NODES_QUERY, { rows });
  for (const record of records) elementIds.set(record.get("id"), record.get("elementId"));
  for (const node of plan.nodes) counts[node.kind][node.outcome]++;
}

/** Written relationships by their plan key, and the element ids of both ends of each new one. */
async function writeRelationships(
  tx: ManagedTransaction,
  plan: IngestPlan,
  elementIds: Map<string, string>,
): Promise<{ relationships: Map<string, WrittenRelationship>; touched: string[] }> {
  const rows = plan.relationships.map((row) => ({
    ...row,
    from: elementIds.get(row.from) as string,
    to: elementIds.get(row.to) as string,
  }));
  const { records } = await tx.run(MERGE_RELATIONSHIPS_QUERY, { rows });
  const ends = new Map(rows.map((row) => [row.key, [row.from, row.to]]));
  const touched = records
    .filter((record) => record.get("before") === null)
    .flatMap((record) => ends.get(record.get("key") as string) ?? []);
  const relationships = new Map(
    records.map((record) => [
      record.get("key") as string,
      { id: record.get("id") as string, elementId: record.get("elementId") as string, before: record.get("before") },
    ]),
  );
  return { relationships, touched };
}

async function writeClaims(
  tx: ManagedTransaction,
  plan: IngestPlan,
  relationships: Map<string, WrittenRelationship>,
  counts: Counts,
  enteredBy: string | undefined,
) {
  const offset = (value: unknown) => (typeof value === "number" ? neo4jInt(value) : null);
  // Set on new claims only (MERGE_CLAIMS_QUERY's ON CREATE): the id derives from the content, not from who entered it.
  const entered = enteredBy ? { enteredBy, enteredAt: new Date().toISOString() } : {};
  const claims = plan.claims.map(({ relationshipKey, props }) => ({
    ...props,
    ...entered,
    // Offsets as integers: a JS number would be stored as a float.
    start: offset(props.start),
    end: offset(props.end),
    relationshipId: relationships.get(relationshipKey)?.id,
  }));
  const { records } = await tx.run(MERGE_CLAIMS_QUERY, { claims });
  for (const record of records)
    counts.claims[record.get("existed") ? (record.get("samePlace") ? "unchanged" : "merged") : "created"]++;
}

/** Recomputes the summary of every touched relationship from all its claims, old and new. */
async function writeSummaries(tx: ManagedTransaction, relationships: Map<string, WrittenRelationship>, counts: Counts) {
  const byId = new Map([...relationships.values()].map((relationship) => [relationship.id, relationship]));
  const { records } = await tx.run(CLAIMS_OF_RELATIONSHIPS_QUERY, { ids: [...byId.keys()] });
  const claimsOf = new Map<string, ReturnType<typeof storedClaimOf>[]>();
  for (const record of records) {
    const id = record.get("relationshipId") as string;
    claimsOf.set(id, [...(claimsOf.get(id) ?? []), storedClaimOf(toPlainProperties(record.get("claim")))]);
  }
  // Every Source by its names, this file's new ones included: whom a quote credits ("selon Reuters").
  const sources = namedSourcesOf((await tx.run(SOURCE_NAMES_QUERY)).records);
  const problems: IngestProblem[] = [];
  const rows = [...byId.values()].map((relationship) => {
    const summary = summarise(claimsOf.get(relationship.id) ?? [], sources);
    if (summary === null)
      problems.push({
        path: "$.claims",
        message: `no claim asserts the relationship "${relationship.id}": only denials`,
      });
    return {
      elementId: relationship.elementId,
      props: { confirmedAt: null, ...summary?.summary, ...summary?.quantities },
    };
  });
  if (problems.length > 0) throw new Rejected(problems);
  const written = await tx.run(SET_SUMMARIES_QUERY, { rows });
  const beforeOf = new Map(
    [...relationships.values()].map((relationship) => [relationship.elementId, relationship.before]),
  );
  for (const record of written.records)
    counts.relationships[outcome(beforeOf.get(record.get("elementId")), record.get("after"))]++;
}
