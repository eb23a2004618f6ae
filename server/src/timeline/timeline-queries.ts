/**
 * The timeline's reads (issue #20): articles, claims, sources and entity names, in four plain
 * queries with no user value but ids, as parameters. Claims are few per relationship and the
 * changes are computed from them in memory (server/src/timeline/change-diff.ts).
 */

export const TIMELINE_ARTICLES_QUERY = `
MATCH (a:Article)
OPTIONAL MATCH (s:Source {id: a.sourceId})
OPTIONAL MATCH (c:Claim {articleId: a.id})
WITH a, s, count(c) AS claimCount
RETURN a.id AS id, coalesce(a.title, a.id) AS title, a.language AS language, a.publishedAt AS publishedAt,
       s.id AS outletId, s.name AS outletName, claimCount`;

/**
 * The keys the timeline reads of a claim (not the notes, offsets, URLs...), in this order: a list
 * per claim, not a map, since the driver decodes 5,000 lists in about half the time of 5,000 maps
 * (each map repeats its 25 keys). historyClaimOf reads them back by these names.
 */
export const HISTORY_CLAIM_KEYS = [
  "id",
  "relationshipId",
  "predicate",
  "subject",
  "object",
  "stance",
  "certainty",
  "quote",
  "quoteLang",
  "quoteEn",
  "quantities",
  "reportedAt",
  "validFrom",
  "validTo",
  "knownFrom",
  "holdsFrom",
  "holdsTo",
  "sourceId",
  "republishes",
  "articleId",
  "position",
  "ingestedAt",
  "enteredAt",
  "subjectAs",
  "objectAs",
] as const;

const CLAIM_ROW = `[${HISTORY_CLAIM_KEYS.map((key) => `c.${key}`).join(", ")}] AS claim`;

/** The claims of $ids, as the timeline reads them (a change list's claims not read before). */
export const HISTORY_CLAIMS_BY_ID_QUERY = `
MATCH (c:Claim)
WHERE c.id IN $ids
RETURN ${CLAIM_ROW}`;

/** Every claim that belongs to a relationship (the timeline's ticks; watches diff them all). */
export const HISTORY_CLAIMS_QUERY = `
MATCH (c:Claim)
WHERE c.relationshipId IS NOT NULL
RETURN ${CLAIM_ROW}`;

/**
 * The claims a change list between $from and $to (days, $from <= $to) needs, not all of them:
 * every claim of each relationship that may have changed between the two days. On the known axis,
 * a claim first known in the window or one that stops holding in it (when a relationship is over
 * is judged on each day); on the held axis, an assertion that begins or stops holding in it. A
 * relationship with no such claim has no change, so the diff of these claims lists every change of
 * the relationships (tests/integration/timeline-api.test.ts compares it with the diff of all).
 * Range seeks on Claim.knownFrom, holdsFrom, holdsTo, then on relationshipId (cypher/schema.cypher);
 * bounds inclusive, so the read is never short. Only the claims' ids, in one list (one record:
 * the driver decodes a list of 5,000 ids in about half the time of 5,000 records): what the
 * timeline reads of each comes from HistoryClaimCache, read with HISTORY_CLAIMS_BY_ID_QUERY when no
 * list read it yet.
 */
export const KNOWN_WINDOW_CLAIMS_QUERY = `
CALL () {
  MATCH (t:Claim) WHERE t.knownFrom >= $from AND t.knownFrom <= $to
  RETURN t.relationshipId AS id
  UNION
  MATCH (t:Claim) WHERE t.holdsTo >= $from AND t.holdsTo <= $to
  RETURN t.relationshipId AS id
}
WITH id WHERE id IS NOT NULL
MATCH (c:Claim {relationshipId: id})
RETURN collect(c.id) AS ids`;

export const HELD_WINDOW_CLAIMS_QUERY = `
CALL () {
  MATCH (t:Claim) WHERE t.holdsFrom >= $from AND t.holdsFrom <= $to
  RETURN t.relationshipId AS id
  UNION
  MATCH (t:Claim) WHERE t.holdsTo >= $from AND t.holdsTo <= $to
  RETURN t.relationshipId AS id
}
WITH id WHERE id IS NOT NULL
MATCH (c:Claim {relationshipId: id})
RETURN collect(c.id) AS ids`;

/**
 * For the entities of claims first known in the window ($ids): whether a claim named them by $from,
 * and the names those claims gave them (a new entity, or a name newly merged into one). One small
 * row per entity, not its claims: an entity named by hundreds of claims costs index reads only.
 */
export const ENTITY_PRIORS_QUERY = `
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (c:Claim {subject: id})
  WHERE c.knownFrom <= $from AND c.relationshipId IS NOT NULL
  RETURN count(c) AS asSubject, collect(DISTINCT c.subjectAs) AS subjectNames
}
CALL (id) {
  OPTIONAL MATCH (c:Claim {object: id})
  WHERE c.knownFrom <= $from AND c.relationshipId IS NOT NULL
  RETURN count(c) AS asObject, collect(DISTINCT c.objectAs) AS objectNames
}
WITH id, asSubject + asObject AS before, subjectNames + objectNames AS names
WHERE before > 0
RETURN id, names`;

/** The day the first claim was reported: a change list's default start is the day before. */
export const FIRST_KNOWN_QUERY = `
MATCH (c:Claim)
WHERE c.knownFrom IS NOT NULL AND c.relationshipId IS NOT NULL
RETURN min(c.knownFrom) AS first`;

/** The names of the entities given (a windowed read's claims' ends), as two lists in one record. */
export const NAMES_OF_QUERY = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN collect(n.id) AS ids, collect(coalesce(n.name, n.id)) AS names`;

export { SOURCE_NAMES_QUERY as HISTORY_SOURCES_QUERY } from "../claims/attribution";

/** The names of the claims' ends, read beside the claims (not after them): one round trip less. */
export const ENTITY_NAMES_QUERY = `
MATCH (c:Claim)
WHERE c.relationshipId IS NOT NULL
WITH collect(DISTINCT c.subject) + collect(DISTINCT c.object) AS ids
UNWIND ids AS id
WITH DISTINCT id
MATCH (n:Entity {id: id})
RETURN n.id AS id, coalesce(n.name, n.id) AS name`;

export const ARTICLE_DAY_QUERY = `
MATCH (a:Article {id: $id})
RETURN a.publishedAt AS publishedAt`;
