/**
 * Drafts live in Neo4j as isolated `Draft` nodes (their content as a JSON string), kept out of
 * every graph query like saved views. Timestamps are Neo4j datetimes, sent as ISO-8601 strings.
 */

const SUMMARY = `d.id AS id, d.title AS title, d.status AS status, d.revision AS revision,
       d.itemCount AS itemCount, toString(d.createdAt) AS createdAt, toString(d.updatedAt) AS updatedAt,
       d.createdBy AS createdBy, d.updatedBy AS updatedBy`;

export const LIST_DRAFTS_QUERY = `
MATCH (d:Draft)
RETURN ${SUMMARY}
ORDER BY d.updatedAt DESC, d.id
LIMIT 500`;

export const GET_DRAFT_QUERY = `
MATCH (d:Draft {id: $id})
RETURN ${SUMMARY}, d.content AS content, d.committed AS committed`;

/**
 * Takes the draft's write lock (creating it at revision 0 if it is new) and says which revision it
 * is at, inside the transaction that then saves: two saves of one revision cannot both win.
 */
export const LOCK_DRAFT_QUERY = `
MERGE (d:Draft {id: $id})
ON CREATE SET d.revision = 0, d.status = 'open', d.createdAt = datetime(), d.createdBy = $by, d.new = true
SET d.locked = true
REMOVE d.locked
WITH d, coalesce(d.new, false) AS created
REMOVE d.new
RETURN d.revision AS revision, created`;

export const SAVE_DRAFT_QUERY = `
MATCH (d:Draft {id: $id})
SET d.content = $content, d.title = $title, d.itemCount = $itemCount,
    d.revision = d.revision + 1, d.updatedAt = datetime(), d.updatedBy = $by
RETURN ${SUMMARY}, d.content AS content, d.committed AS committed`;

export const MARK_COMMITTED_QUERY = `
MATCH (d:Draft {id: $id})
SET d.status = 'committed', d.committed = $committed, d.claimsFile = $claimsFile,
    d.revision = d.revision + 1, d.updatedAt = datetime(), d.updatedBy = $by
RETURN ${SUMMARY}, d.content AS content, d.committed AS committed`;

export const CLAIMS_FILE_QUERY = `
MATCH (d:Draft {id: $id})
RETURN d.claimsFile AS claimsFile`;

export const DELETE_DRAFT_QUERY = `
MATCH (d:Draft {id: $id})
DELETE d
RETURN count(*) AS deleted`;

/** What an article's claims stand behind: their relationships and both ends, for the canvas. */
export const ARTICLE_ELEMENTS_QUERY = `
MATCH (c:Claim {articleId: $articleId})
RETURN collect(DISTINCT c.relationshipId) AS relationshipIds,
       collect(DISTINCT c.subject) + collect(DISTINCT c.object) AS nodeIds`;
