/**
 * The server's own read queries. Every user value is a $parameter.
 * Nodes are found by their `id` property, or by element id for nodes that have none.
 * SavedView, Claim, Article, Draft and RelationshipType nodes are the app's own records, not part
 * of the analysts' graph:
 * no query here returns them (Claim and Article are isolated nodes, so only node scans filter them).
 */

import type { PathDirection, PathMode } from "../../../contract/graph-contract";
import { MAX_PATH_HOPS } from "../../../contract/request-schemas";
import { CLAIM_AS_OF } from "../claims/claims-queries";
import { LINK_SEPARATOR, RANKING_LABEL, RANKING_LENGTH } from "../claims/neighbour-ranking";

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
 * `nodeFilter` keeps a node `n` (Cypher, no user text). The node filter runs in degree order,
 * after the sort, until the cap is reached: in a subquery, so the planner cannot move it before
 * the sort and test every node of a big graph. `relationships` ends the subquery that reads the
 * relationships `r` among the shown nodes: it returns `relationships` and may return more.
 */
const graphQuery = (nodeFilter: string | null, relationships: string, more = "") => `
MATCH (n)
WHERE NOT n:SavedView|Claim|Article|Draft|RelationshipType|AppUser|AuthSession|ApiKey|AuditEvent|NeighbourRanking|Watch
WITH n ORDER BY COUNT { (n)--() } DESC, n.id${
  nodeFilter === null
    ? ""
    : `
CALL (n) {
  WITH n WHERE ${nodeFilter}
  RETURN n AS kept
}
WITH kept AS n`
}
LIMIT $nodeFetch
WITH collect(n) AS fetched
WITH fetched[0..$nodeLimit] AS shown, size(fetched) > $nodeLimit AS moreNodes
CALL (shown) {
  UNWIND shown AS a
  MATCH (a)-[r]->(b)
  WHERE b IN shown${relationships}
}
RETURN shown, relationships, moreNodes${more}`;

/**
 * The whole graph, capped. Two queries rather than one with `($knownAt IS NULL OR ...)`: the planner
 * evaluated the as-of subqueries for every node before that OR short-circuited (on 200k nodes,
 * 2M relationships read for nothing), so the plain read carries none of them.
 */
export const GRAPH_QUERY = graphQuery(
  null,
  `
  WITH r LIMIT $edgeFetch
  RETURN collect(r) AS relationships`,
);

/**
 * On as-of dates ($knownAt, $holdsAt: see asOfQuerySchema, at least one set) only relationships
 * that count then, and nodes that have one of them or none from claims at all. With the
 * relationships, `claims`: for each, [its id, [[claim id, counts then]...]] (none for one not
 * built from claims), read by the same index seek that decides whether it counts (the day's
 * summaries need them; a second query for them cost a round trip and every seek again).
 */
export const GRAPH_AS_OF_QUERY = graphQuery(
  NODE_AS_OF,
  `
  WITH r, COLLECT { MATCH (c:Claim {relationshipId: r.id}) RETURN [c.id, ${CLAIM_AS_OF}] } AS claims
  WHERE r.claimCount IS NULL OR any(claim IN claims WHERE claim[1])
  WITH r, claims LIMIT $edgeFetch
  RETURN collect(r) AS relationships, collect([r.id, claims]) AS claims`,
  ", claims",
);

/**
 * The node a request names, as `n`: an index seek on the shared lookup label (see lookup-label.ts);
 * only when that finds nothing (an element id, or a graph loaded without the label) a scan.
 * The scan sits in a subquery of its own: written inline, the planner ran it on every lookup and
 * filtered on `seek IS NULL` afterwards (every node read, even when the seek had found one).
 */
