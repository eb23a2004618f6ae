import type { GraphSchemaInfo } from "../../../../contract/graph-contract";

/** The schema in the shape @neo4j-cypher/codemirror completes from (its EditorSupportSchema). */
export interface EditorSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  functions: Array<{ name: string; signature: string }>;
  procedures: Array<{ name: string; signature: string; returnItems: Array<{ name: string; signature: string }> }>;
  parameters: string[];
}

/**
 * GET /api/schema as the editor's completion schema: labels and types prefixed with ':' (the
 * editor completes from the colon), every property key once, parameter names from the params editor. Pure.
 */
export function toEditorSchema(info: GraphSchemaInfo, parameters: readonly string[] = []): EditorSchema {
  const keys = new Set(info.propertyKeys);
  for (const list of [...Object.values(info.nodeProperties), ...Object.values(info.relationshipProperties)]) {
    for (const key of list) keys.add(key);
  }
  return {
    labels: info.labels.map(({ label }) => `:${label}`),
    relationshipTypes: info.relationshipTypes.map(({ type }) => `:${type}`),
    propertyKeys: [...keys].sort(),
    functions: info.functions.map(({ name, signature }) => ({ name, signature })),
    procedures: info.procedures.map(({ name, signature }) => ({ name, signature, returnItems: [] })),
    parameters: parameters.map((name) => `$${name}`),
  };
}
