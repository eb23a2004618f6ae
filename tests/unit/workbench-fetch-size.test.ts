import type { Driver, SessionConfig } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { ReadVerdictCache } from "../../server/src/cypher/read-verdict-cache";
import { runReadOnlyCypher } from "../../server/src/cypher/run-read-only-cypher";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";

/** A driver that records the sessions asked of it and answers every query with no rows. */
function recordingDriver() {
  const sessions: SessionConfig[] = [];
  const driver = {
    session(config: SessionConfig) {
      sessions.push(config);
      return {
        run: () => ({
          keys: async () => [],
          async *[Symbol.asyncIterator]() {},
        }),
        close: async () => {},
      };
    },
  } as unknown as Driver;
  return { driver, sessions };
}

describe("the workbench's session", () => {
  it("fetches the capped answer and the row that says there is more in one batch, in READ mode", async () => {
    const { driver, sessions } = recordingDriver();
    const verdicts = new ReadVerdictCache();
    const query = "MATCH (n) RETURN n";
    verdicts.remember("neo4j", query);
    const limits = {
      database: "neo4j",
      timeoutMs: 1_000,
      rowCap: 2_500,
      maxResponseBytes: 1_000_000,
      maxGraphElements: 100,
      text: { maxDepth: 120, maxUnions: 100 },
      verdicts,
    };
    const database = new Neo4jDatabase(driver, { database: "neo4j", queryTimeoutMs: 1_000 });
    const answer = await runReadOnlyCypher(database, query, {}, limits, new AbortController().signal);
    expect(answer.rowCount).toBe(0);
    expect(sessions).toEqual([{ database: "neo4j", defaultAccessMode: "READ", fetchSize: 2_501 }]);
  });
});
