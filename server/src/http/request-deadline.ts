import type { RequestHandler, Response } from "express";
import { AppError } from "../errors/app-error";
import { sendError } from "../errors/error-handler";

/** Whether this request's deadline answered it (its work, if still running, is to be stopped). */
export function deadlinePassed(res: Response): boolean {
  return res.locals.deadlinePassed === true;
}

/**
 * No API request waits longer than `ms`: whatever it is stuck on (a frozen Neo4j, the driver's
 * retries, a full connection pool), the client gets 504 DB_TIMEOUT, retriable, in time, and the
 * route's abort signal (abortOnClose) fires, so its session goes back to the pool.
 */
export function requestDeadline(ms: number): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      // An answer already streaming is left to finish.
      if (res.headersSent) return;
      res.locals.deadlinePassed = true;
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
