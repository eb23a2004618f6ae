// @name Reported or speculative claims
// @description Every relationship whose certainty is not 'confirmed' (reported, speculative or missing), with its sources and evidence; speculative ones last.
// @param limit = 200
MATCH (a)-[r]->(b)
WHERE coalesce(r.certainty, 'unknown') <> 'confirmed'
RETURN a, r, b,
       type(r) AS type,
       coalesce(r.certainty, 'unknown') AS certainty,
       r.sources AS sources,
       r.evidence AS evidence,
       r.evidence_en AS evidenceEn,
       r.asOf AS asOf
ORDER BY CASE coalesce(r.certainty, 'unknown') WHEN 'reported' THEN 0 WHEN 'speculative' THEN 1 ELSE 2 END, type(r), r.id
LIMIT $limit;