const findNode = (param: string, alias: string) => `
OPTIONAL MATCH (seek:Entity {id: $${param}})
WITH seek LIMIT 1
CALL (seek) {
  WITH seek WHERE seek IS NOT NULL AND NOT seek:SavedView|Claim|Article|Draft|RelationshipType|AppUser|AuthSession|ApiKey|AuditEvent|NeighbourRanking|Watch
  RETURN seek AS found
  UNION
  WITH seek WHERE seek IS NULL
  CALL () {
    MATCH (scan)
    WHERE (scan.id = $${param} OR elementId(scan) = $${param}) AND NOT scan:SavedView|Claim|Article|Draft|RelationshipType|AppUser|AuthSession|ApiKey|AuditEvent|NeighbourRanking|Watch
    RETURN scan LIMIT 1
  }
  RETURN scan AS found
}
WITH found AS ${alias}`;

const FIND_NODE = findNode("id", "n");

export const NODE_QUERY = `${FIND_NODE}
OPTIONAL MATCH (n)-[r]-(m)
WHERE NOT m:SavedView
WITH n, r, m LIMIT $relationshipFetch
RETURN n, collect(r) AS relationships, collect(m) AS neighbours`;

/** A relationship `r` of `n` goes the way an expansion asks: of $types (null: any), in $direction. */
const EXPANSION_WAY = `($types IS NULL OR type(r) IN $types)
  AND ($direction = 'both'
       OR ($direction = 'out' AND startNode(r) = n)
       OR ($direction = 'in' AND endNode(r) = n))`;

/**
 * Expansion: the neighbours with the most relationships first (the top N when capped), their
 * relationships with the node, and up to $linkLimit relationships among them so the canvas shows
 * how they connect (`moreLinks` when there were more; decision 0006, "links among a hub's top
 * neighbours").
 * A supernode's top N comes from its stored ranking (claims/neighbour-ranking.ts, found by index):
 * its entries in order, those that go the asked way, the first $neighbourFetch (without a type or
 * direction, only the first $neighbourFetch entries are read: each is a neighbour). The ranking is
 * used when that yields $neighbourFetch neighbours or holds every neighbour; otherwise (a rare
 * type or direction) and for every other node, the neighbours are ranked here, once each (not
 * grouped with their relationships first). The relationships with the node are read only for the
 * kept ones: by the element ids the ranking stores (`links`), checked to join the two; else (no
 * ranking, or one written before it stored them) by matching between the two nodes.
 * The relationships among the neighbours are read from the most connected neighbour down and the
 * first $linkFetch kept: a hub's top neighbours are the graph's most connected nodes, joined by
 * thousands of relationships (2,200 among the bench supernode's top 50, read from 46,000).
 */
