/**
 * The server's own read queries. Every user value is a $parameter.
 * Nodes are found by their `id` property, or by element id for nodes that have none.
 */

/** Most connected nodes first, so a capped answer still shows the heart of the graph. */
export const GRAPH_QUERY = `
MATCH (n)
WITH n ORDER BY COUNT { (n)--() } DESC, n.id
LIMIT $nodeFetch
WITH collect(n) AS fetched
WITH fetched[0..$nodeLimit] AS shown, size(fetched) > $nodeLimit AS moreNodes
CALL (shown) {
  UNWIND shown AS a
  MATCH (a)-[r]->(b)
  WHERE b IN shown
  WITH r LIMIT $edgeFetch
  RETURN collect(r) AS relationships
}
RETURN shown, relationships, moreNodes`;

const FIND_NODE = `
MATCH (n)
WHERE n.id = $id OR elementId(n) = $id
WITH n LIMIT 1`;

export const NODE_QUERY = `${FIND_NODE}
OPTIONAL MATCH (n)-[r]-(m)
WITH n, r, m LIMIT $relationshipFetch
RETURN n, collect(r) AS relationships, collect(m) AS neighbours`;

/**
 * Expansion: the neighbours with the most relationships first (the top N when capped),
 * plus the relationships among those neighbours so the canvas shows how they connect.
 */
export const NEIGHBORS_QUERY = `${FIND_NODE}
OPTIONAL MATCH (n)-[r]-(m)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($direction = 'both'
       OR ($direction = 'out' AND startNode(r) = n)
       OR ($direction = 'in' AND endNode(r) = n))
WITH n, m, collect(r) AS links
ORDER BY COUNT { (m)--() } DESC
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

export const SEARCH_QUERY = `
CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $limit})
YIELD node, score
RETURN node, score`;

export const COMPONENTS_QUERY = `
CALL dbms.components() YIELD name, versions, edition
RETURN versions[0] AS version, edition`;
