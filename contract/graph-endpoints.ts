import { defineEndpoint } from "./endpoint";
import { graphSchema, neighboursSchema, nodeDetailsSchema, searchResultSchema } from "./graph-contract";
import {
  exportQuerySchema,
  graphQuerySchema,
  neighborsQuerySchema,
  nodeIdSchema,
  nodeQuerySchema,
  searchQuerySchema,
} from "./request-schemas";

/** Reading the graph: the overview, one node, a node's neighbours, search, and the same as a file. */
export const graphEndpoints = {
  graph: defineEndpoint({
    method: "GET",
    path: "/api/graph",
    query: graphQuerySchema,
    answer: graphSchema,
    summary: "The graph, most connected nodes first; on as-of dates what was known or held then.",
    examples: [
      {
        name: "overview",
        summary: "The 50 most connected nodes and the relationships among them",
        query: { limit: 50 },
      },
      {
        name: "known-then",
        summary: "What the sources had reported by the end of 2024",
        query: { knownAt: "2024-12-31" },
      },
    ],
  }),
  node: defineEndpoint({
    method: "GET",
    path: "/api/nodes/:id",
    params: { id: nodeIdSchema },
    query: nodeQuerySchema,
    answer: nodeDetailsSchema,
    summary: "One node, its relationships with provenance, its neighbours.",
    examples: [{ name: "bytedance", summary: "A company of the seed graph", params: { id: "bytedance" } }],
  }),
  neighbors: defineEndpoint({
    method: "GET",
    path: "/api/nodes/:id/neighbors",
    params: { id: nodeIdSchema },
    query: neighborsQuerySchema,
    answer: neighboursSchema,
    summary:
      "What expanding a node adds: its top neighbours by degree, its relationships with them, and the relationships " +
      "among them up to `links` (10 per neighbour asked for by default; `moreLinks` when some were left out).",
    examples: [
      {
        name: "suppliers",
        summary: "Where a company's chips come from (outgoing SOURCES_FROM)",
        params: { id: "bytedance" },
        query: { types: "SOURCES_FROM", direction: "out", limit: 10 },
      },
    ],
  }),
  search: defineEndpoint({
    method: "GET",
    path: "/api/search",
    query: searchQuerySchema,
    answer: searchResultSchema,
    summary: "Full-text matches on names and aliases, ranked.",
    examples: [{ name: "huawei", summary: "Search names and aliases", query: { q: "huawei", limit: 5 } }],
  }),
  export: defineEndpoint({
    method: "GET",
    path: "/api/export",
    query: exportQuerySchema,
    answer: null,
    summary: "The graph or a node's neighbourhood as a file (GraphML, Cytoscape JSON, CSV, evidence tables).",
    answers: [
      {
        status: 200,
        description: "The file, as an attachment (Content-Disposition names it).",
        mediaTypes: ["application/graphml+xml", "application/json", "text/csv", "text/markdown", "text/html"],
      },
    ],
    errors: [{ status: 404, code: "NOT_FOUND", when: "`node` names no node." }],
  }),
} as const;
