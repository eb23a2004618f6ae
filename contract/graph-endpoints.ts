import { defineEndpoint } from "./endpoint";
import { graphSchema, nodeDetailsSchema, searchResultSchema } from "./graph-contract";
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
  }),
  node: defineEndpoint({
    method: "GET",
    path: "/api/nodes/:id",
    params: { id: nodeIdSchema },
    query: nodeQuerySchema,
    answer: nodeDetailsSchema,
    summary: "One node, its relationships with provenance, its neighbours.",
  }),
  neighbors: defineEndpoint({
    method: "GET",
    path: "/api/nodes/:id/neighbors",
    params: { id: nodeIdSchema },
    query: neighborsQuerySchema,
    answer: graphSchema,
    summary: "What expanding a node adds: its top neighbours by degree.",
  }),
  search: defineEndpoint({
    method: "GET",
    path: "/api/search",
    query: searchQuerySchema,
    answer: searchResultSchema,
    summary: "Full-text matches on names and aliases, ranked.",
  }),
  export: defineEndpoint({
    method: "GET",
    path: "/api/export",
    query: exportQuerySchema,
    answer: null,
    summary: "The graph or a node's neighbourhood as a file (GraphML, Cytoscape JSON, CSV, evidence tables).",
  }),
} as const;
