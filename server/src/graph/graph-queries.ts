/**
 * The server's own read queries. Every user value is a $parameter.
 * Nodes are found by their `id` property, or by element id for nodes that have none.
 * SavedView, Claim and Article nodes are the app's own records, not part of the analysts' graph:
 * no query here returns them (Claim and Article are isolated nodes, so only node scans filter them).
 */
import { CLAIM_AS_OF } from "../claims/claims-queries";

const NOT_AS_OF = "$knownAt IS NULL AND $holdsAt IS NULL";

/** A relationship `r` counts on the as-of dates: it comes from no claim, or from one that counts. */
const RELATIONSHIP_AS_OF = `(r.claimCount IS NULL OR EXISTS { MATCH (c:Claim {relationshipId: r.id}) WHERE ${CLAIM_AS_OF} })`;

/**
 * A node `n` counts on the as-of dates when one of its relationships counts, or a claim of its own
 * (a Source's) does, or when nothing about it comes from claims at all.
 */
const NODE_AS_OF = `(
  EXISTS { MATCH (n)-[r]-() WHERE ${RELATIONSHIP_AS_OF} }
  OR (n:Source AND (EXISTS { MATCH (c:Claim {sourceId: n.id}) WHERE ${CLAIM_AS_OF} }
                    OR EXISTS { MATCH (c:Claim {articleSourceId: n.id}) WHERE ${CLAIM_AS_OF} }))
  OR (NOT EXISTS { MATCH (n)-[r]-() WHERE r.claimCount IS NOT NULL }
      AND NOT (n:Source AND (EXISTS { MATCH (c:Claim {sourceId: n.id}) } OR EXISTS { MATCH (c:Claim {articleSourceId: n.id}) }))))`;

/**
 * Most connected nodes first, so a capped answer still shows the heart of the graph.
 * On as-of dates ($knownAt, $holdsAt: see asOfQuerySchema) only relationships that count then,
 * and nodes that have one of them or none from claims at all.
 */
export const GRAPH_QUERY = `
MATCH (n)
WHERE NOT n:SavedView|Claim|Article
  AND (${NOT_AS_OF} OR ${NODE_AS_OF})
WITH n ORDER BY COUNT { (n)--() } DESC, n.id
LIMIT $nodeFetch
WITH collect(n) AS fetched
WITH fetched[0..$nodeLimit] AS shown, size(fetched) > $nodeLimit AS moreNodes
CALL (shown) {
  UNWIND shown AS a
  MATCH (a)-[r]->(b)
  WHERE b IN shown AND (${NOT_AS_OF} OR ${RELATIONSHIP_AS_OF})
  WITH r LIMIT $edgeFetch
  RETURN collect(r) AS relationships
}
RETURN shown, relationships, moreNodes`;

/**
 * The node a request names, as `n`: an index seek on the shared lookup label (see lookup-label.ts);
 * only when that finds nothing (an element id, or a graph loaded without the label) a scan.
 */
const findNode = (param: string, alias: string) => `
OPTIONAL MATCH (seek:Entity {id: $${param}})
WITH seek LIMIT 1
CALL (seek) {
  WITH seek WHERE seek IS NOT NULL AND NOT seek:SavedView|Claim|Article
  RETURN seek AS found
  UNION
  WITH seek WHERE seek IS NULL
  MATCH (scan)
  WHERE (scan.id = $${param} OR elementId(scan) = $${param}) AND NOT scan:SavedView|Claim|Article
  RETURN scan AS found LIMIT 1
}
WITH found AS ${alias}`;

const FIND_NODE = findNode("id", "n");

export const NODE_QUERY = `${FIND_NODE}
OPTIONAL MATCH (n)-[r]-(m)
WHERE NOT m:SavedView
WITH n, r, m LIMIT $relationshipFetch
RETURN n, collect(r) AS relationships, collect(m) AS neighbours`;

/**
 * Expansion: the neighbours with the most relationships first (the top N when capped),
 * plus the relationships among those neighbours so the canvas shows how they connect.
 */
export const NEIGHBORS_QUERY = `${FIND_NODE}
OPTIONAL MATCH (n)-[r]-(m)
WHERE NOT m:SavedView
  AND ($types IS NULL OR type(r) IN $types)
  AND ($direction = 'both'
       OR ($direction = 'out' AND startNode(r) = n)
       OR ($direction = 'in' AND endNode(r) = n))
WITH n, m, collect(r) AS links
ORDER BY COUNT { (m)--() } DESC, elementId(m)
LIMIT $neighbourFetch
WITH n, collect(m) AS fetched, collect(links) AS linkLists
WITH n, fetched[0..$neighbourLimit] AS neighbours, linkLists[0..$neighbourLimit] AS linkLists,
     size(fetched) > $neighbourLimit AS moreNeighbours
CALL (neighbours) {
  UNWIND neighbours AS a
  MATCH (a)-[r2]->(b)
  WHERE b IN neighbours
  RETURN collect(r2) AS among
}
RETURN n, neighbours, linkLists, among, moreNeighbours`;

