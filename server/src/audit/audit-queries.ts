/**
 * The audit trail: isolated `AuditEvent` nodes, left out of every graph query like SavedView.
 * The app only ever creates and reads them: no query here changes or deletes one.
 */

export const AUDIT_SCHEMA = [
  "CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.id IS UNIQUE",
  "CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at)",
];

export const RECORD_EVENT_QUERY = `
CREATE (e:AuditEvent {id: $id, at: datetime(), actor: $actor, address: $address,
                      action: $action, status: $status, summary: $summary})`;

/** Filters left null match everything; the text filters ignore case. */
export const LIST_EVENTS_QUERY = `
MATCH (e:AuditEvent)
WHERE ($actor IS NULL OR toLower(e.actor) CONTAINS toLower($actor))
  AND ($action IS NULL OR toLower(e.action) CONTAINS toLower($action))
  AND ($from IS NULL OR e.at >= datetime($from))
  AND ($to IS NULL OR e.at <= datetime($to))
RETURN e.id AS id, toString(e.at) AS at, e.actor AS actor, e.address AS address,
       e.action AS action, e.status AS status, e.summary AS summary
ORDER BY e.at DESC
LIMIT $limit`;
