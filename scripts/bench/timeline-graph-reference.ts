/**
 * The graph as of a day read as GraphRepository read it at 45f4c99, before its claim cache (issue
 * #20): the as-of graph query of then, and every claim of the day's relationships read whole
 * (`properties(c)`) on each request. Kept as the
 * reference the as-of graph must still agree with (tests/integration/timeline-api.test.ts) and as
 * the "before" of npm run bench:timeline's server-side timing of a step's read.
 */
import type { AsOfQuery, Graph } from "../../contract/graph-contract";
import { namedSourcesOf, SOURCE_NAMES_QUERY } from "../../server/src/claims/attribution";
import { CLAIM_AS_OF } from "../../server/src/claims/claims-queries";
import { storedClaimOf } from "../../server/src/claims/stored-claim";
import { summariesAsOf } from "../../server/src/claims/summaries-as-of";
import { overviewEdgeCap } from "../../server/src/graph/graph-repository";
import type { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { recordsToGraph } from "../../server/src/neo4j/records-to-graph";
import { neo4jInt } from "../../server/src/neo4j/to-neo4j-params";
import { toPlainProperties } from "../../server/src/neo4j/to-plain-value";

/**
 * server/src/graph/graph-queries.ts' GRAPH_AS_OF_QUERY as it was at 45f4c99 (before the claim
 * cache): each relationship tested with an EXISTS over its claims, the claims read again after.
 */
const GRAPH_AS_OF_QUERY = `
MATCH (n)
WHERE NOT n:SavedView|Claim|Article|Draft|RelationshipType|AppUser|AuthSession|ApiKey|AuditEvent|NeighbourRanking|Watch
WITH n ORDER BY COUNT { (n)--() } DESC, n.id
CALL (n) {
  WITH n WHERE (
  EXISTS { MATCH (n)-[r]-() WHERE (r.claimCount IS NULL OR EXISTS { MATCH (c:Claim {relationshipId: r.id}) WHERE 
($knownAt IS NULL OR c.knownFrom <= $knownAt)
AND ($holdsAt IS NULL OR (c.stance = 'asserts'
     AND (c.holdsFrom IS NULL OR c.holdsFrom <= $holdsAt)
     AND (c.holdsTo IS NULL OR c.holdsTo >= $holdsAt))) }) }
  OR (n:Source AND (EXISTS { MATCH (c:Claim {sourceId: n.id}) WHERE 
($knownAt IS NULL OR c.knownFrom <= $knownAt)
AND ($holdsAt IS NULL OR (c.stance = 'asserts'
     AND (c.holdsFrom IS NULL OR c.holdsFrom <= $holdsAt)
     AND (c.holdsTo IS NULL OR c.holdsTo >= $holdsAt))) }
                    OR EXISTS { MATCH (c:Claim {articleSourceId: n.id}) WHERE 
($knownAt IS NULL OR c.knownFrom <= $knownAt)
AND ($holdsAt IS NULL OR (c.stance = 'asserts'
     AND (c.holdsFrom IS NULL OR c.holdsFrom <= $holdsAt)
     AND (c.holdsTo IS NULL OR c.holdsTo >= $holdsAt))) }))
  OR (NOT EXISTS { MATCH (n)-[r]-() WHERE r.claimCount IS NOT NULL }
      AND NOT (n:Source AND (EXISTS { MATCH (c:Claim {sourceId: n.id}) } OR EXISTS { MATCH (c:Claim {articleSourceId: n.id}) }))))
  RETURN n AS kept
}
WITH kept AS n
LIMIT $nodeFetch
WITH collect(n) AS fetched
WITH fetched[0..$nodeLimit] AS shown, size(fetched) > $nodeLimit AS moreNodes
CALL (shown) {
  UNWIND shown AS a
  MATCH (a)-[r]->(b)
  WHERE b IN shown AND (r.claimCount IS NULL OR EXISTS { MATCH (c:Claim {relationshipId: r.id}) WHERE 
($knownAt IS NULL OR c.knownFrom <= $knownAt)
AND ($holdsAt IS NULL OR (c.stance = 'asserts'
     AND (c.holdsFrom IS NULL OR c.holdsFrom <= $holdsAt)
     AND (c.holdsTo IS NULL OR c.holdsTo >= $holdsAt))) })
  WITH r LIMIT $edgeFetch
  RETURN collect(r) AS relationships
}
RETURN shown, relationships, moreNodes`;

const WHOLE_CLAIMS_AS_OF_QUERY = `
MATCH (c:Claim)
WHERE c.relationshipId IN $ids
RETURN c.relationshipId AS relationshipId, properties(c) AS claim, ${CLAIM_AS_OF} AS counts`;

/** GET /api/graph?limit=…&knownAt|holdsAt=… as answered before the claim cache. */
export async function asOfGraphByWholeRead(
  database: Neo4jDatabase,
  limit: number,
  maxEdges: number,
  asOf: AsOfQuery,
): Promise<Graph> {
  const params = { knownAt: asOf.knownAt ?? null, holdsAt: asOf.holdsAt ?? null };
  const edgeCap = overviewEdgeCap(limit, maxEdges);
  const { records } = await database.read(GRAPH_AS_OF_QUERY, {
    ...params,
    nodeFetch: neo4jInt(limit + 1),
    nodeLimit: neo4jInt(limit),
    edgeFetch: neo4jInt(edgeCap + 1),
  });
  const record = records[0];
  if (!record) return { nodes: [], edges: [], truncated: false };
  const graph = recordsToGraph([record], { maxNodes: limit, maxEdges: edgeCap });
  const answer = { ...graph, truncated: graph.truncated || record.get("moreNodes") === true };
  const ids = answer.edges.map((edge) => edge.data.props.id).filter((id) => typeof id === "string");
  const [claims, sources] = await Promise.all([
    database.read(WHOLE_CLAIMS_AS_OF_QUERY, { ...params, ids }),
    database.read(SOURCE_NAMES_QUERY),
  ]);
  const rows = claims.records.map((row) => ({
    relationshipId: row.get("relationshipId") as string,
    claim: storedClaimOf(toPlainProperties(row.get("claim") as Record<string, unknown>)),
    counts: row.get("counts") === true,
  }));
  return summariesAsOf(answer, rows, namedSourcesOf(sources.records));
}
