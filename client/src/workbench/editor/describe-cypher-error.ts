import { ApiRequestError } from "../../api/api-request-error";

/** A failure as the workbench shows it: the stable code, the message, a hint, and where in the query. */
export interface WorkbenchError {
  code: string;
  message: string;
  hint?: string;
  /** 1-based line and column of a CYPHER_SYNTAX error, when the server knew them. */
  location?: { line: number; column: number };
}

const HINTS: Partial<Record<string, string>> = {
  WRITE_FORBIDDEN: "The workbench only reads: CREATE, MERGE, SET, DELETE and schema commands are refused.",
  QUERY_FORBIDDEN: "Some clauses and procedures are not allowed here, even when they only read.",
  QUERY_TOO_LARGE: "Ask for less: add a LIMIT, or return fewer or smaller values.",
  RATE_LIMITED: "Too many queries at once: wait a moment, then run it again.",
  DB_TIMEOUT: "The query ran too long: narrow the MATCH or add a LIMIT.",
  DB_UNAVAILABLE: "Neo4j cannot be reached right now; try again in a moment.",
  NETWORK: "The API server cannot be reached; check that it is running.",
};

/** What went wrong, from whatever a run threw. Pure. */
export function describeCypherError(error: unknown): WorkbenchError {
  if (error instanceof ApiRequestError) {
    const location = error.code === "CYPHER_SYNTAX" ? syntaxLocation(error.details) : undefined;
    const hint = HINTS[error.code];
    return {
      code: error.code,
      message: error.message,
      ...(hint ? { hint } : {}),
      ...(location ? { location } : {}),
    };
  }
  if (error instanceof Error) return { code: error.name || "ERROR", message: error.message };
  return { code: "ERROR", message: String(error) };
}

function syntaxLocation(details: unknown): WorkbenchError["location"] {
  if (details === null || typeof details !== "object") return undefined;
  const { line, column } = details as { line?: unknown; column?: unknown };
  if (typeof line !== "number" || typeof column !== "number") return undefined;
  return { line, column };
}
