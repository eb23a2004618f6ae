/**
 * Watches (issue #20) live in Neo4j as isolated `Watch` nodes, kept out of every graph query like
 * SavedView: an owner (the signed-in user's name; "" in token mode, one shared owner), what is
 * watched (a node's id, a relationship's id, a saved view's id) and when the owner last looked.
 */

const WATCH = `w.id AS id, w.kind AS kind, w.target AS target, w.label AS label,
       toString(w.createdAt) AS createdAt, toString(w.seenAt) AS seenAt`;

/** Whether the watched thing still exists: a node by id, a relationship by id (through its claims) or element id, a view. */
const EXISTS = `CASE w.kind
  WHEN 'node' THEN EXISTS { MATCH (n:Entity {id: w.target}) }
  WHEN 'view' THEN EXISTS { MATCH (v:SavedView {id: w.target}) }
  ELSE EXISTS {
    MATCH (c:Claim {relationshipId: w.target})
    MATCH (:Entity {id: c.subject})-[r]->(:Entity {id: c.object}) WHERE r.id = w.target
  } OR EXISTS { MATCH ()-[r]->() WHERE elementId(r) = w.target }
END AS exists`;

export const LIST_WATCHES_QUERY = `
MATCH (w:Watch {owner: $owner})
RETURN ${WATCH}, ${EXISTS}, w.viewNodes AS viewNodes
ORDER BY w.createdAt, w.id`;

/** A node by its id (or element id), with a name for the watch's label. */
export const WATCH_NODE_TARGET_QUERY = `
MATCH (n:Entity) WHERE n.id = $target
RETURN n.id AS target, coalesce(n.name, n.id) AS label
UNION
MATCH (n) WHERE elementId(n) = $target AND n.id IS NOT NULL AND n:Entity
RETURN n.id AS target, coalesce(n.name, n.id) AS label`;

/** A relationship by its id (through its claims, an index seek) or its element id. */
export const WATCH_RELATIONSHIP_TARGET_QUERY = `
CALL () {
  MATCH (c:Claim {relationshipId: $target})
  WITH c LIMIT 1
  MATCH (a:Entity {id: c.subject})-[r]->(b:Entity {id: c.object}) WHERE r.id = $target
  RETURN a, r, b
  UNION
  MATCH (a)-[r]->(b) WHERE elementId(r) = $target
  RETURN a, r, b
}
RETURN coalesce(r.id, elementId(r)) AS target,
       coalesce(a.name, a.id) + ' ' + type(r) + ' ' + coalesce(b.name, b.id) AS label
LIMIT 1`;

export const WATCH_VIEW_TARGET_QUERY = `
MATCH (v:SavedView {id: $target})
RETURN v.id AS target, v.name AS label`;

/** One watch per owner and target: watching again finds the watch there. */
export const CREATE_WATCH_QUERY = `
MERGE (w:Watch {owner: $owner, kind: $kind, target: $target})
ON CREATE SET w.id = $newId, w.createdAt = datetime(), w.seenAt = datetime()
SET w.label = $label
RETURN ${WATCH}, true AS exists, w.id = $newId AS created`;

export const DELETE_WATCH_QUERY = `
MATCH (w:Watch {owner: $owner, id: $id})
DELETE w
RETURN count(*) AS deleted`;

export const MARK_SEEN_QUERY = `
WITH datetime() AS now
OPTIONAL MATCH (w:Watch {owner: $owner})
SET w.seenAt = now
RETURN DISTINCT toString(now) AS seenAt`;

/** The node ids a saved view shows (its state's nodes), for its watch. */
export const VIEW_STATES_QUERY = `
UNWIND $ids AS id
MATCH (v:SavedView {id: id})
RETURN v.id AS id, v.state AS state`;
