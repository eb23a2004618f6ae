/**
 * Saved views live in Neo4j as isolated `SavedView` nodes (the state as a JSON string), kept out of
 * every graph query. Timestamps are Neo4j datetimes, sent as ISO-8601 strings.
 */

const SUMMARY = `v.id AS id, v.name AS name, v.nodeCount AS nodeCount,
       toString(v.createdAt) AS createdAt, toString(v.updatedAt) AS updatedAt`;

export const LIST_VIEWS_QUERY = `
MATCH (v:SavedView)
RETURN ${SUMMARY}
ORDER BY v.updatedAt DESC, v.name`;

export const GET_VIEW_QUERY = `
MATCH (v:SavedView {id: $id})
RETURN ${SUMMARY}, v.state AS state`;

/**
 * Saving under an existing name replaces that view, keeping its id and createdAt. The uniqueness
 * constraint on `name` makes MERGE take a lock, so two saves under one new name make one view.
 */
export const SAVE_VIEW_QUERY = `
MERGE (v:SavedView {name: $name})
ON CREATE SET v.id = $newId, v.createdAt = datetime()
SET v.state = $state, v.nodeCount = $nodeCount, v.updatedAt = datetime()
RETURN ${SUMMARY}, v.state AS state, v.id = $newId AS created`;

export const DELETE_VIEW_QUERY = `
MATCH (v:SavedView {id: $id})
DELETE v
RETURN count(*) AS deleted`;