/**
 * What each relationship type and direction would add, counted in one pass over the node's
 * relationships: grouped by neighbour first (each distinct neighbour once, with the ways that reach
 * it), then by way; a neighbour's first way counts it once towards the total.
 */
export const EXPANSIONS_QUERY = `${FIND_NODE}
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE m <> n AND NOT m:SavedView
  WITH m, collect(DISTINCT [type(r), CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END]) AS ways
  UNWIND range(0, size(ways) - 1) AS index
  WITH ways[index] AS way, index = 0 AS firstWayOfNeighbour
  WITH way, count(*) AS neighbours, sum(CASE WHEN firstWayOfNeighbour THEN 1 ELSE 0 END) AS firstSeen
  RETURN sum(firstSeen) AS neighbourCount,
         collect({type: way[0], direction: way[1], count: neighbours}) AS options
}
RETURN n, neighbourCount, options`;

/** The nodes a view names (by `id` or element id), in one scan, and the relationships among them. */
export const LOOKUP_QUERY = `
MATCH (n)
WHERE (n.id IN $ids OR elementId(n) IN $ids) AND NOT n:SavedView|Claim|Article
WITH collect(n) AS found
CALL (found) {
  UNWIND found AS a
  MATCH (a)-[r]->(b)
  WHERE b IN found
  WITH r LIMIT $edgeFetch
  RETURN collect(r) AS relationships
}
RETURN found, relationships`;

/** Both ends of a path search, each by `id` or element id; null for an end that does not exist. */
export const PATH_ENDS_QUERY = `
OPTIONAL CALL () { ${findNode("from", "a")} RETURN a }
OPTIONAL CALL () { ${findNode("to", "b")} RETURN b }
RETURN elementId(a) AS fromElementId, elementId(b) AS toElementId`;

export const MAX_PATH_HOPS = 6;

const PATH_ENDS = `
MATCH (a) WHERE elementId(a) = $fromElementId
MATCH (b) WHERE elementId(b) = $toElementId`;

/** Undirected, 1 to `hops` relationships, never through a SavedView. */
const pathPattern = (hops: number) => `(a)(()-[]-(:!SavedView)){1,${hops}}(b)`;

/**
 * Cypher takes no parameter for a path length bound, and the bound must be in the pattern for the
 * search to stop there: so one fixed query per allowed bound, index = maxHops - 1.
 */
export const SHORTEST_PATHS_QUERIES: readonly string[] = Array.from(
  { length: MAX_PATH_HOPS },
  (_, index) => `${PATH_ENDS}
MATCH p = ALL SHORTEST ${pathPattern(index + 1)}
RETURN p
LIMIT $pathFetch`,
);

/** Simple paths (no node twice), shortest first. */
export const ALL_PATHS_QUERIES: readonly string[] = Array.from(
  { length: MAX_PATH_HOPS },
  (_, index) => `${PATH_ENDS}
MATCH p = ${pathPattern(index + 1)}
WHERE size(nodes(p)) = COUNT { UNWIND nodes(p) AS x RETURN DISTINCT x }
RETURN p
ORDER BY length(p)
LIMIT $pathFetch`,
);

/** Every relationship a Source vouches for (its id in the relationship's `sources`), with both ends. */
export const SOURCE_CLAIMS_QUERY = `
MATCH (s:Source)
WHERE s.id = $id OR elementId(s) = $id
WITH s LIMIT 1
CALL (s) {
  MATCH (a)-[r]->(b)
  WHERE s.id IN r.sources AND NOT a:SavedView AND NOT b:SavedView
  WITH a, r, b ORDER BY type(r), r.id LIMIT $claimFetch
  RETURN collect([a, r, b]) AS claims
}
RETURN claims[0..$claimLimit] AS claims, size(claims) > $claimLimit AS moreClaims`;

export const SEARCH_QUERY = `
CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $limit})
YIELD node, score
RETURN node, score`;

export const COMPONENTS_QUERY = `
CALL dbms.components() YIELD name, versions, edition
RETURN versions[0] AS version, edition`;
