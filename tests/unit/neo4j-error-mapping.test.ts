import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { neo4jErrorToAppError } from "../../server/src/errors/neo4j-error-to-app-error";

const driverError = (code: string, message = "internal detail at bolt://10.0.0.1:7687") =>
  new Neo4jError(message, code, "50N42", "error: general processing exception", {} as never);

describe("neo4jErrorToAppError during outages", () => {
  it("answers 503 DB_UNAVAILABLE, retriable, for every way a connection to Neo4j fails", () => {
    for (const code of [
      "ServiceUnavailable",
      "SessionExpired",
      "ProtocolError",
      "Neo.TransientError.General.DatabaseUnavailable",
    ]) {
      expect(neo4jErrorToAppError(driverError(code)), code).toMatchObject({
        code: "DB_UNAVAILABLE",
        status: 503,
        retriable: true,
      });
    }
  });

  it("never passes the driver's message on", () => {
    expect(neo4jErrorToAppError(driverError("ProtocolError"))?.message).not.toMatch(/bolt|10\.0\.0\.1/);
  });

  it("maps the per-transaction memory limit to 422 QUERY_TOO_LARGE, not retriable although Neo4j calls it transient", () => {
    expect(neo4jErrorToAppError(driverError("Neo.TransientError.General.MemoryPoolOutOfMemoryError"))).toMatchObject({
      code: "QUERY_TOO_LARGE",
      status: 422,
      retriable: false,
    });
  });
});
