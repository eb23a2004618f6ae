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

describe("neo4jErrorToAppError for what the query itself caused", () => {
  it("maps a heap or stack exhausted by one query to 422 QUERY_TOO_LARGE, never 'busy, retry'", () => {
    for (const code of [
      "Neo.TransientError.General.OutOfMemoryError",
      "Neo.TransientError.General.StackOverFlowError",
    ]) {
      expect(neo4jErrorToAppError(driverError(code)), code).toMatchObject({
        code: "QUERY_TOO_LARGE",
        status: 422,
        retriable: false,
      });
    }
  });

  it("says what a failed full-text procedure found wrong, without the Java class that found it", () => {
    const lucene = driverError(
      "Neo.ClientError.Procedure.ProcedureCallFailed",
      'Failed to invoke procedure `db.index.fulltext.queryNodes`: Caused by: org.apache.lucene.queryparser.classic.ParseException: Encountered " <AND> "AND "" at line 1, column 0.\nWas expecting one of:\n    <NOT> ...',
    );
    const mapped = neo4jErrorToAppError(lucene);
    expect(mapped).toMatchObject({ code: "VALIDATION", status: 400 });
    expect(mapped?.message).toMatch(
      /^The full-text search could not run \(db\.index\.fulltext\.queryNodes\): Encountered/,
    );
    expect(mapped?.message).not.toMatch(/org\.apache|ParseException|Was expecting/);

    const index = driverError(
      "Neo.ClientError.Procedure.ProcedureCallFailed",
      "Failed to invoke procedure `db.index.fulltext.queryNodes`: Caused by: java.lang.IllegalArgumentException: There is no such fulltext schema index: nope",
    );
    expect(neo4jErrorToAppError(index)?.message).toMatch(/There is no such fulltext schema index: nope/);
    expect(neo4jErrorToAppError(index)?.message).not.toMatch(/java\.lang|IllegalArgumentException/);
  });

  it("names any other failed procedure and its reason in the same way", () => {
    const other = driverError(
      "Neo.ClientError.Procedure.ProcedureCallFailed",
      "Failed to invoke procedure `db.labels`: Caused by: java.lang.RuntimeException: out of luck",
    );
    expect(neo4jErrorToAppError(other)).toMatchObject({
      code: "VALIDATION",
      message: "The procedure db.labels failed: out of luck",
    });
  });
});
