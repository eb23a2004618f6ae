/**
 * The vocabulary of relationship types: `RelationshipType` nodes, isolated records about the graph
 * (like SavedView and Claim) that the graph endpoints never return. One per name (a uniqueness
 * constraint, cypher/schema.cypher). Every value is a $parameter; a type's name reaches a pattern
 * only as a $() value, after the contract's UPPER_SNAKE check.
 */

const FIELDS = `t.name AS name, t.description AS description, coalesce(t.direction, '') AS direction,
       coalesce(t.subjectLabels, []) AS subjectLabels, coalesce(t.objectLabels, []) AS objectLabels,
       coalesce(t.triggersFr, []) AS triggersFr, coalesce(t.triggersEn, []) AS triggersEn,
       coalesce(t.builtIn, false) AS builtIn, coalesce(t.createdBy, '') AS createdBy,
       toString(t.createdAt) AS createdAt`;

export const LIST_TYPES_QUERY = `
MATCH (t:RelationshipType)
RETURN ${FIELDS}
ORDER BY t.name`;

/**
 * Relationships of every type, from Neo4j's count store (no scan, whatever the graph's size): the
 * total rows of GRAPH COUNTS name a type and neither end's label.
 */
export const TYPE_COUNTS_FROM_STATS_QUERY = `
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
UNWIND data.relationships AS row
WITH row WHERE row.relationshipType IS NOT NULL AND row.startLabel IS NULL AND row.endLabel IS NULL
RETURN row.relationshipType AS name, row.count AS relationships`;

/**
 * Relationships of each named type, counted: where db.stats.retrieve is refused (a user without the
 * right on a managed service). A dynamic type is not planned from the count store, so this scans.
 */
export const COUNT_TYPES_QUERY = `
UNWIND $names AS name
CALL (name) {
  MATCH ()-[r:$(name)]->()
  RETURN count(r) AS relationships
}
RETURN name, relationships`;

/** Creates a type; returns nothing when the name is taken (the constraint makes MERGE lock it). */
export const ADD_TYPE_QUERY = `
MERGE (t:RelationshipType {name: $name})
ON CREATE SET t += $props, t.createdAt = datetime(), t.updatedAt = datetime(), t.isNew = true
WITH t, coalesce(t.isNew, false) AS created
REMOVE t.isNew
RETURN ${FIELDS}, created`;

/**
 * Replaces what an edit sends. A built-in type the database has not stored yet is stored first,
 * from `$builtIn` (null for other names, which must exist).
 */
export const EDIT_TYPE_QUERY = `
OPTIONAL MATCH (found:RelationshipType {name: $name})
WITH found
CALL (found) {
  WITH found WHERE found IS NULL AND $builtIn IS NOT NULL
  MERGE (t:RelationshipType {name: $name})
  ON CREATE SET t += $builtIn, t.createdAt = datetime()
  RETURN t
  UNION
  WITH found WHERE found IS NOT NULL
  RETURN found AS t
}
SET t += $changes, t.updatedAt = datetime()
RETURN ${FIELDS}`;

/** Stores the built-in types (npm run db:seed); a type already stored keeps what analysts edited. */
export const SEED_TYPES_QUERY = `
UNWIND $rows AS row
MERGE (t:RelationshipType {name: row.name})
ON CREATE SET t += row.props, t.createdAt = datetime(), t.updatedAt = datetime()
ON MATCH SET t.builtIn = true
RETURN count(t) AS types`;
