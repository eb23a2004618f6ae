import { Router } from "express";
import { explorationEndpoints } from "../../../contract/exploration-endpoints";
import type { ExplorationRepository } from "../graph/exploration-repository";
import { route } from "../http/route";
import { abortOnClose } from "./abort-on-close";

const { expansions, lookup, paths, sourceClaims } = explorationEndpoints;

/** Expansion counts, paths, reopening a view's nodes, and what a source claims. */
export function explorationRoutes(repository: ExplorationRepository): Router {
  const router = Router();

  route(router, expansions, async (req, res) => {
    const id = expansions.params.id.parse(req.params.id);
    res.json(await repository.expansions(id, abortOnClose(res)));
  });

  route(router, lookup, async (req, res) => {
    const { ids } = lookup.body.parse(req.body);
    res.json(await repository.lookup(ids, abortOnClose(res)));
  });

  route(router, paths, async (req, res) => {
    const request = paths.query.parse(req.query);
    res.json(await repository.paths(request, abortOnClose(res)));
  });

  route(router, sourceClaims, async (req, res) => {
    const id = sourceClaims.params.id.parse(req.params.id);
    const { limit } = sourceClaims.query.parse(req.query);
    res.json(await repository.sourceClaims(id, limit, abortOnClose(res)));
  });

  return router;
}
