import type { RequestHandler } from "express";
import { AppError } from "../errors/app-error";

/**
 * A query refused for memory (422 QUERY_TOO_LARGE) has already cost Neo4j its heap before the
 * refusal, and slowed every other user's queries. After `max` such refusals within `windowMs`, an
 * address gets 429 RATE_LIMITED, without reaching Neo4j, until the oldest leaves the window.
 * Kept in this process: behind a load balancer each server counts its own share.
 */
export function memoryFailureBudget(
  { max, windowMs }: { max: number; windowMs: number },
  now: () => number = Date.now,
): RequestHandler {
  const failures = new Map<string, number[]>();
  const recent = (client: string, at: number): number[] => {
    const kept = (failures.get(client) ?? []).filter((time) => at - time < windowMs);
    if (kept.length === 0) failures.delete(client);
    else failures.set(client, kept);
    return kept;
  };

  return (req, res, next) => {
    const client = req.ip ?? "unknown";
    const kept = recent(client, now());
    if (kept.length >= max) {
      const wait = Math.max(1, Math.ceil(((kept[0] as number) + windowMs - now()) / 1000));
      res.setHeader("Retry-After", String(wait));
      next(
        new AppError(
          "RATE_LIMITED",
          429,
          `${kept.length} queries from this address needed more memory than a query may use in the last ${Math.round(windowMs / 1000)} s; wait ${wait} s, and narrow the query down before running it again.`,
          true,
        ),
      );
      return;
    }
    res.on("finish", () => {
      if (res.statusCode !== 422) return;
      const at = now();
      failures.set(client, [...recent(client, at), at]);
    });
    next();
  };
}
