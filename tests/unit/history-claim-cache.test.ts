import { describe, expect, it } from "vitest";
import type { HistoryClaim } from "../../server/src/timeline/change-diff";
import { HistoryClaimCache } from "../../server/src/timeline/history-claim-cache";
import { historyClaimOf } from "../../server/src/timeline/timeline-repository";

/** A fictional claim as the timeline reads it. */
const claim = (id: string): HistoryClaim =>
  historyClaimOf({
    id,
    relationshipId: "fictional-relationship",
    predicate: "SUPPLIES",
    subject: "fictional-a",
    object: "fictional-b",
    stance: "asserts",
    certainty: "reported",
    quote: `Quote of ${id} (fictional).`,
    quoteLang: "en",
    quantities: "{}",
    reportedAt: "2021-03-04",
    sourceId: "fictional-outlet",
  });

describe("HistoryClaimCache", () => {
  it("names the ids it has not read, each once, and gives the claims back in the order asked", () => {
    const cache = new HistoryClaimCache();
    expect(cache.missing(["a", "b", "a"])).toEqual(["a", "b"]);
    cache.add([claim("b"), claim("a")]);
    expect(cache.missing(["a", "b", "c"])).toEqual(["c"]);
    expect(cache.get(["a", "b"]).map((found) => found.id)).toEqual(["a", "b"]);
    expect(cache.get(["b", "a"]).map((found) => found.id)).toEqual(["b", "a"]);
    expect(cache.get(["a"])[0]).toEqual(claim("a"));
  });

  it("leaves out a claim no read found (deleted meanwhile)", () => {
    const cache = new HistoryClaimCache();
    cache.add([claim("a")]);
    expect(cache.get(["a", "gone"]).map((found) => found.id)).toEqual(["a"]);
  });

  it("drops the oldest read past its bound", () => {
    const cache = new HistoryClaimCache(2);
    cache.add([claim("a"), claim("b")]);
    cache.add([claim("c")]);
    expect(cache.missing(["a", "b", "c"])).toEqual(["a"]);
  });
});
