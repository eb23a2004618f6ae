import type { ErrorCode } from "../../../contract/graph-contract";

/** A failure with a stable code and HTTP status; the error handler turns it into the error shape. */
export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly retriable = false,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function notFound(message: string): AppError {
  return new AppError("NOT_FOUND", 404, message);
}
