/**
 * The Sources view's reads. Articles and claims are meta-level records (claims-queries.ts): they
 * link to Sources, entities and relationships by id properties, never by relationships, so the
 * graph's own queries never meet them.
 */

/** Every article with its outlet and claim count; newest first. `a.text` is only tested, never sent. */
export const LIST_ARTICLES_QUERY = `
MATCH (a:Article)
OPTIONAL MATCH (s:Source {id: a.sourceId})
CALL (a) {
  MATCH (c:Claim {articleId: a.id})
  RETURN count(c) AS claimCount
}
RETURN a.id AS id, a.title AS title, a.sourceId AS sourceId, s.name AS sourceName, s.grade AS sourceGrade,
       a.publishedAt AS publishedAt, a.language AS language, a.url AS url, a.text IS NOT NULL AS hasText, claimCount
ORDER BY coalesce(a.publishedAt, '') DESC, a.title, a.id`;

/**
 * One article, its outlet, and each of its claims with the relationship it is about (found from
 * the claim's subject by its :Entity id, then the relationship by its \`id\`), both ends' names and
 * the claim's Source.
 */
export const GET_ARTICLE_QUERY = `
MATCH (a:Article {id: $id})
OPTIONAL MATCH (s:Source {id: a.sourceId})
CALL (a) {
  MATCH (c:Claim {articleId: a.id})
  OPTIONAL MATCH (cs:Source {id: c.sourceId})
  OPTIONAL MATCH (x:Entity {id: c.subject})-[r]->(y:Entity {id: c.object})
  WHERE r.id = c.relationshipId
  WITH c, cs, head(collect({r: r, x: x, y: y})) AS found
  RETURN collect({
    claim: properties(c),
    sourceName: cs.name,
    sourceGrade: cs.grade,
    relationshipElementId: elementId(found.r),
    type: type(found.r),
    contested: found.r.contested,
    subject: coalesce(found.x.name, found.x.id),
    object: coalesce(found.y.name, found.y.id)
  }) AS claims
}
RETURN a.id AS id, a.title AS title, a.sourceId AS sourceId, s.name AS sourceName, s.grade AS sourceGrade,
       a.publishedAt AS publishedAt, a.language AS language, a.url AS url, a.text AS text, claims`;