export const NEIGHBORS_QUERY = `${FIND_NODE}
OPTIONAL MATCH (ranking:${RANKING_LABEL} {hub: elementId(n)})
CALL (n, ranking) {
  WITH n, ranking, $types IS NULL AND $direction = 'both' AS everyWay WHERE ranking IS NOT NULL
  UNWIND range(0, CASE WHEN everyWay THEN $neighbourFetch ELSE size(ranking.neighbours) END - 1) AS place
  WITH n, ranking, everyWay, place, ranking.neighbours[place] AS neighbourId WHERE neighbourId IS NOT NULL
  MATCH (m) WHERE elementId(m) = neighbourId
  WITH n, ranking, m, place WHERE NOT m:SavedView AND (everyWay OR EXISTS { MATCH (n)-[r]-(m) WHERE ${EXPANSION_WAY} })
  WITH ranking, m, place ORDER BY place
  LIMIT $neighbourFetch
  RETURN collect({m: m, links: ranking.links[place]}) AS ranked
}
WITH n, ranked,
     ranking IS NOT NULL AND (size(ranked) = $neighbourFetch OR size(ranking.neighbours) < ${RANKING_LENGTH}) AS fromRanking
CALL (n, fromRanking) {
  WITH n WHERE NOT fromRanking
  OPTIONAL MATCH (n)-[r]-(m)
  WHERE NOT m:SavedView AND ${EXPANSION_WAY}
  WITH DISTINCT m
  ORDER BY COUNT { (m)--() } DESC, elementId(m)
  LIMIT $neighbourFetch
  RETURN collect({m: m, links: null}) AS visited
}
WITH n, CASE WHEN fromRanking THEN ranked ELSE visited END AS fetched
WITH n, fetched[0..$neighbourLimit] AS kept, size(fetched) > $neighbourLimit AS moreNeighbours
WITH n, kept, [entry IN kept WHERE entry.m IS NOT NULL | entry.m] AS neighbours, moreNeighbours
CALL (n, kept) {
  UNWIND kept AS entry
  WITH n, entry.m AS m, entry.links AS stored WHERE m IS NOT NULL
  CALL (n, m, stored) {
    WITH n, m, stored WHERE stored IS NULL
    MATCH (n)-[r]-(m)
    WHERE ${EXPANSION_WAY}
    RETURN r
    UNION ALL
    WITH n, m, stored WHERE stored IS NOT NULL
    UNWIND split(stored, '${LINK_SEPARATOR}') AS linkId
    MATCH ()-[r]->() WHERE elementId(r) = linkId
    WITH n, m, r
    WHERE (startNode(r) = n AND endNode(r) = m OR startNode(r) = m AND endNode(r) = n) AND ${EXPANSION_WAY}
    RETURN r
  }
  RETURN collect(r) AS links
}
CALL (neighbours) {
  UNWIND neighbours AS a
  MATCH (a)-[r2]->(b)
  WHERE b IN neighbours
  WITH r2 LIMIT $linkFetch
  RETURN collect(r2) AS among
}
RETURN n, neighbours, links, among[0..$linkLimit] AS among, size(among) > $linkLimit AS moreLinks, moreNeighbours`;

/** A name as a Cypher identifier: in backticks, a backtick in it doubled. */
const quoteName = (name: string) => `\`${name.replaceAll("`", "``")}\``;

/**
 * What each relationship type and direction would add, and how many distinct neighbours in all.
 * A node with at most $exactLimit relationships is counted exactly, in one pass over them: grouped
 * by neighbour first (each distinct neighbour once, with the ways that reach it), then by way; a
 * neighbour's first way counts it once towards the total (`options`).
 * A bigger node (a supernode has 100,000) is counted without reading its relationships
 * (`degreeRows`, `options` null): `COUNT { (n)-[:T]->() }` per type and direction, which Neo4j
 * answers from the per-type counts it keeps for dense nodes (GetDegree), where a type given as a
 * parameter would read every relationship. So `types` are written into the query: the database's
 * own relationship types (db.relationshipTypes(), never request text), quoted, each name also
 * sent as $types[i]. The query returns the database's types for such a node, so the caller can
 * see that `types` were stale and ask again. There a count is relationships, not distinct
 * neighbours, and the total is the node's degree: the same unless two relationships join the
 * same two nodes (ingestion MERGEs one per type and direction) or one is a loop.
 */
export function expansionsQuery(types: readonly string[]): string {
  const degreeRows = types.map((type, index) => {
    const name = quoteName(type);
    return `{type: $types[${index}], out: COUNT { (n)-[:${name}]->() }, in: COUNT { (n)<-[:${name}]-() }}`;
  });
  return `${FIND_NODE}
WITH n, COUNT { (n)--() } AS degree
CALL (n, degree) {
  WITH n WHERE degree <= $exactLimit
  MATCH (n)-[r]-(m)
  WHERE m <> n AND NOT m:SavedView
  WITH m, collect(DISTINCT [type(r), CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END]) AS ways
  UNWIND range(0, size(ways) - 1) AS index
  WITH ways[index] AS way, index = 0 AS firstWayOfNeighbour
  WITH way, count(*) AS neighbours, sum(CASE WHEN firstWayOfNeighbour THEN 1 ELSE 0 END) AS firstSeen
  RETURN sum(firstSeen) AS exactCount,
         collect({type: way[0], direction: way[1], count: neighbours}) AS exactOptions
}
CALL (n, degree) {
  WITH n WHERE degree > $exactLimit
  UNWIND [${degreeRows.join(",\n          ")}] AS row
  RETURN collect(row) AS degreeRows
}
CALL (degree) {
  WITH degree WHERE degree > $exactLimit
  CALL db.relationshipTypes() YIELD relationshipType
  RETURN collect(relationshipType) AS relationshipTypes
}
WITH n, degree <= $exactLimit AS exact, degree, exactCount, exactOptions, degreeRows, relationshipTypes
RETURN n, CASE WHEN exact THEN exactCount ELSE degree END AS neighbourCount,
       CASE WHEN exact THEN exactOptions END AS options, degreeRows, relationshipTypes`;
}

