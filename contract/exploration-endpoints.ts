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
    examples: [{ name: "bytedance", summary: "What expanding a company would add", params: { id: "bytedance" } }],
  }),
  lookup: defineEndpoint({
    method: "POST",
    path: "/api/nodes/lookup",
    access: "viewer",
    body: nodeLookupRequestSchema,
    answer: nodeLookupResultSchema,
    summary: "The nodes with these ids, the relationships among them, and the ids that no longer exist.",
    writes: "none",
    examples: [
      {
        name: "reopen",
        summary: "Two nodes of a saved view, and one that is gone",
        body: { ids: ["bytedance", "huawei", "no-such-node"] },
      },
    ],
  }),
  paths: defineEndpoint({
    method: "GET",
    path: "/api/paths",
    query: pathsQuerySchema,
    answer: pathsResultSchema,
    summary:
      "All shortest paths, or all simple paths up to maxHops, between two nodes, either way or along the arrows " +
      "(direction); ranked by their weakest hop's certainty, then length, one page (offset, limit) at a time, " +
      "with how many there are up to a cap.",
    errors: [{ status: 404, code: "NOT_FOUND", when: "`from` or `to` names no node." }],
    examples: [
      { name: "shortest", summary: "How two companies are linked", query: { from: "bytedance", to: "nvidia" } },
      {
        name: "all-simple",
        summary: "Every simple path of at most 3 hops",
        query: { from: "bytedance", to: "huawei", mode: "all", maxHops: 3 },
      },
      {
        name: "directed-page-2",
        summary: "The second page of paths that follow the arrows",
        query: {
          from: "bytedance",
          to: "ascend-910b",
          mode: "all",
          direction: "directed",
          maxHops: 4,
          offset: 5,
          limit: 5,
        },
      },
    ],
  }),
  sourceClaims: defineEndpoint({
    method: "GET",
    path: "/api/sources/:id/claims",
    params: { id: nodeIdSchema },
    query: sourceClaimsQuerySchema,
    answer: graphSchema,
    summary: "Every relationship whose sources name that Source, with both ends.",
    examples: [{ name: "reuters", summary: "What one outlet vouches for", params: { id: "reuters" } }],
  }),
} as const;
