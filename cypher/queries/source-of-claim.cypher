// @name Provenance of one claim
// @description One relationship by its id, its two ends, the Source nodes it cites, its verbatim evidence and how sure it is.
// @param relId = "bytedance-sources-from-huawei"
MATCH (a)-[r]->(b)
WHERE r.id = $relId
OPTIONAL MATCH (s:Source)
WHERE s.id IN r.sources
RETURN a, r, b,
       collect(s) AS sourceNodes,
       type(r) AS type,
       r.certainty AS certainty,
       r.sources AS sources,
       r.evidence AS evidence,
       r.evidence_en AS evidenceEn,
       r.additionalEvidence AS additionalEvidence,
       r.asOf AS asOf;
