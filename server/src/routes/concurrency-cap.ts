import type { RequestHandler } from "express";
import { AppError } from "../errors/app-error";

/**
 * At most `limit` requests in flight per client address; the next one gets 429 RATE_LIMITED.
 * Kept in this process only: behind a load balancer each server caps its own share.
 */
export function concurrencyCap(limit: number): RequestHandler {
  const inFlight = new Map<string, number>();
  return (req, res, next) => {
    const client = req.ip ?? "unknown";
    const current = inFlight.get(client) ?? 0;
    if (current >= limit) {
      res.setHeader("Retry-After", "1");
      next(
        new AppError(
          "RATE_LIMITED",
          429,
          `At most ${limit} queries may run at once per client; wait for one to finish.`,
          true,
        ),
      );
      return;
    }
    inFlight.set(client, current + 1);
    res.on("close", () => {
      const left = (inFlight.get(client) ?? 1) - 1;
      if (left <= 0) inFlight.delete(client);
      else inFlight.set(client, left);
    });
    next();
  };
}
