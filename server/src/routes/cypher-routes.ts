import { Router } from "express";
import type { Driver } from "neo4j-driver";
import { z } from "zod";
import { loadQueryLibrary } from "../cypher/load-query-library";
import { ReadVerdictCache } from "../cypher/read-verdict-cache";
import { type CypherLimits, runReadOnlyCypher } from "../cypher/run-read-only-cypher";
import { readGraphSchema } from "../graph/schema-reader";
import { abortOnClose } from "./abort-on-close";
import { concurrencyCap } from "./concurrency-cap";
import { memoryFailureBudget } from "./memory-failure-budget";

export interface CypherRouteOptions extends CypherLimits {
  maxQueryLength: number;
  maxParamDepth: number;
  maxConcurrentPerClient: number;
  memoryFailureLimit: { max: number; windowMs: number };
  queriesDir: string;
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
export function cypherRoutes(driver: Driver, options: CypherRouteOptions): Router {
  const router = Router();
  const bodySchema = z.object({
    query: z
      .string()
      .max(
        options.maxQueryLength,
        `a query may be at most ${options.maxQueryLength.toLocaleString("en-US")} characters`,
      ),
    params: z
      .record(z.string(), z.unknown())
      .default({})
      .refine((params) => nestingDepth(params, options.maxParamDepth) <= options.maxParamDepth, {
        message: `parameters may nest at most ${options.maxParamDepth} levels deep`,
      }),
  });

  const limits: CypherLimits = { ...options, verdicts: new ReadVerdictCache() };
  const budget = memoryFailureBudget(options.memoryFailureLimit);
  router.post("/cypher", budget, concurrencyCap(options.maxConcurrentPerClient), async (req, res) => {
    const { query, params } = bodySchema.parse(req.body ?? {});
    res.json(await runReadOnlyCypher(driver, query, params, limits, abortOnClose(res)));
  });

  router.get("/schema", async (_req, res) => {
    res.json(await readGraphSchema(driver, options.database, options.timeoutMs));
  });

  router.get("/queries", async (_req, res) => {
    res.json({ queries: await loadQueryLibrary(options.queriesDir) });
  });

  return router;
}
