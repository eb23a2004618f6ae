import express, { Router } from "express";
import { extractEndpoints } from "../../../contract/extract-endpoints";
import { route } from "../http/route";
import { extractDraft } from "../sources/extract-draft";
import type { KnownEntitiesRepository } from "../sources/known-entities-repository";
import { loadLexicon } from "../sources/load-lexicon";
import { withStoredTypes } from "../sources/with-stored-types";
import type { VocabularyRepository } from "../vocabulary/vocabulary-repository";
import { abortOnClose } from "./abort-on-close";

/**
 * POST /api/extract: proposals from an article's text as a draft claims file. Reads the graph's
 * entities to recognise them, writes nothing (no write guard, like the workbench's POST), and
 * parses its own body, up to `bodyMaxBytes`, before the API's smaller default parser. The stored
 * vocabulary's trigger phrases join the lexicon files' (a type added in the app is proposed).
 */
export function extractRoutes(
  entities: KnownEntitiesRepository,
  options: { bodyMaxBytes: number },
  vocabulary?: VocabularyRepository,
): Router {
  const router = Router();
  route(router, extractEndpoints.extract, express.json({ limit: options.bodyMaxBytes }), async (req, res) => {
    const request = extractEndpoints.extract.body.parse(req.body ?? {});
    const signal = abortOnClose(res);
    const [known, sources, stored] = await Promise.all([
      entities.list(signal),
      entities.sources(signal),
      vocabulary?.withTriggers(signal) ?? [],
    ]);
    res.json(extractDraft(request, known, withStoredTypes(loadLexicon(), stored), sources));
  });
  return router;
}
