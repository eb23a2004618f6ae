import express, { Router } from "express";
import type { Driver } from "neo4j-driver";
import type { ClaimsRepository } from "../claims/claims-repository";
import { ingestClaims } from "../claims/ingest-claims";
import { AppError } from "../errors/app-error";
import type { AuthFailureLimit } from "../http/auth-failure-limit";
import { requireWriteToken } from "../http/token-auth";
import type { WriteGuard } from "../http/write-guard";
import { abortOnClose } from "./abort-on-close";
import { nodeIdSchema } from "./request-schemas";

/** Claims files carry long quotes and many claims: this route alone takes bodies up to 2 MB. */
const CLAIMS_BODY_LIMIT = "2mb";

export interface ClaimsIngestSettings {
  database: string;
  /** WRITE_TOKEN, else APP_TOKEN; without one the endpoint answers 403. */
  writeToken: string | undefined;
  /** Cross-site, browser-credential and content-type checks of every state-changing route. */
  writeGuard: WriteGuard;
  /** Wrong write tokens count as failed sign-ins of their address. */
  authFailures?: AuthFailureLimit;
}

/**
 * `POST /api/claims`: ingests a claims file (Content-Type: application/json). Mounted before the
 * JSON parser: the guard and the token are checked before the body is read, and the body is read
 * as text so that malformed JSON is a report too.
 */
export function claimsIngestRoutes(driver: Driver, settings: ClaimsIngestSettings): Router {
  const router = Router();
  router.post(
    "/claims",
    requireWriteToken(settings.writeToken, settings.authFailures),
    ...settings.writeGuard("application/json"),
    express.text({ type: () => true, limit: CLAIMS_BODY_LIMIT }),
    async (req, res) => {
      const body = typeof req.body === "string" ? req.body : "";
      const report = await ingestClaims(driver, settings.database, body, { signal: abortOnClose(res) });
      if (!report.written) {
        const count = report.problems.length;
        const message = `The claims file has ${count} problem${count === 1 ? "" : "s"}; nothing was written.`;
        throw new AppError("VALIDATION", 400, message, false, report);
      }
      res.json(report);
    },
  );
  return router;
}

/** `GET /api/relationships/:id/claims`: the claims behind a relationship, with its summary and contests. */
export function claimsReadRoutes(repository: ClaimsRepository): Router {
  const router = Router();
  router.get("/relationships/:id/claims", async (req, res) => {
    const id = nodeIdSchema.parse(req.params.id);
    res.json(await repository.relationshipClaims(id, abortOnClose(res)));
  });
  return router;
}
