/** Why a call to the API failed: the server's error shape, or what the client saw instead. */
export type ApiFailureCode =
  | "VALIDATION"
  | "CYPHER_SYNTAX"
  | "WRITE_FORBIDDEN"
  | "NOT_FOUND"
  | "DB_UNAVAILABLE"
  | "DB_TIMEOUT"
  | "INTERNAL"
  | "NETWORK"
  | "BAD_RESPONSE";

export class ApiRequestError extends Error {
  override readonly name = "ApiRequestError";

  constructor(
    readonly code: ApiFailureCode,
    message: string,
    readonly retriable: boolean,
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
  ) {
    super(message);
  }
}

/** True for the rejection of a request that the client itself cancelled. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
