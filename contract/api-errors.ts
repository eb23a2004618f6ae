/**
 * The failures of the API, in one table: which error code comes with which HTTP status, and when.
 * The server's error handler (server/src/errors) answers them in the one error shape
 * `{ error: { code, message, retriable, details? } }`; the OpenAPI document (server/src/openapi)
 * lists them per endpoint from this table and from each endpoint's own `errors`.
 */
import type { ErrorCode } from "./graph-contract";

export interface ApiErrorCase {
  readonly status: number;
  readonly code: ErrorCode;
  readonly when: string;
  /** The answer carries Retry-After (seconds): waiting and retrying helps. */
  readonly retryAfter?: boolean;
}

/** Which endpoints a failure may come from: all of them, or only those of one kind. */
export type ErrorScope =
  /** Every endpoint. */
  | "all"
  /** Every endpoint that takes APP_TOKEN (all but liveness). */
  | "token"
  /** Every endpoint under /api past the rate limit and the request deadline. */
  | "api"
  /** Endpoints with a path segment, a query or a body to check. */
  | "input"
  /** Endpoints that take a body. */
  | "body"
  /** Endpoints behind the write guard (saving views, ingesting claims). */
  | "write"
  /** Endpoints behind WRITE_TOKEN. */
  | "write-token"
  /** Endpoints that name one thing by its id in the path (more in an endpoint's own `errors`). */
  | "lookup"
  /** Endpoints that read Neo4j. */
  | "neo4j";

export const API_ERROR_CASES: readonly (ApiErrorCase & { readonly scope: ErrorScope })[] = [
  {
    scope: "input",
    status: 400,
    code: "VALIDATION",
    when: "A path segment, query value or body field is missing, malformed or out of range; `details` lists each problem as { path, message }.",
  },
  { scope: "body", status: 400, code: "VALIDATION", when: "The request body is not valid JSON." },
  {
    scope: "body",
    status: 413,
    code: "VALIDATION",
    when: "The request body is larger than the server takes for this endpoint (see the limits in the description).",
  },
  {
    scope: "token",
    status: 401,
    code: "UNAUTHORIZED",
    when: "APP_TOKEN is set and the request carries no token, or a wrong one (WWW-Authenticate says how to sign in).",
  },
  {
    scope: "write-token",
    status: 401,
    code: "UNAUTHORIZED",
    when: "The request does not carry WRITE_TOKEN (else APP_TOKEN) as a bearer token.",
  },
  {
    scope: "write-token",
    status: 403,
    code: "WRITE_FORBIDDEN",
    when: "The server has no WRITE_TOKEN nor APP_TOKEN: it takes no writes.",
  },
  {
    scope: "write",
    status: 403,
    code: "WRITE_FORBIDDEN",
    when: "A write from another site's page (Origin, Sec-Fetch-Site), or signed in with the browser's Basic login without the page's X-CSRF-Token.",
  },
  {
    scope: "write",
    status: 415,
    code: "VALIDATION",
    when: "The body is not sent as Content-Type: application/json.",
  },
  { scope: "lookup", status: 404, code: "NOT_FOUND", when: "Nothing has that id." },
  {
    scope: "token",
    status: 429,
    code: "RATE_LIMITED",
    when: "Too many failed sign-ins from this address (AUTH_FAILURE_MAX per AUTH_FAILURE_WINDOW_MS).",
    retryAfter: true,
  },
  {
    scope: "api",
    status: 429,
    code: "RATE_LIMITED",
    when: "More than RATE_LIMIT_MAX requests from this address in RATE_LIMIT_WINDOW_MS.",
    retryAfter: true,
  },
  {
    scope: "neo4j",
    status: 503,
    code: "DB_UNAVAILABLE",
    when: "Neo4j cannot be reached or is busy (retriable), or the server cannot log in to it (not retriable).",
    retryAfter: true,
  },
  {
    scope: "api",
    status: 504,
    code: "DB_TIMEOUT",
    when: "No answer within REQUEST_TIMEOUT_MS (retriable), or a query ran past QUERY_TIMEOUT_MS and Neo4j stopped it.",
  },
  { scope: "all", status: 500, code: "INTERNAL", when: "A fault of the server; its log has the details." },
];
