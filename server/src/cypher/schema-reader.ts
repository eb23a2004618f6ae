import type { GraphSchemaInfo } from "../../../contract/graph-contract";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { toPlainValue } from "../neo4j/to-plain-value";
import { RECORD_KEYS, SECRET_KEYS, WORKBENCH_HIDDEN_LABELS } from "./hidden-records";
import { ALLOWED_PROCEDURES } from "./read-only-gate";

/** The editor completes what the workbench lets an analyst read: not the app's own records and their keys. */
const HIDDEN_LABELS = new Set(WORKBENCH_HIDDEN_LABELS);
const HIDDEN_KEYS = new Set([...SECRET_KEYS, ...RECORD_KEYS]);

// Counts come from Neo4j's count store (label and type lookups), so they stay cheap on big graphs.
const LABELS = `
CALL db.labels() YIELD label
CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count }
RETURN label, count ORDER BY label`;

const TYPES = `
CALL db.relationshipTypes() YIELD relationshipType AS type
CALL (type) { MATCH ()-[r:$(type)]->() RETURN count(r) AS count }
RETURN type, count ORDER BY type`;

const NODE_PROPERTIES = `
CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName
WITH nodeLabels, propertyName WHERE propertyName IS NOT NULL
UNWIND nodeLabels AS label
RETURN label, collect(DISTINCT propertyName) AS keys`;

const RELATIONSHIP_PROPERTIES = `
CALL db.schema.relTypeProperties() YIELD relType, propertyName
WITH relType, propertyName WHERE propertyName IS NOT NULL
RETURN relType, collect(DISTINCT propertyName) AS keys`;

const PROPERTY_KEYS = "CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey";

const PROCEDURES = `
SHOW PROCEDURES YIELD name, signature, description WHERE name IN $allowed
RETURN name, signature, description ORDER BY name`;

const FUNCTIONS = `
SHOW FUNCTIONS YIELD name, signature, description, isBuiltIn WHERE isBuiltIn
RETURN name, signature, description ORDER BY name`;

/** What `GET /api/schema` answers: the live schema the editor completes from. */
export async function readGraphSchema(database: Neo4jDatabase): Promise<GraphSchemaInfo> {
  const read = (query: string, params: Record<string, unknown> = {}) =>
    database.read(query, params).then((result) => result.records);
  const [labels, types, nodeProperties, relationshipProperties, propertyKeys, procedures, functions] =
    await Promise.all([
      read(LABELS),
      read(TYPES),
      read(NODE_PROPERTIES),
      read(RELATIONSHIP_PROPERTIES),
      read(PROPERTY_KEYS),
      read(PROCEDURES, { allowed: [...ALLOWED_PROCEDURES] }),
      read(FUNCTIONS),
    ]);
  const routine = (record: (typeof procedures)[number]) => ({
    name: record.get("name") as string,
    signature: record.get("signature") as string,
    description: record.get("description") as string,
  });
  return {
    labels: labels
      .filter((record) => !HIDDEN_LABELS.has(record.get("label")))
      .map((record) => ({
        label: record.get("label"),
        count: Number(toPlainValue(record.get("count"))),
      })),
    relationshipTypes: types.map((record) => ({
      type: record.get("type"),
      count: Number(toPlainValue(record.get("count"))),
    })),
    nodeProperties: Object.fromEntries(
      nodeProperties
        .filter((record) => !HIDDEN_LABELS.has(record.get("label")))
        .map((record) => [record.get("label"), record.get("keys")]),
    ),
    // relType comes as ":`SOURCES_FROM`"
    relationshipProperties: Object.fromEntries(
      relationshipProperties.map((record) => [
        String(record.get("relType")).replace(/^:`|`$/g, ""),
        record.get("keys"),
      ]),
    ),
    propertyKeys: propertyKeys
      .map((record) => record.get("propertyKey") as string)
      .filter((key) => !HIDDEN_KEYS.has(key)),
    procedures: procedures.map(routine),
    functions: functions.map(routine),
  };
}
