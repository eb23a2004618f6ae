import { Router } from "express";
import { nodeLookupRequestSchema } from "../../../contract/graph-contract";
import type { ExplorationRepository } from "../graph/exploration-repository";
import { abortOnClose } from "./abort-on-close";
import { nodeIdSchema, pathsQuerySchema, sourceClaimsQuerySchema } from "./request-schemas";

/** Expansion counts, paths, reopening a view's nodes, and what a source claims. */
export function explorationRoutes(repository: ExplorationRepository): Router {
  const router = Router();

  router.get("/nodes/:id/expansions", async (req, res) => {
    const id = nodeIdSchema.parse(req.params.id);
    res.json(await repository.expansions(id, abortOnClose(res)));
  });

  router.post("/nodes/lookup", async (req, res) => {
    const { ids } = nodeLookupRequestSchema.parse(req.body);
    res.json(await repository.lookup(ids, abortOnClose(res)));
  });

  router.get("/paths", async (req, res) => {
    const request = pathsQuerySchema.parse(req.query);
    res.json(await repository.paths(request, abortOnClose(res)));
  });

  router.get("/sources/:id/claims", async (req, res) => {
    const id = nodeIdSchema.parse(req.params.id);
    const { limit } = sourceClaimsQuerySchema.parse(req.query);
    res.json(await repository.sourceClaims(id, limit, abortOnClose(res)));
  });

  return router;
}
