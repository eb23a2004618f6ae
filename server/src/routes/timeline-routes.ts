import { Router } from "express";
import { timelineEndpoints, watchEndpoints } from "../../../contract/timeline-endpoints";
import { currentPrincipal, noteAuditSummary } from "../http/auth-context";
import { route } from "../http/route";
import type { WriteGuard } from "../http/write-guard";
import type { TimelineRepository } from "../timeline/timeline-repository";
import type { WatchRepository } from "../timeline/watch-repository";
import { abortOnClose } from "./abort-on-close";

/** Whose watches: the signed-in user's in accounts mode; one shared owner ("") in token mode. */
const owner = () => currentPrincipal()?.name ?? "";

/** The story over time (issue #20): the timeline and the changes between two dates, read-only. */
export function timelineRoutes(repository: TimelineRepository): Router {
  const router = Router();
  route(router, timelineEndpoints.timeline, async (_req, res) => {
    res.json(await repository.timeline(abortOnClose(res)));
  });
  route(router, timelineEndpoints.changes, async (req, res) => {
    const query = timelineEndpoints.changes.query.parse(req.query);
    res.json(await repository.changes(query, abortOnClose(res)));
  });
  return router;
}

/** Watches: a viewer may watch (it is reading); the writes run the write guard all the same. */
export function watchRoutes(repository: WatchRepository, writeGuard: WriteGuard): Router {
  const router = Router();
  const { list, watch, unwatch, changes, seen } = watchEndpoints;
  route(router, list, async (_req, res) => {
    res.json({ watches: await repository.list(owner(), abortOnClose(res)) });
  });
  route(router, changes, async (_req, res) => {
    res.json(await repository.changes(owner(), abortOnClose(res)));
  });
  route(router, watch, ...writeGuard("application/json"), async (req, res) => {
    const request = watch.body.parse(req.body);
    const result = await repository.watch(owner(), request.kind, request.target);
    noteAuditSummary(req, `watches ${request.kind} ${result.watch.label}`);
    res.status(result.created ? 201 : 200).json(result.watch);
  });
  route(router, seen, ...writeGuard("application/json"), async (req, res) => {
    seen.body.parse(req.body ?? {});
    res.json({ seenAt: await repository.markSeen(owner()) });
  });
  route(router, unwatch, ...writeGuard("application/json"), async (req, res) => {
    await repository.unwatch(owner(), unwatch.params.id.parse(req.params.id));
    res.status(204).end();
  });
  return router;
}
