import { describe, expect, it } from "vitest";
import { ReadVerdictCache } from "../../server/src/cypher/read-verdict-cache";

describe("ReadVerdictCache", () => {
  it("knows a statement only after it is remembered, and per database", () => {
    const cache = new ReadVerdictCache();
    expect(cache.has("neo4j", "MATCH (n) RETURN n")).toBe(false);
    cache.remember("neo4j", "MATCH (n) RETURN n");
    expect(cache.has("neo4j", "MATCH (n) RETURN n")).toBe(true);
    expect(cache.has("other", "MATCH (n) RETURN n")).toBe(false);
    expect(cache.has("neo4j", "MATCH (n) RETURN n LIMIT 1")).toBe(false);
  });

  it("drops the least recently used statement past its capacity", () => {
    const cache = new ReadVerdictCache(2);
    cache.remember("neo4j", "RETURN 1");
    cache.remember("neo4j", "RETURN 2");
    expect(cache.has("neo4j", "RETURN 1")).toBe(true); // now the most recently used
    cache.remember("neo4j", "RETURN 3");
    expect(cache.size).toBe(2);
    expect(cache.has("neo4j", "RETURN 2")).toBe(false);
    expect(cache.has("neo4j", "RETURN 1")).toBe(true);
    expect(cache.has("neo4j", "RETURN 3")).toBe(true);
  });
});
