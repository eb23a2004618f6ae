/**
 * The HTTP contract between server and client, as zod schemas.
 * Both sides import this file: the server to validate what it sends in tests,
 * the client to type (and check) what it receives.
 */
import { z } from "zod";

/** A property value after conversion from Neo4j: JSON-safe, 64-bit integers as numbers or strings. */
export type PropertyValue = string | number | boolean | null | PropertyValue[] | { [key: string]: PropertyValue };

export const propertyValueSchema: z.ZodType<PropertyValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(propertyValueSchema),
    z.record(z.string(), propertyValueSchema),
  ]),
);

export const propertiesSchema = z.record(z.string(), propertyValueSchema);
export type Properties = z.infer<typeof propertiesSchema>;

export const certaintySchema = z.enum(["confirmed", "reported", "speculative"]);
export type Certainty = z.infer<typeof certaintySchema>;

/** Node data in Cytoscape.js form. `id` is the node's `id` property, else its Neo4j element id. */
export const nodeDataSchema = z.object({
  id: z.string(),
  elementId: z.string(),
  labels: z.array(z.string()),
  /** The first label: drives the style table. */
  label: z.string(),
  /** What to print on the canvas: `name`, else `title`, else the id. */
  caption: z.string(),
  props: propertiesSchema,
});
export type NodeData = z.infer<typeof nodeDataSchema>;

/** Edge data in Cytoscape.js form; `source` and `target` are node data ids. */
export const edgeDataSchema = z.object({
  id: z.string(),
  elementId: z.string(),
  source: z.string(),
  target: z.string(),
  type: z.string(),
  /** The relationship type in words: SOURCES_FROM becomes "sources from". */
  caption: z.string(),
  /** Copied from `props.certainty` when it is one of the known values, so styles can key on it. */
  certainty: certaintySchema.optional(),
  props: propertiesSchema,
});
export type EdgeData = z.infer<typeof edgeDataSchema>;

export const graphNodeSchema = z.object({ data: nodeDataSchema });
export const graphEdgeSchema = z.object({ data: edgeDataSchema });
export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

/** The one graph shape of every endpoint that returns elements. */
export const graphSchema = z.object({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  /** True when a cap cut the answer short. */
  truncated: z.boolean(),
});
export type Graph = z.infer<typeof graphSchema>;

/** `GET /api/nodes/:id`: the node, its relationships with their provenance, and their other ends. */
export const nodeDetailsSchema = z.object({
  node: graphNodeSchema,
  relationships: z.array(graphEdgeSchema),
  neighbours: z.array(graphNodeSchema),
  truncated: z.boolean(),
});
export type NodeDetails = z.infer<typeof nodeDetailsSchema>;

export const searchHitSchema = z.object({
  node: graphNodeSchema,
  score: z.number(),
});
export const searchResultSchema = z.object({ hits: z.array(searchHitSchema) });
export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;

export const healthSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  neo4j: z.object({
    connected: z.boolean(),
    version: z.string().nullable(),
    edition: z.string().nullable(),
  }),
});
export type Health = z.infer<typeof healthSchema>;

export const errorCodeSchema = z.enum([
  "VALIDATION",
  "CYPHER_SYNTAX",
  /** The query would write (or change the schema). */
  "WRITE_FORBIDDEN",
  /** The query is read-only but uses something the workbench refuses (LOAD CSV, a procedure off the allow-list, SHOW/TERMINATE, USE). */
  "QUERY_FORBIDDEN",
  /** The query needs more memory or output than the server allows; retrying will not help. */
  "QUERY_TOO_LARGE",
  /** Too many requests from this client at once. */
  "RATE_LIMITED",
  "NOT_FOUND",
  "DB_UNAVAILABLE",
  "DB_TIMEOUT",
  "INTERNAL",
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const apiErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    retriable: z.boolean(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/**
 * A cell of a Cypher result table: plain values as they are (converted like properties),
 * graph values summarised so the table stays readable and links to the canvas by id.
 */
export type CellValue =
  | PropertyValue
  | { $node: { id: string; labels: string[]; caption: string } }
  | { $relationship: { id: string; type: string; source: string; target: string } }
  | { $path: { nodes: string[]; relationships: string[]; length: number } }
  | CellValue[]
  | { [key: string]: CellValue };

export const cellValueSchema: z.ZodType<CellValue> = z.lazy(() =>
  z.union([
    z.object({ $node: z.object({ id: z.string(), labels: z.array(z.string()), caption: z.string() }) }),
    z.object({
      $relationship: z.object({ id: z.string(), type: z.string(), source: z.string(), target: z.string() }),
    }),
    z.object({
      $path: z.object({ nodes: z.array(z.string()), relationships: z.array(z.string()), length: z.number() }),
    }),
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(cellValueSchema),
    z.record(z.string(), cellValueSchema),
  ]),
);

/** `POST /api/cypher` body. */
export const cypherRequestSchema = z.object({
  query: z.string(),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type CypherRequest = z.input<typeof cypherRequestSchema>;

/** `POST /api/cypher` answer: the rows as a table, and every node and relationship in them as a graph. */
export const cypherResultSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(cellValueSchema)),
  graph: graphSchema,
  /** Rows returned (at most the row cap). */
  rowCount: z.number(),
  /** True when the row cap or the response size cap cut the answer short. */
  truncated: z.boolean(),
  /** Why it was cut short, in words, when it was. */
  truncatedReason: z.string().optional(),
  elapsedMs: z.number(),
});
export type CypherResult = z.infer<typeof cypherResultSchema>;

/** A query of the library in cypher/queries, for `GET /api/queries`. */
export const libraryQuerySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  query: z.string(),
  /** Example values, which also tell each parameter's type. */
  params: z.record(z.string(), propertyValueSchema),
});
export const libraryQueriesSchema = z.object({ queries: z.array(libraryQuerySchema) });
export type LibraryQueryDto = z.infer<typeof libraryQuerySchema>;

/** `GET /api/schema`: what the editor completes, and counts for the analyst. */
export const graphSchemaInfoSchema = z.object({
  labels: z.array(z.object({ label: z.string(), count: z.number() })),
  relationshipTypes: z.array(z.object({ type: z.string(), count: z.number() })),
  /** Property keys per label and per relationship type. */
  nodeProperties: z.record(z.string(), z.array(z.string())),
  relationshipProperties: z.record(z.string(), z.array(z.string())),
  propertyKeys: z.array(z.string()),
  /** Procedures the workbench allows, with their signatures. */
  procedures: z.array(z.object({ name: z.string(), signature: z.string(), description: z.string() })),
  functions: z.array(z.object({ name: z.string(), signature: z.string(), description: z.string() })),
});
export type GraphSchemaInfo = z.infer<typeof graphSchemaInfoSchema>;
