// @name Search entities by name or alias
// @description Full-text search (Lucene syntax) over the names and aliases of all entities, best matches first.
// @param q = "Huawei"
// @param limit = 20
CALL db.index.fulltext.queryNodes('entityNames', $q) YIELD node, score
RETURN node,
       score,
       labels(node) AS labels,
       node.name AS name,
       node.aliases AS aliases
ORDER BY score DESC
LIMIT $limit;
