import { Router } from "express";
import { cypherEndpoints } from "../../../contract/cypher-endpoints";
import type { CypherWorkbench } from "../cypher/cypher-workbench";
import { route } from "../http/route";
import { abortOnClose } from "./abort-on-close";
import { concurrencyCap } from "./concurrency-cap";
import { memoryFailureBudget } from "./memory-failure-budget";

export interface CypherRouteOptions {
  maxQueryLength: number;
  maxParamDepth: number;
  maxConcurrentPerClient: number;
  memoryFailureLimit: { max: number; windowMs: number };
}

/** How deeply lists and maps nest; stops counting past `limit`. */
export function nestingDepth(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || value === null || typeof value !== "object") return depth;
  let deepest = depth + 1;
  for (const inner of Object.values(value)) {
    deepest = Math.max(deepest, nestingDepth(inner, limit, depth + 1));
    if (deepest > limit) break;
  }
  return deepest;
}

/** The workbench: read-only Cypher, the live schema for completion, and the query library. */
export function cypherRoutes(workbench: CypherWorkbench, options: CypherRouteOptions): Router {
  const router = Router();
  // The contract's body, with this server's caps on its size and nesting.
  const request = cypherEndpoints.run.body;
  const bodySchema = request.extend({
    query: request.shape.query.max(
      options.maxQueryLength,
      `a query may be at most ${options.maxQueryLength.toLocaleString("en-US")} characters`,
    ),
    params: request.shape.params.refine(
      (params) => nestingDepth(params, options.maxParamDepth) <= options.maxParamDepth,
      {
        message: `parameters may nest at most ${options.maxParamDepth} levels deep`,
      },
    ),
  });

  const budget = memoryFailureBudget(options.memoryFailureLimit);
  route(router, cypherEndpoints.run, budget, concurrencyCap(options.maxConcurrentPerClient), async (req, res) => {
    const { query, params } = bodySchema.parse(req.body ?? {});
    res.json(await workbench.run(query, params, abortOnClose(res)));
  });

  route(router, cypherEndpoints.schema, async (_req, res) => {
    res.json(await workbench.schema());
  });

  route(router, cypherEndpoints.queries, async (_req, res) => {
    res.json({ queries: await workbench.queries() });
  });

  return router;
}
