import { Router } from "express";
import type { GraphRepository } from "../graph/graph-repository";
import { abortOnClose } from "./abort-on-close";
import {
  graphQuerySchema,
  neighborsQuerySchema,
  nodeIdSchema,
  nodeQuerySchema,
  searchQuerySchema,
} from "./request-schemas";

/** The read endpoints: thin, they validate and delegate; failures go to the error handler. */
export function graphRoutes(repository: GraphRepository): Router {
  const router = Router();

  router.get("/graph", async (req, res) => {
    const { limit, knownAt, holdsAt } = graphQuerySchema.parse(req.query);
    res.json(await repository.graph(limit, abortOnClose(res), { knownAt, holdsAt }));
  });

  router.get("/nodes/:id", async (req, res) => {
    const id = nodeIdSchema.parse(req.params.id);
    const { limit } = nodeQuerySchema.parse(req.query);
    res.json(await repository.node(id, limit, abortOnClose(res)));
  });

  router.get("/nodes/:id/neighbors", async (req, res) => {
    const id = nodeIdSchema.parse(req.params.id);
    const request = neighborsQuerySchema.parse(req.query);
    res.json(await repository.neighbors(id, request, abortOnClose(res)));
  });

  router.get("/search", async (req, res) => {
    const { q, limit } = searchQuerySchema.parse(req.query);
    res.json(await repository.search(q, limit, abortOnClose(res)));
  });

  return router;
}
