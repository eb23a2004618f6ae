import { describe, expect, it } from "vitest";
import { renderNeo4jConf } from "../../scripts/neo4j/render-neo4j-conf";

describe("renderNeo4jConf, usage reporting", () => {
  it("turns off the anonymous usage data Neo4j sends by default (5.x setting name)", () => {
    const conf = renderNeo4jConf({
      boltHost: "127.0.0.1",
      boltPort: 7687,
      pageCacheSize: "256m",
      transactionMemoryMax: "256m",
    });
    expect(conf.split("\n")).toContain("dbms.usage_report.enabled=false");
  });
});
