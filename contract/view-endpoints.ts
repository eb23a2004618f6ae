import { defineEndpoint } from "./endpoint";
import { savedViewListSchema, savedViewSchema, saveViewRequestSchema } from "./graph-contract";
import { savedViewIdSchema } from "./request-schemas";

/** Saved views, stored in Neo4j: list, open, save (create or replace by name), delete. */
export const viewEndpoints = {
  list: defineEndpoint({
    method: "GET",
    path: "/api/views",
    answer: savedViewListSchema,
    summary: "Saved views, most recently saved first.",
    examples: [{ name: "list", summary: "Every saved view" }],
  }),
  get: defineEndpoint({
    method: "GET",
    path: "/api/views/:id",
    params: { id: savedViewIdSchema },
    answer: savedViewSchema,
    summary: "One saved view with its state.",
  }),
  save: defineEndpoint({
    method: "POST",
    path: "/api/views",
    body: saveViewRequestSchema,
    answer: savedViewSchema,
    summary: "Saves a view: 201 when new, 200 when it replaces the view of that name.",
    writes: "guarded",
    answers: [{ status: 201, description: "A new view was saved.", schema: savedViewSchema }],
  }),
  delete: defineEndpoint({
    method: "DELETE",
    path: "/api/views/:id",
    params: { id: savedViewIdSchema },
    answer: null,
    summary: "Deletes a saved view (204).",
    writes: "guarded",
    answers: [{ status: 204, description: "The view is deleted." }],
  }),
} as const;
