import express, { Router } from "express";
import { saveViewRequestSchema } from "../../../contract/graph-contract";
import type { WriteGuard } from "../http/write-guard";
import type { SavedViewRepository } from "../views/saved-view-repository";
import { abortOnClose } from "./abort-on-close";
import { savedViewIdSchema } from "./request-schemas";

/** A view's state may name thousands of nodes with positions: this route alone takes bodies up to 1 MB. */
export const savedViewBodyParser = express.json({ limit: "1mb" });

/** Named views stored in Neo4j: list, open, save (create or replace by name), delete; writes behind the write guard. */
export function savedViewRoutes(repository: SavedViewRepository, writeGuard: WriteGuard): Router {
  const router = Router();

  router.get("/views", async (_req, res) => {
    res.json({ views: await repository.list(abortOnClose(res)) });
  });

  router.post("/views", ...writeGuard("application/json"), async (req, res) => {
    const request = saveViewRequestSchema.parse(req.body);
    const { view, created } = await repository.save(request);
    res.status(created ? 201 : 200).json(view);
  });

  router.get("/views/:id", async (req, res) => {
    const id = savedViewIdSchema.parse(req.params.id);
    res.json(await repository.get(id, abortOnClose(res)));
  });

  router.delete("/views/:id", ...writeGuard("application/json"), async (req, res) => {
    const id = savedViewIdSchema.parse(req.params.id);
    await repository.delete(id);
    res.status(204).end();
  });

  return router;
}
