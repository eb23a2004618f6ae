import { Router } from "express";
import type { Health } from "../../../contract/graph-contract";
import { probeEndpoints } from "../../../contract/probe-endpoints";
import type { GraphRepository } from "../graph/graph-repository";
import type { DrainState } from "../http/drain-state";
import { route } from "../http/route";
import type { PlanWarmup } from "../neo4j/plan-warmup";

/** `GET /api/health`, liveness: the process is up and serving. Never asks Neo4j. */
export function livenessRoute(): Router {
  const router = Router();
  route(router, probeEndpoints.liveness, (_req, res) => {
    res.json({ status: "ok" });
  });
  return router;
}

/**
 * `GET /api/ready`, readiness: Neo4j answers and the server is not shutting down; 503 with
 * Retry-After otherwise. Asks Neo4j each time, so it turns ready by itself when Neo4j comes up.
 * The first time Neo4j answers, it also waits for the app's queries to be planned (`warmup`), so
 * the first request after a start is as fast as the rest.
 */
export function readinessRoute(repository: GraphRepository, drain: DrainState, warmup?: PlanWarmup): Router {
  const router = Router();
  route(router, probeEndpoints.readiness, async (_req, res) => {
    const report: Health = drain.isDraining
      ? { status: "draining", neo4j: { connected: false, version: null, edition: null } }
      : await repository.health();
    if (report.status === "ok" && warmup && !(await warmup.ready())) report.status = "unavailable";
    const ready = report.status === "ok";
    if (!ready) res.setHeader("Retry-After", "5");
    res.status(ready ? 200 : 503).json(report);
  });
  return router;
}
