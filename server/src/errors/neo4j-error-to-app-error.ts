import { AppError } from "./app-error";

const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
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
  if (code === "Neo.ClientError.Statement.SyntaxError") {
    return new AppError("CYPHER_SYNTAX", 400, "The Cypher query is not valid.", false);
  }
  if (code === "Neo.ClientError.Statement.AccessMode") {
    return new AppError("WRITE_FORBIDDEN", 403, "This endpoint only reads; the query tried to write.", false);
  }
  if (code.startsWith("Neo.TransientError.")) {
    return new AppError("DB_UNAVAILABLE", 503, "Neo4j is busy; try again in a moment.", true);
  }
  return undefined;
}
