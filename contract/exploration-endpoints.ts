import { defineEndpoint } from "./endpoint";
import {
  expansionsSchema,
  graphSchema,
  nodeLookupRequestSchema,
  nodeLookupResultSchema,
  pathsResultSchema,
} from "./graph-contract";
import { nodeIdSchema, pathsQuerySchema, sourceClaimsQuerySchema } from "./request-schemas";

/** Exploring: expansion counts, paths, reopening a view's nodes, what a source vouches for. */
export const explorationEndpoints = {
  expansions: defineEndpoint({
    method: "GET",
    path: "/api/nodes/:id/expansions",
    params: { id: nodeIdSchema },
    answer: expansionsSchema,
    summary: "Distinct neighbours per relationship type and direction, before expanding.",
  }),
  lookup: defineEndpoint({
    method: "POST",
    path: "/api/nodes/lookup",
    body: nodeLookupRequestSchema,
    answer: nodeLookupResultSchema,
    summary: "The nodes with these ids, the relationships among them, and the ids that no longer exist.",
  }),
  paths: defineEndpoint({
    method: "GET",
    path: "/api/paths",
    query: pathsQuerySchema,
    answer: pathsResultSchema,
    summary: "All shortest paths, or all simple paths up to maxHops, between two nodes.",
  }),
  sourceClaims: defineEndpoint({
    method: "GET",
    path: "/api/sources/:id/claims",
    params: { id: nodeIdSchema },
    query: sourceClaimsQuerySchema,
    answer: graphSchema,
    summary: "Every relationship whose sources name that Source, with both ends.",
  }),
} as const;
