import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { AppError } from "../errors/app-error";

/**
 * At most `max` API requests per client address per window; the next get 429 RATE_LIMITED with
 * Retry-After (seconds until the window resets). Behind a proxy the address is only right with
 * TRUST_PROXY set. Kept in this process: each server behind a load balancer counts its own.
 */
export function apiRateLimit(options: { windowMs: number; max: number }): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.max,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (_req, _res, next) => {
      next(
        new AppError(
          "RATE_LIMITED",
          429,
          `More than ${options.max} requests in ${Math.round(options.windowMs / 1000)} s from this address; slow down.`,
          true,
        ),
      );
    },
  });
}
