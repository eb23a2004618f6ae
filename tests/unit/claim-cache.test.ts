import { describe, expect, it } from "vitest";
import { ClaimCache } from "../../server/src/claims/summaries-as-of";

/** A row of CLAIMS_BY_ID_QUERY: the claim's summary keys as a list, in the query's order. */
const row = (id: string, quote = `Quote of ${id} (fictional).`) => ({
  get: () => [
    id,
    "asserts",
    "reported",
    quote,
    "en",
    null,
    '{"units":12}',
    "2021-03-04",
    "fictional-outlet",
    null,
    "fictional-article",
    null,
    3,
  ],
});

describe("ClaimCache", () => {
  it("reads a claim's summary keys from its row, and gives each as-of row its claim and whether it counts", () => {
    const cache = new ClaimCache();
    expect(cache.missing(["a", "b"])).toEqual(["a", "b"]);
    cache.add([row("a")]);
    expect(cache.missing(["a", "b"])).toEqual(["b"]);
    const [first] = cache.rows([{ relationshipId: "r", id: "a", counts: false }]);
    expect(first).toEqual({
      relationshipId: "r",
      counts: false,
      claim: {
        id: "a",
        stance: "asserts",
        certainty: "reported",
        quote: "Quote of a (fictional).",
        quoteLang: "en",
        quoteEn: null,
        quantities: { units: 12 },
        reportedAt: "2021-03-04",
        sourceId: "fictional-outlet",
        articleSourceId: null,
        articleId: "fictional-article",
        republishes: null,
        position: 3,
      },
    });
  });

  it("leaves out a claim no read found (deleted after the graph was read)", () => {
    const cache = new ClaimCache();
    cache.add([row("a")]);
    const rows = cache.rows([
      { relationshipId: "r", id: "gone", counts: true },
      { relationshipId: "r", id: "a", counts: true },
    ]);
    expect(rows.map((one) => one.claim.id)).toEqual(["a"]);
  });

  it("keeps at most its bound, dropping the claims read longest ago", () => {
    const cache = new ClaimCache(2);
    cache.add([row("a"), row("b")]);
    cache.add([row("a")]);
    cache.add([row("c")]);
    expect(cache.missing(["a", "b", "c"])).toEqual(["b"]);
  });
});
