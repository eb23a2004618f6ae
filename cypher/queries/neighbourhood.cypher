// @name Neighbourhood of a node
// @description Everything one hop from a node, with the relationships' provenance.
// @param id = "bytedance"
// @param limit = 50
MATCH (n)
WHERE n.id = $id
OPTIONAL MATCH (n)-[r]-(m)
WITH n, r, m
ORDER BY type(r), m.id
LIMIT $limit
RETURN n, r, m,
       type(r) AS type,
       r.certainty AS certainty,
       r.sources AS sources,
       r.evidence AS evidence,
       r.evidence_en AS evidenceEn,
       r.asOf AS asOf;
