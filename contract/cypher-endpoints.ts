import { defineEndpoint } from "./endpoint";
import { cypherRequestSchema, cypherResultSchema, graphSchemaInfoSchema, libraryQueriesSchema } from "./graph-contract";

/** The workbench: read-only Cypher, the live schema for completion, the query library. */
export const cypherEndpoints = {
  run: defineEndpoint({
    method: "POST",
    path: "/api/cypher",
    // Read-only (the server refuses writes), so viewers may run it.
    access: "viewer",
    body: cypherRequestSchema,
    answer: cypherResultSchema,
    summary: "Runs one read-only Cypher statement: rows as a table and the elements in them as a graph.",
    writes: "none",
    examples: [
      {
        name: "suppliers",
        summary: "Who supplies whom, with a parameter",
        body: {
          query: "MATCH (a:Entity)-[r:SOURCES_FROM]->(b:Entity) WHERE a.id = $id RETURN a, r, b LIMIT $limit",
          params: { id: "bytedance", limit: 10 },
        },
      },
    ],
  }),
  schema: defineEndpoint({
    method: "GET",
    path: "/api/schema",
    answer: graphSchemaInfoSchema,
    summary: "Labels and relationship types with counts, property keys, allowed procedures, functions.",
    examples: [{ name: "schema", summary: "The live schema" }],
  }),
  queries: defineEndpoint({
    method: "GET",
    path: "/api/queries",
    answer: libraryQueriesSchema,
    summary: "The query library of cypher/queries with example parameters.",
    examples: [{ name: "library", summary: "The saved queries" }],
  }),
} as const;
