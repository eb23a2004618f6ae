import { z } from "zod";
import { defineEndpoint } from "./endpoint";

/** The API's reference: the OpenAPI document generated from this table, and a viewer for people. */
export const docsEndpoints = {
  openapi: defineEndpoint({
    method: "GET",
    path: "/api/openapi.json",
    answer: z.looseObject({
      openapi: z.string().regex(/^3\.1\.\d+$/),
      info: z.looseObject({ title: z.string(), version: z.string() }),
      paths: z.record(z.string(), z.unknown()),
    }),
    summary: "The OpenAPI 3.1 document of this API, generated from the endpoint table, with this server's limits.",
    neo4j: false,
    examples: [{ name: "document", summary: "The whole document" }],
  }),
  viewer: defineEndpoint({
    method: "GET",
    path: "/api/docs",
    answer: null,
    summary: "The API reference to browse (Swagger UI, served by this server).",
    neo4j: false,
    answers: [{ status: 200, description: "The reference page.", mediaTypes: ["text/html"] }],
  }),
} as const;
