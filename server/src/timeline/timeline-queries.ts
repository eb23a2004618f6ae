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

/** Only the keys the timeline reads (not the notes, offsets, URLs...): less to send on 5,000 claims. */
export const HISTORY_CLAIMS_QUERY = `
MATCH (c:Claim)
WHERE c.relationshipId IS NOT NULL
RETURN c {.id, .relationshipId, .predicate, .subject, .object, .stance, .certainty, .quote, .quoteLang, .quoteEn,
          .quantities, .reportedAt, .validFrom, .validTo, .knownFrom, .holdsFrom, .holdsTo, .sourceId, .republishes,
          .articleId, .position, .ingestedAt, .enteredAt, .subjectAs, .objectAs} AS claim`;

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
