// @name Core claims
// @description The three claims the product is about (SOURCES_FROM, PREVIOUSLY_USED, REPORTEDLY_OUTPERFORMS), with who says so, in which words, and how sure.
// @param limit = 100
MATCH (a)-[r:SOURCES_FROM|PREVIOUSLY_USED|REPORTEDLY_OUTPERFORMS]->(b)
RETURN a, r, b,
       type(r) AS type,
       r.certainty AS certainty,
       r.sources AS sources,
       r.evidence AS evidence,
       r.evidence_en AS evidenceEn,
       r.asOf AS asOf
ORDER BY type(r), r.id
LIMIT $limit;
