import { AppError } from "./app-error";

const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  // What the driver says when a connection is reset mid-handshake, as Neo4j shutting down does.
  "ProtocolError",
  "Neo.ClientError.Database.DatabaseNotFound",
]);
const TIMEOUT_CODES = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
]);
const AUTH_CODES = new Set([
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
  "Neo.ClientError.Security.CredentialsExpired",
]);
const COMPILE_CODES = new Set(["Neo.ClientError.Statement.SyntaxError", "Neo.ClientError.Statement.SemanticError"]);
/**
 * Transient for Neo4j, but the same query would fail again: the transaction's memory pool, the
 * whole heap (a string or list grown past it), or the stack of the thread that ran it.
 */
const TOO_LARGE_CODES = new Set([
  "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
  "Neo.TransientError.General.TransactionMemoryLimit",
  "Neo.TransientError.General.OutOfMemoryError",
  "Neo.TransientError.General.StackOverFlowError",
]);

/** A Java class named in a message (`org.apache.lucene...ParseException:`): internals, not the analyst's words. */
const JAVA_CLASS = /\b(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)\b:?\s*/g;

/** Neo4j's own words about the user's query: its first line, without the Java classes it may name. */
export function neo4jSays(error: { message?: unknown }): string {
  const firstLine = String(error.message ?? "").split("\n")[0] ?? "";
  return firstLine
    .replace(JAVA_CLASS, "")
    .replace(/\s*Caused by:\s*/g, " ")
    .trim();
}

/** Full-text procedures hand the analyst's search text to Lucene, whose complaints are about that text. */
function procedureFailure(error: { message?: unknown }): AppError {
  const said = neo4jSays(error);
  const procedure = /procedure `([\w.]+)`/.exec(said)?.[1];
  const reason = said.replace(/^Failed to invoke procedure `[\w.]+`:\s*/, "");
  if (procedure?.startsWith("db.index.fulltext.")) {
    return new AppError(
      "VALIDATION",
      400,
      `The full-text search could not run (${procedure}): ${reason}. Check the index name (SHOW FULLTEXT INDEXES) and the search text's Lucene syntax; quote special characters with a backslash.`,
    );
  }
  return new AppError("VALIDATION", 400, `The procedure ${procedure ?? "called"} failed: ${reason}`);
}

/** Where a syntax error is, when Neo4j says: "... (line 1, column 18 (offset: 17))". Details only, never a decision. */
export function syntaxErrorPosition(message: string): { line: number; column: number; offset: number } | undefined {
  const match = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/.exec(message);
  if (!match) return undefined;
  return { line: Number(match[1]), column: Number(match[2]), offset: Number(match[3]) };
}

/**
 * Maps a Neo4j driver error to the contract by its `code`, never by its message.
 * Returns undefined for errors that are not Neo4j's.
 */
export function neo4jErrorToAppError(error: unknown): AppError | undefined {
  if (error === null || typeof error !== "object" || (error as { name?: string }).name !== "Neo4jError")
    return undefined;
  const code = String((error as { code?: unknown }).code ?? "");
  if (UNAVAILABLE_CODES.has(code)) {
    return new AppError("DB_UNAVAILABLE", 503, "Neo4j cannot be reached right now; try again in a moment.", true);
  }
  if (AUTH_CODES.has(code)) {
    return new AppError(
      "DB_UNAVAILABLE",
      503,
      "The server cannot log in to Neo4j: check NEO4J_USERNAME and NEO4J_PASSWORD on the server.",
      false,
    );
  }
  if (TIMEOUT_CODES.has(code)) {
    return new AppError("DB_TIMEOUT", 504, "The query took longer than the server allows and was stopped.", false);
  }
  if (TOO_LARGE_CODES.has(code)) {
    return new AppError(
      "QUERY_TOO_LARGE",
      422,
      "The query needs more memory than one query may use on this server; narrow it down (LIMIT, fewer rows, smaller collections, shallower nesting).",
      false,
    );
  }
  if (COMPILE_CODES.has(code)) {
    const said = neo4jSays(error as { message?: unknown });
    return new AppError(
      "CYPHER_SYNTAX",
      400,
      `The Cypher query is not valid: ${said}`,
      false,
      syntaxErrorPosition(said),
    );
  }
  if (code === "Neo.ClientError.Statement.AccessMode") {
    return new AppError("WRITE_FORBIDDEN", 403, "This endpoint only reads; the query tried to write.", false);
  }
  if (code === "Neo.ClientError.Security.Forbidden") {
    return new AppError("QUERY_FORBIDDEN", 403, "Neo4j does not allow this query for the app's user.");
  }
  if (code === "Neo.ClientError.Procedure.ProcedureCallFailed") return procedureFailure(error as { message?: unknown });
  // The rest of the client errors are about the query itself (a missing parameter, an unknown
  // procedure, a type error): Neo4j's first line tells the analyst what to fix.
  if (code.startsWith("Neo.ClientError.Statement.") || code.startsWith("Neo.ClientError.Procedure.")) {
    return new AppError(
      "VALIDATION",
      400,
      `Neo4j could not run the query: ${neo4jSays(error as { message?: unknown })}`,
    );
  }
  if (code === "Neo.DatabaseError.Transaction.TransactionStartFailed") {
    // What CALL { ... } IN TRANSACTIONS gives inside an explicit (read-only) transaction.
    return new AppError("VALIDATION", 400, "CALL { ... } IN TRANSACTIONS is not available: the workbench only reads.");
  }
  if (code.startsWith("Neo.TransientError.") || (error as { retriable?: unknown }).retriable === true) {
    return new AppError("DB_UNAVAILABLE", 503, "Neo4j is busy; try again in a moment.", true);
  }
  return undefined;
}
