import type { ErrorCode } from "../../../contract/graph-contract";

/** Why a call to the API failed: the server's error code, or what the client saw instead. */
export type ApiFailureCode = ErrorCode | "NETWORK" | "BAD_RESPONSE";

export class ApiRequestError extends Error {
  override readonly name = "ApiRequestError";

  constructor(
    readonly code: ApiFailureCode,
    message: string,
    readonly retriable: boolean,
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
    /** The server's `details` (e.g. `{ line, column, offset }` of a CYPHER_SYNTAX error), when it sent any. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** True for the rejection of a request that the client itself cancelled. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
