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
  "WRITE_FORBIDDEN",
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
