import { Router } from "express";
import { vocabularyEndpoints } from "../../../contract/vocabulary-endpoints";
import type { AuthFailureLimit } from "../http/auth-failure-limit";
import { route } from "../http/route";
import { requireWriteToken } from "../http/token-auth";
import type { WriteGuard } from "../http/write-guard";
import type { VocabularyRepository } from "../vocabulary/vocabulary-repository";
import { abortOnClose } from "./abort-on-close";

export interface VocabularyWriteSettings {
  /** WRITE_TOKEN, else APP_TOKEN; without one, adding or editing a type answers 403. */
  writeToken: string | undefined;
  writeGuard: WriteGuard;
  authFailures?: AuthFailureLimit;
}

/**
 * The vocabulary of relationship types: list (anyone who may read), add and edit (behind the write
 * token and the write guard, like claims ingestion). Mounted after the API's JSON parser.
 */
export function vocabularyRoutes(repository: VocabularyRepository, settings: VocabularyWriteSettings): Router {
  const router = Router();
  const { list, add, edit } = vocabularyEndpoints;
  const guard = [
    requireWriteToken(settings.writeToken, settings.authFailures),
    ...settings.writeGuard("application/json"),
  ];

  route(router, list, async (_req, res) => {
    res.json({ types: await repository.list(abortOnClose(res)) });
  });

  route(router, add, ...guard, async (req, res) => {
    const request = add.body.parse(req.body ?? {});
    res.status(201).json(await repository.add(request));
  });

  route(router, edit, ...guard, async (req, res) => {
    const name = edit.params.name.parse(req.params.name);
    const request = edit.body.parse(req.body ?? {});
    res.json(await repository.edit(name, request));
  });

  return router;
}
