import { Router } from "express";
import { graphEndpoints } from "../../../contract/graph-endpoints";
import type { GraphRepository } from "../graph/graph-repository";
import { route } from "../http/route";
import { abortOnClose } from "./abort-on-close";

const { graph, node, neighbors, search } = graphEndpoints;

/** The read endpoints: thin, they validate and delegate; failures go to the error handler. */
export function graphRoutes(repository: GraphRepository): Router {
  const router = Router();

  route(router, graph, async (req, res) => {
    const { limit, knownAt, holdsAt } = graph.query.parse(req.query);
    res.json(await repository.graph(limit, abortOnClose(res), { knownAt, holdsAt }));
  });

  route(router, node, async (req, res) => {
    const id = node.params.id.parse(req.params.id);
    const { limit } = node.query.parse(req.query);
    res.json(await repository.node(id, limit, abortOnClose(res)));
  });

  route(router, neighbors, async (req, res) => {
    const id = neighbors.params.id.parse(req.params.id);
    const request = neighbors.query.parse(req.query);
    res.json(await repository.neighbors(id, request, abortOnClose(res)));
  });

  route(router, search, async (req, res) => {
    const { q, limit } = search.query.parse(req.query);
    res.json(await repository.search(q, limit, abortOnClose(res)));
  });

  return router;
}
