import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { savedViewListSchema, savedViewSchema, saveViewRequestSchema } from "./graph-contract";
import { savedViewIdSchema } from "./request-schemas";

/**
 * `GET /api/view-links`: the base of the links an export prints (`<base>#saved=<id>`). `publicBaseUrl`
 * is PUBLIC_BASE_URL when set; null means the page's own origin, unless `pageOriginLasts` is false
 * (a command's own server on a passing port): then no link can be printed, only the view's id.
 */
export const viewLinksSchema = z.object({ publicBaseUrl: z.string().nullable(), pageOriginLasts: z.boolean() });
export type ViewLinks = z.infer<typeof viewLinksSchema>;

/** Saved views, stored in Neo4j: list, open, save (create or replace by name), delete. */
export const viewEndpoints = {
  list: defineEndpoint({
    method: "GET",
    path: "/api/views",
    answer: savedViewListSchema,
    summary: "Saved views, most recently saved first.",
    examples: [{ name: "list", summary: "Every saved view" }],
  }),
  links: defineEndpoint({
    method: "GET",
    path: "/api/view-links",
    answer: viewLinksSchema,
    summary: "Where links to saved views point: the public base URL set (PUBLIC_BASE_URL), or the page's own address.",
    neo4j: false,
    examples: [{ name: "links", summary: "The base of the links exports print" }],
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
