import { claimsFileSchema } from "./claims-file";
import { defineEndpoint } from "./endpoint";
import { ingestReportSchema, relationshipClaimsSchema } from "./graph-contract";
import { nodeIdSchema } from "./request-schemas";

/** Claims: ingesting a claims file, and the claims behind a relationship. */
export const claimsEndpoints = {
  ingest: defineEndpoint({
    method: "POST",
    path: "/api/claims",
    body: claimsFileSchema,
    answer: ingestReportSchema,
    summary: "Ingests a claims file (behind WRITE_TOKEN); 400 VALIDATION with the report when it has problems.",
    writes: "write-token",
    errors: [
      {
        status: 400,
        code: "VALIDATION",
        when: "The claims file has problems: `details` is the ingest report; nothing was written.",
      },
    ],
  }),
  relationshipClaims: defineEndpoint({
    method: "GET",
    path: "/api/relationships/:id/claims",
    params: { id: nodeIdSchema },
    answer: relationshipClaimsSchema,
    summary: "The claims behind a relationship, first reported first, its summary and contests.",
  }),
} as const;
