import type { AsOfQuery, Graph, GraphEdge, PropertyValue } from "../../../contract/graph-contract";
import { certaintySchema } from "../../../contract/graph-contract";
import { toPlainValue } from "../neo4j/to-plain-value";
import type { NamedSource } from "./attribution";
import { type SummarisedClaim, summarise } from "./claim-summary";
import { storedClaimOf } from "./stored-claim";

/** The properties of a claim the summary reads (storedClaimOf), in this order. */
const SUMMARY_KEYS = [
  "id",
  "stance",
  "certainty",
  "quote",
  "quoteLang",
  "quoteEn",
  "quantities",
  "reportedAt",
  "sourceId",
  "articleSourceId",
  "articleId",
  "republishes",
  "position",
] as const;

/** The claims of $ids, as lists of SUMMARY_KEYS' values (lists decode faster than maps). */
export const CLAIMS_BY_ID_QUERY = `
MATCH (c:Claim)
WHERE c.id IN $ids
RETURN [${SUMMARY_KEYS.map((key) => `c.${key}`).join(", ")}] AS claim`;

/** A claim of a relationship of the as-of graph, and whether it counts on the as-of dates. */
export interface ClaimCount {
  relationshipId: string;
  id: string;
  counts: boolean;
}

/**
 * The claims the as-of graph has read, by id, as the summary reads them. A claim is written once
 * (ON CREATE: its id derives from its content) and never changed after in what the summary reads,
 * so a step of the timeline reads only the claims it has not seen. Bounded: past `max` claims the
 * oldest read are dropped (a later request reads them again).
 */
export class ClaimCache {
  private readonly claims = new Map<string, SummarisedClaim>();

  constructor(private readonly max = 200_000) {}

  /** The ids of `ids` not in the cache. */
  missing(ids: readonly string[]): string[] {
    return ids.filter((id) => !this.claims.has(id));
  }

  /** Adds the rows of CLAIMS_BY_ID_QUERY. */
  add(records: readonly { get(key: string): unknown }[]): void {
    for (const record of records) {
      const values = toPlainValue(record.get("claim")) as PropertyValue[];
      const props = Object.fromEntries(SUMMARY_KEYS.map((key, index) => [key, values[index] ?? null]));
      const claim = storedClaimOf(props);
      this.claims.delete(claim.id);
      this.claims.set(claim.id, claim);
    }
    for (const id of this.claims.keys()) {
      if (this.claims.size <= this.max) break;
      this.claims.delete(id);
    }
  }

  /**
   * The as-of graph's claims with what the summary reads of them. One not in the cache was deleted
   * after the graph was read (its article removed meanwhile) and is left out, as it is gone.
   */
  rows(counts: readonly ClaimCount[]): ClaimRow[] {
    return counts.flatMap((count) => {
      const claim = this.claims.get(count.id);
      return claim === undefined ? [] : [{ relationshipId: count.relationshipId, claim, counts: count.counts }];
    });
  }
}

export interface ClaimRow {
  relationshipId: string;
  claim: SummarisedClaim;
  counts: boolean;
}

/**
 * A graph as it stood on the as-of dates: each claim-built relationship carries the summary of the
 * claims that count then (sources, certainty, independent origins, contested...), not today's; the
 * quantities too. A relationship that only denials back on that day is left out.
 */
export function summariesAsOf(graph: Graph, rows: readonly ClaimRow[], sources: readonly NamedSource[]): Graph {
  const claimsOf = new Map<string, ClaimRow[]>();
  for (const row of rows) {
    const own = claimsOf.get(row.relationshipId);
    if (own === undefined) claimsOf.set(row.relationshipId, [row]);
    else own.push(row);
  }
  const edges = graph.edges.flatMap((edge): GraphEdge[] => {
    const own = claimsOf.get(String(edge.data.props.id));
    if (own === undefined) return [edge];
    const stored = own.map((row) => row.claim);
    const counted = summarise(
      stored.filter((_, index) => own[index]?.counts),
      sources,
    );
    if (counted === null) return [];
    // Today's quantities and confirmation date go first: the day's claims put back what they said.
    const props = { ...edge.data.props };
    for (const claim of stored) for (const key of Object.keys(claim.quantities)) delete props[key];
    delete props.confirmedAt;
    const next = { ...props, ...counted.summary, ...counted.quantities };
    const certainty = certaintySchema.safeParse(next.certainty);
    return [
      {
        data: {
          ...edge.data,
          props: next,
          ...(certainty.success ? { certainty: certainty.data } : {}),
        },
      },
    ];
  });
  return { ...graph, edges };
}

/**
 * The `claims` of GRAPH_AS_OF_QUERY (server/src/graph/graph-queries.ts): for each relationship,
 * [its id, [[claim id, counts then]...]] (empty for one not built from claims).
 */
export function claimCountsOf(column: unknown): ClaimCount[] {
  const relationships = (column ?? []) as [string, [string, boolean][]][];
  return relationships.flatMap(([relationshipId, claims]) =>
    claims.map(([id, counts]) => ({ relationshipId, id, counts: counts === true })),
  );
}

export function isAsOf(asOf: AsOfQuery): boolean {
  return asOf.knownAt !== undefined || asOf.holdsAt !== undefined;
}
