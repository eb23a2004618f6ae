import { csrfTokenSchema } from "./csrf-token";
import { defineEndpoint } from "./endpoint";
import { healthSchema, livenessSchema } from "./graph-contract";

/** Liveness, readiness and the CSRF token: what load balancers and the page ask before anything else. */
export const probeEndpoints = {
  liveness: defineEndpoint({
    method: "GET",
    path: "/api/health",
    access: "public",
    answer: livenessSchema,
    summary: "Liveness: the process is up and serving; open whatever the token.",
    open: true,
    neo4j: false,
    examples: [{ name: "alive", summary: "Is the process up?" }],
  }),
  readiness: defineEndpoint({
    method: "GET",
    path: "/api/ready",
    access: "public",
    answer: healthSchema,
    summary: "Readiness: Neo4j answers and the server is not shutting down; 503 with this shape otherwise.",
    // It answers 503 with its own report, never the error shape.
    neo4j: false,
    answers: [
      {
        status: 503,
        description: "Not ready: Neo4j does not answer, or the server is shutting down (Retry-After).",
        schema: healthSchema,
      },
    ],
    examples: [{ name: "ready", summary: "Can the server answer?" }],
  }),
  csrfToken: defineEndpoint({
    method: "GET",
    path: "/api/csrf-token",
    access: "public",
    answer: csrfTokenSchema,
    summary: "A token the page sends back in X-CSRF-Token with every write.",
    neo4j: false,
  }),
} as const;
