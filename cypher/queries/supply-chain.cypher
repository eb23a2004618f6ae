// @name Chip supply chain of a company
// @description The chips a company used, ordered or sources, the companies that make them, and how sure each link is.
// @param company = "bytedance"
// @param limit = 100
MATCH (c)
WHERE c.id = $company
MATCH p = (c)-[via:PREVIOUSLY_USED|ORDERED|SOURCES_FROM]->(x)
OPTIONAL MATCH q = (x)-[:MAKES]-(y)
WHERE (x:Chip AND y:Company) OR (x:Company AND y:Chip)
WITH p, q, via, x, y
ORDER BY type(via), x.id, y.id
LIMIT $limit
RETURN p, q,
       type(via) AS link,
       via.certainty AS certainty,
       via.sources AS sources,
       CASE WHEN x:Chip THEN x.name ELSE y.name END AS chip,
       CASE WHEN x:Chip THEN y.name ELSE x.name END AS maker,
       via.quantity AS quantity,
       via.delivered AS delivered;
