import { Router } from "express";
import { articleEndpoints } from "../../../contract/article-endpoints";
import type { ArticleRepository } from "../articles/article-repository";
import { route } from "../http/route";
import { abortOnClose } from "./abort-on-close";

/** `GET /api/articles` and `GET /api/articles/:id`: the Sources view's reads. */
export function articleRoutes(repository: ArticleRepository): Router {
  const router = Router();
  route(router, articleEndpoints.list, async (_req, res) => {
    res.json({ articles: await repository.list(abortOnClose(res)) });
  });
  route(router, articleEndpoints.get, async (req, res) => {
    const id = articleEndpoints.get.params.id.parse(req.params.id);
    res.json(await repository.get(id, abortOnClose(res)));
  });
  return router;
}
