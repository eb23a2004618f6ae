// @name Claims by source
// @description Every relationship whose provenance lists a given source (reuters, engadget, unnamed-reports or the article id), with the sentence that supports it.
// @param source = "reuters"
// @param limit = 200
MATCH (a)-[r]->(b)
WHERE $source IN r.sources
RETURN a, r, b,
       type(r) AS type,
       r.certainty AS certainty,
       r.evidence AS evidence,
       r.evidence_en AS evidenceEn,
       r.asOf AS asOf
ORDER BY type(r), r.id
LIMIT $limit;
