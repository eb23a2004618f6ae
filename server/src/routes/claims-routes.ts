import express, { Router } from "express";
import { claimsEndpoints } from "../../../contract/claims-endpoints";
import type { ClaimsIngester } from "../claims/claims-ingester";
import type { ClaimsRepository } from "../claims/claims-repository";
import { AppError } from "../errors/app-error";
import { noteAuditSummary } from "../http/auth-context";
import type { AuthFailureLimit } from "../http/auth-failure-limit";
import { route } from "../http/route";
import { requireWriteToken } from "../http/token-auth";
import type { WriteGuard } from "../http/write-guard";
import { abortOnClose } from "./abort-on-close";

export interface ClaimsIngestSettings {
  /** Claims files carry long quotes and many claims: this route alone takes bodies this large. */
  bodyMaxBytes: number;
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
export function claimsIngestRoutes(ingester: ClaimsIngester, settings: ClaimsIngestSettings): Router {
  const router = Router();
  route(
    router,
    claimsEndpoints.ingest,
    requireWriteToken(settings.writeToken, settings.authFailures),
    ...settings.writeGuard("application/json"),
    express.text({ type: () => true, limit: settings.bodyMaxBytes }),
    async (req, res) => {
      const body = typeof req.body === "string" ? req.body : "";
      const report = await ingester.ingest(body, abortOnClose(res));
      if (!report.written) {
        const count = report.problems.length;
        const message = `The claims file has ${count} problem${count === 1 ? "" : "s"}; nothing was written.`;
        throw new AppError("VALIDATION", 400, message, false, report);
      }
      const { claims, relationships, entities } = report.counts;
      noteAuditSummary(
        req,
        `claims file: ${claims.created} new claims (${claims.unchanged} already there), ${relationships.created} new relationships, ${entities.created} new entities`,
      );
      res.json(report);
    },
  );
  return router;
}

/** `GET /api/relationships/:id/claims`: the claims behind a relationship, with its summary and contests. */
export function claimsReadRoutes(repository: ClaimsRepository): Router {
  const router = Router();
  const { relationshipClaims } = claimsEndpoints;
  route(router, relationshipClaims, async (req, res) => {
    const id = relationshipClaims.params.id.parse(req.params.id);
    res.json(await repository.relationshipClaims(id, abortOnClose(res)));
  });
  return router;
}
