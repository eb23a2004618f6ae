import type { ErrorRequestHandler } from "express";
import { ZodError } from "zod";
import type { ApiError } from "../../../contract/graph-contract";
import { AppError } from "./app-error";
import { neo4jErrorToAppError } from "./neo4j-error-to-app-error";

function bodyParseError(error: unknown): AppError | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === "entity.parse.failed") return new AppError("VALIDATION", 400, "The request body is not valid JSON.");
  if (type === "entity.too.large") return new AppError("VALIDATION", 413, "The request body is too large.");
  return undefined;
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
    bodyParseError(error) ??
    new AppError("INTERNAL", 500, "Something went wrong on the server; the log has the details.")
  );
}

/** The one place where failures become `{ error: { code, message, retriable, details? } }`. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const appError = toAppError(error);
  // The client has gone: there is nobody to answer.
  // (req.destroyed is no sign: a request stream is destroyed once its body has been read.)
  if (res.headersSent || res.destroyed) {
    req.log?.warn({ err: error }, "request ended before its answer");
    return;
  }
  if (appError.status >= 500) req.log?.error({ err: error, code: appError.code }, appError.message);
  else req.log?.info({ code: appError.code }, appError.message);
  // A middleware that knows better (the concurrency cap) has set its own Retry-After.
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
};
