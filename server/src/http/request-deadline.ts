import type { RequestHandler } from "express";
import { AppError } from "../errors/app-error";
import { sendError } from "../errors/error-handler";

/**
 * No API request waits longer than `ms`: whatever it is stuck on (a frozen Neo4j, the driver's
 * retries, a full connection pool), the client gets 504 DB_TIMEOUT, retriable, in time.
 */
export function requestDeadline(ms: number): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      // An answer already streaming is left to finish.
      if (res.headersSent) return;
      sendError(
        req,
        res,
        new AppError("DB_TIMEOUT", 504, "The server could not answer in time; try again in a moment.", true),
      );
    }, ms);
    res.on("close", () => clearTimeout(timer));
    next();
  };
}
