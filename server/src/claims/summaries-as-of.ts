import type { AsOfQuery, Graph, GraphEdge } from "../../../contract/graph-contract";
import { certaintySchema } from "../../../contract/graph-contract";
import { toPlainProperties } from "../neo4j/to-plain-value";
import type { NamedSource } from "./attribution";
import { summarise } from "./claim-summary";
import { CLAIM_AS_OF } from "./claims-queries";
import { storedClaimOf } from "./stored-claim";

/** Every claim of the relationships asked for, and whether it counts on the as-of dates. */
export const CLAIMS_AS_OF_QUERY = `
MATCH (c:Claim)
WHERE c.relationshipId IN $ids
RETURN c.relationshipId AS relationshipId, properties(c) AS claim, ${CLAIM_AS_OF} AS counts`;

export interface ClaimRow {
  relationshipId: string;
  claim: Record<string, unknown>;
  counts: boolean;
}

/**
 * A graph as it stood on the as-of dates: each claim-built relationship carries the summary of the
 * claims that count then (sources, certainty, independent origins, contested...), not today's; the
 * quantities too. A relationship that only denials back on that day is left out.
 */
export function summariesAsOf(graph: Graph, rows: readonly ClaimRow[], sources: readonly NamedSource[]): Graph {
  const claimsOf = new Map<string, ClaimRow[]>();
  for (const row of rows) claimsOf.set(row.relationshipId, [...(claimsOf.get(row.relationshipId) ?? []), row]);
  const edges = graph.edges.flatMap((edge): GraphEdge[] => {
    const own = claimsOf.get(String(edge.data.props.id));
    if (own === undefined) return [edge];
    const stored = own.map((row) => storedClaimOf(row.claim));
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

/** The rows of CLAIMS_AS_OF_QUERY as plain values. */
export function claimRowsOf(records: readonly { get(key: string): unknown }[]): ClaimRow[] {
  return records.map((record) => ({
    relationshipId: record.get("relationshipId") as string,
    claim: toPlainProperties(record.get("claim") as Record<string, unknown>) as Record<string, unknown>,
    counts: record.get("counts") === true,
  }));
}

export function isAsOf(asOf: AsOfQuery): boolean {
  return asOf.knownAt !== undefined || asOf.holdsAt !== undefined;
}