/** The nodes a view names (by `id` or element id), in one scan, and the relationships among them. */
export const LOOKUP_QUERY = `
MATCH (n)
WHERE (n.id IN $ids OR elementId(n) IN $ids) AND NOT n:SavedView|Claim|Article|Draft|RelationshipType|AppUser|AuthSession|ApiKey|AuditEvent|NeighbourRanking|Watch
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

const PATH_ENDS = `
MATCH (a) WHERE elementId(a) = $fromElementId
MATCH (b) WHERE elementId(b) = $toElementId`;

/** 1 to `hops` relationships, either way or along their arrows, never through a SavedView. */
const pathPattern = (hops: number, direction: PathDirection) =>
  `(a)(()-[]-${direction === "directed" ? ">" : ""}(:!SavedView)){1,${hops}}(b)`;

/** No node twice. */
const SIMPLE = `\nWHERE size(nodes(p)) = COUNT { UNWIND nodes(p) AS x RETURN DISTINCT x }`;

/** A hop's certainty as a rank: confirmed 3, reported 2, speculative 1, none recorded 0. */
const CERTAINTY_RANK = `CASE r.certainty WHEN 'confirmed' THEN 3 WHEN 'reported' THEN 2 WHEN 'speculative' THEN 1 ELSE 0 END`;

/**
 * The first `$pathCap` paths found (shortest first), ranked by their weakest hop (strongest first),
 * then length, then their relationships' element ids (so pages do not shift between requests); one
 * row per path of the page `[$offset, $end)`, each with `total`, or one row with a null `p` when the
 * page is empty (so `total` still comes back).
 */
const RANK_AND_PAGE = `
WITH p ORDER BY length(p) LIMIT $pathCap
WITH p, reduce(w = 3, x IN [r IN relationships(p) | ${CERTAINTY_RANK}] | CASE WHEN x < w THEN x ELSE w END) AS weakest
ORDER BY weakest DESC, length(p), [r IN relationships(p) | elementId(r)]
WITH collect(p) AS ranked
UNWIND CASE WHEN size(ranked) > $offset THEN ranked[$offset..$end] ELSE [null] END AS p
RETURN size(ranked) AS total, p`;

/**
 * Cypher takes no parameter for a path length bound, and the bound must be in the pattern for the
 * search to stop there: so one fixed query per mode, direction and allowed bound, index = maxHops - 1.
 * `shortest`: all shortest paths; `all`: simple paths (no node twice).
 */
export const PATHS_QUERIES: Readonly<Record<PathMode, Readonly<Record<PathDirection, readonly string[]>>>> = {
  shortest: {
    either: pathQueries((hops) => `MATCH p = ALL SHORTEST ${pathPattern(hops, "either")}`),
    directed: pathQueries((hops) => `MATCH p = ALL SHORTEST ${pathPattern(hops, "directed")}`),
  },
  all: {
    either: pathQueries((hops) => `MATCH p = ${pathPattern(hops, "either")}${SIMPLE}`),
    directed: pathQueries((hops) => `MATCH p = ${pathPattern(hops, "directed")}${SIMPLE}`),
  },
};

function pathQueries(match: (hops: number) => string): string[] {
  return Array.from({ length: MAX_PATH_HOPS }, (_, index) => `${PATH_ENDS}\n${match(index + 1)}${RANK_AND_PAGE}`);
}

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
