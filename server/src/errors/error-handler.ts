import type { ErrorRequestHandler, Request, Response } from "express";
import { ZodError } from "zod";
import type { ApiError } from "../../../contract/graph-contract";
import { AppError } from "./app-error";
import { neo4jErrorToAppError } from "./neo4j-error-to-app-error";

/**
 * Errors Express' own parts raise (the body parser, the static file server, a malformed URL):
 * their `status` is trusted when it is a 4xx, their message never (it may quote internals).
 */
function httpError(error: unknown): AppError | undefined {
  const { type, status, limit } = (error ?? {}) as { type?: unknown; status?: unknown; limit?: unknown };
  if (type === "entity.parse.failed") return new AppError("VALIDATION", 400, "The request body is not valid JSON.");
  if (type === "entity.too.large") {
    const most = typeof limit === "number" ? ` (at most ${Math.round(limit / 1024)} kB)` : "";
    return new AppError("VALIDATION", 413, `The request body is too large${most}.`);
  }
  if (typeof status !== "number" || status < 400 || status > 499) return undefined;
  if (status === 404) return new AppError("NOT_FOUND", 404, "Nothing here.");
  return new AppError("VALIDATION", status, `The request cannot be handled (HTTP ${status}).`);
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    const summary = details.map((detail) => `${detail.path || "request"}: ${detail.message}`).join("; ");
    return new AppError("VALIDATION", 400, `Invalid request: ${summary}`, false, details);
  }
  return (
    neo4jErrorToAppError(error) ??
    httpError(error) ??
    new AppError("INTERNAL", 500, "Something went wrong on the server; the log has the details.")
  );
}

/**
 * Answers a failure in the error shape. Only the AppError's own words reach the client: never a
 * stack, a driver message or a path. Does nothing when an answer has started or the client left.
 */
export function sendError(req: Request, res: Response, error: unknown): void {
  const appError = toAppError(error);
  // The client has gone, or has its answer already (a deadline answered first): nobody to answer.
  // (req.destroyed is no sign: a request stream is destroyed once its body has been read.)
  if (res.headersSent || res.destroyed) {
    req.log?.warn({ err: error }, "request ended before its answer");
    return;
  }
  if (appError.status >= 500) req.log?.error({ err: error, code: appError.code }, appError.message);
  else req.log?.info({ code: appError.code }, appError.message);
  // A middleware that knows better (the concurrency cap, the rate limit) has set its own Retry-After.
  if (appError.retriable && !res.hasHeader("Retry-After")) res.setHeader("Retry-After", "5");
  const body: ApiError = {
    error: {
      code: appError.code,
      message: appError.message,
      retriable: appError.retriable,
      ...(appError.details === undefined ? {} : { details: appError.details }),
    },
  };
  res.status(appError.status).json(body);
}

/** The one place where failures become `{ error: { code, message, retriable, details? } }`. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => sendError(req, res, error);
