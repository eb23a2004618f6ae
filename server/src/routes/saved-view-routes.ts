import express, { Router } from "express";
import { viewEndpoints } from "../../../contract/view-endpoints";
import type { AppConfig } from "../config/app-config";
import { noteAuditSummary } from "../http/auth-context";
import { route } from "../http/route";
import type { WriteGuard } from "../http/write-guard";
import type { SavedViewRepository } from "../views/saved-view-repository";
import { abortOnClose } from "./abort-on-close";

/** A view's state may name thousands of nodes with positions: these routes alone take bodies this large. */
export function savedViewBodyParser(maxBytes: number) {
  return express.json({ limit: maxBytes });
}

/** Named views stored in Neo4j: list, open, save (create or replace by name), delete; writes behind the write guard. */
export function savedViewRoutes(
  repository: SavedViewRepository,
  writeGuard: WriteGuard,
  links: AppConfig["links"] = { publicBaseUrl: null, pageOriginLasts: true },
): Router {
  const router = Router();

  route(router, viewEndpoints.links, (_req, res) => {
    res.json(links);
  });

  route(router, viewEndpoints.list, async (_req, res) => {
    res.json({ views: await repository.list(abortOnClose(res)) });
  });

  route(router, viewEndpoints.save, ...writeGuard("application/json"), async (req, res) => {
    const request = viewEndpoints.save.body.parse(req.body);
    const { view, created } = await repository.save(request);
    noteAuditSummary(req, `${created ? "created" : "replaced"} saved view “${view.name}” (${view.nodeCount} nodes)`);
    res.status(created ? 201 : 200).json(view);
  });

  route(router, viewEndpoints.get, async (req, res) => {
    const id = viewEndpoints.get.params.id.parse(req.params.id);
    res.json(await repository.get(id, abortOnClose(res)));
  });

  route(router, viewEndpoints.delete, ...writeGuard("application/json"), async (req, res) => {
    const id = viewEndpoints.delete.params.id.parse(req.params.id);
    await repository.delete(id);
    noteAuditSummary(req, `deleted saved view ${id}`);
    res.status(204).end();
  });

  return router;
}
