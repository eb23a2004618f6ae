/**
 * The ingester's Cypher. Claim and Article nodes are the app's meta-level records: isolated nodes
 * (linked to Source, Article and relationship by id properties, each indexed) that the graph
 * endpoints never return, like SavedView. Labels and types come from validated enums, as $() values.
 */

/** Labels of nodes that are records about the graph, not part of it. */
export const META_LABELS =
  "SavedView|Claim|Article|Draft|RelationshipType|AppUser|AuthSession|ApiKey|AuditEvent|NeighbourRanking|Watch";

/**
 * Ingests take turns: each creates this node first and deletes it last, in its one transaction.
 * The uniqueness constraint on IngestLock.id (cypher/schema.cypher) makes a second ingest wait at
 * its CREATE until the first has committed, so it resolves names against what the first wrote
 * (and reports it unchanged) instead of both creating, or failing on a constraint. Nobody else
 * ever sees the node: it exists only inside uncommitted transactions.
 */
export const TAKE_INGEST_TURN_QUERY = `CREATE (:IngestLock {id: 'ingest'})`;
export const END_INGEST_TURN_QUERY = `MATCH (lock:IngestLock {id: 'ingest'}) DELETE lock`;

export const GRAPH_NODES_QUERY = `
MATCH (n)
WHERE NOT n:${META_LABELS} AND n.id IS NOT NULL
RETURN elementId(n) AS elementId, labels(n) AS labels, properties(n) AS props`;

/** Creates or updates nodes of the analysts' graph; every one gets the lookup label Entity too. */
export const UPSERT_NODES_QUERY = `
UNWIND $rows AS row
MERGE (n:$(row.label) {id: row.id})
SET n += row.props, n:Entity
RETURN row.id AS id, elementId(n) AS elementId`;

export const UPSERT_ARTICLE_QUERY = `
OPTIONAL MATCH (old:Article {id: $id})
WITH old, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (a:Article {id: $id})
SET a += $props
RETURN before, properties(a) AS after`;

/** One row per relationship: MERGE on (start, type, end); `before` is null when it is new. */
export const MERGE_RELATIONSHIPS_QUERY = `
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
OPTIONAL MATCH (a)-[old:$(row.type)]->(b)
WITH a, b, row, head(collect(properties(old))) AS before
MERGE (a)-[r:$(row.type)]->(b)
ON CREATE SET r.id = row.id
SET r += row.props
RETURN row.key AS key, r.id AS id, elementId(r) AS elementId, before`;

/**
 * Claims are immutable: the id is derived from the content, so an existing one is the same claim.
 * Only its place in the article's text (start, end) may change, when the article gains a text.
 */
export const MERGE_CLAIMS_QUERY = `
UNWIND $claims AS claim
OPTIONAL MATCH (old:Claim {id: claim.id})
WITH claim, old IS NOT NULL AS existed,
     coalesce(old.start, -1) = coalesce(claim.start, -1) AND coalesce(old.end, -1) = coalesce(claim.end, -1) AS samePlace
MERGE (c:Claim {id: claim.id})
ON CREATE SET c += claim
SET c.start = claim.start, c.end = claim.end
RETURN claim.id AS id, existed, samePlace`;

/** The text an article already has, to locate quotes of a file that does not repeat it. */
export const STORED_ARTICLE_TEXT_QUERY = `
OPTIONAL MATCH (a:Article {id: $id})
RETURN a.text AS text`;

export const CLAIMS_OF_RELATIONSHIPS_QUERY = `
MATCH (c:Claim)
WHERE c.relationshipId IN $ids
RETURN c.relationshipId AS relationshipId, properties(c) AS claim`;

export const SET_SUMMARIES_QUERY = `
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.elementId
SET r += row.props
RETURN row.elementId AS elementId, properties(r) AS after`;

/**
 * A relationship by its element id (the edge's data id) or by its `id`, with both ends, its claims
 * and what they link to. Both are seeks, never a scan of every relationship: the element id
 * directly, the `id` through its claims (indexed on relationshipId) and their subject's :Entity.
 */
export const RELATIONSHIP_CLAIMS_QUERY = `
CALL () {
  MATCH (a)-[r]->(b) WHERE elementId(r) = $id
  RETURN a, r, b
  UNION
  MATCH (c:Claim {relationshipId: $id})
  WITH c LIMIT 1
  MATCH (a:Entity {id: c.subject})-[r]->(b:Entity {id: c.object})
  WHERE r.id = $id
  RETURN a, r, b
}
WITH a, r, b
WHERE NOT a:${META_LABELS} AND NOT b:${META_LABELS}
WITH a, r, b LIMIT 1
CALL (r) {
  MATCH (c:Claim {relationshipId: r.id})
  OPTIONAL MATCH (s:Source {id: c.sourceId})
  OPTIONAL MATCH (article:Article {id: c.articleId})
  RETURN collect({claim: properties(c), source: properties(s), article: properties(article)}) AS claims
}
RETURN a, r, b, claims`;

/**
 * True when a claim `c` counts on the as-of dates $knownAt / $holdsAt (YYYY-MM-DD strings or
 * null): reported by then, and asserting something valid on that day.
 */
export const CLAIM_AS_OF = `
($knownAt IS NULL OR c.knownFrom <= $knownAt)
AND ($holdsAt IS NULL OR (c.stance = 'asserts'
     AND (c.holdsFrom IS NULL OR c.holdsFrom <= $holdsAt)
     AND (c.holdsTo IS NULL OR c.holdsTo >= $holdsAt)))`;

/** The names of the stored vocabulary (RelationshipType nodes), read in the ingest's transaction. */
export const VOCABULARY_NAMES_QUERY = `MATCH (t:RelationshipType) RETURN collect(t.name) AS names`;
