import express, { Router } from "express";
import { draftEndpoints } from "../../../contract/draft-endpoints";
import { commitDraft, type Ingester } from "../drafts/commit-draft";
import type { DraftRepository } from "../drafts/draft-repository";
import { currentPrincipal } from "../http/auth-context";
import type { AuthFailureLimit } from "../http/auth-failure-limit";
import { route } from "../http/route";
import { requireWriteToken } from "../http/token-auth";
import type { WriteGuard } from "../http/write-guard";
import type { KnownEntitiesRepository } from "../sources/known-entities-repository";
import { abortOnClose } from "./abort-on-close";

export interface DraftRouteSettings {
  /** A draft carries an article's text (up to 200,000 characters) and its review. */
  bodyMaxBytes: number;
  writeGuard: WriteGuard;
  /** WRITE_TOKEN, else APP_TOKEN: a commit writes claims, as POST /api/claims does. */
  writeToken: string | undefined;
  authFailures?: AuthFailureLimit;
  /** Today, for claims of an article without a publication date (tests fix it). */
  today?: () => string;
}

/**
 * Drafts of articles under review: list, open, save (with a revision), delete, behind the write
 * guard like saved views; commit, behind the write token too; the committed claims file as a
 * download. Mounted before the API's JSON parser, with its own larger limit.
 */
export function draftRoutes(
  drafts: DraftRepository,
  ingester: Ingester,
  outlets: KnownEntitiesRepository,
  settings: DraftRouteSettings,
): Router {
  const router = Router();
  const json = express.json({ limit: settings.bodyMaxBytes });
  const today = settings.today ?? (() => new Date().toISOString().slice(0, 10));

  route(router, draftEndpoints.list, async (_req, res) => {
    res.json({ drafts: await drafts.list(abortOnClose(res)) });
  });

  route(router, draftEndpoints.outlets, async (_req, res) => {
    res.json({ outlets: await outlets.sources(abortOnClose(res)) });
  });

  route(router, draftEndpoints.get, async (req, res) => {
    const id = draftEndpoints.get.params.id.parse(req.params.id);
    res.json(await drafts.get(id, abortOnClose(res)));
  });

  route(router, draftEndpoints.put, ...settings.writeGuard("application/json"), json, async (req, res) => {
    const id = draftEndpoints.put.params.id.parse(req.params.id);
    const request = draftEndpoints.put.body.parse(req.body ?? {});
    const { draft, created } = await drafts.put(
      id,
      request.revision,
      request.content,
      currentPrincipal()?.name ?? null,
    );
    res.status(created ? 201 : 200).json(draft);
  });

  route(router, draftEndpoints.delete, ...settings.writeGuard("application/json"), async (req, res) => {
    const id = draftEndpoints.delete.params.id.parse(req.params.id);
    await drafts.delete(id);
    res.status(204).end();
  });

  route(
    router,
    draftEndpoints.commit,
    requireWriteToken(settings.writeToken, settings.authFailures),
    ...settings.writeGuard("application/json"),
    json,
    async (req, res) => {
      const id = draftEndpoints.commit.params.id.parse(req.params.id);
      const { revision } = draftEndpoints.commit.body.parse(req.body ?? {});
      const by = currentPrincipal()?.name ?? null;
      res.json(await commitDraft(drafts, ingester, { id, revision, today: today(), by }, abortOnClose(res)));
    },
  );

  route(router, draftEndpoints.claimsFile, async (req, res) => {
    const id = draftEndpoints.claimsFile.params.id.parse(req.params.id);
    const file = await drafts.claimsFile(id, abortOnClose(res));
    res.attachment(`claims-${id}.json`).type("application/json").send(file);
  });

  return router;
}
