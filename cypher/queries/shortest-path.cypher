// @name Shortest path between two nodes
// @description One shortest chain of relationships (any type, either direction, up to 6 hops) linking two nodes, with the certainty of each link.
// @param from = "tiktok"
// @param to = "a100"
MATCH (a)
WHERE a.id = $from
MATCH (b)
WHERE b.id = $to AND b <> a
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN p,
       length(p) AS hops,
       [x IN nodes(p) | x.name] AS names,
       [r IN relationships(p) | type(r)] AS types,
       [r IN relationships(p) | r.certainty] AS certainties;
