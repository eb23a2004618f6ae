import { describe, expect, it } from "vitest";
import { firstDay, lastDay } from "../../contract/partial-dates";
import type { NamedSource } from "../../server/src/claims/attribution";
import { contestsOf, type SummarisedClaim, summarise as summariseWith } from "../../server/src/claims/claim-summary";
import { foldName, slugOf } from "../../server/src/claims/fold-name";

let next = 0;
const claim = (overrides: Partial<SummarisedClaim>): SummarisedClaim => ({
  id: `c${next}`,
  stance: "asserts",
  certainty: "reported",
  // Each its own words: the same quote from two outlets is a copy, one origin.
  quote: `quote number ${next++}`,
  quoteLang: "fr",
  quoteEn: "quote in English",
  quantities: {},
  reportedAt: "2024",
  sourceId: "reuters",
  articleSourceId: "article",
  articleId: "article-1",
  republishes: null,
  position: 0,
  ...overrides,
});

const SOURCES: NamedSource[] = [
  { id: "reuters", name: "Reuters", aliases: [] },
  { id: "yahoo", name: "Yahoo", aliases: [] },
  { id: "ledger", name: "The Ledger", aliases: [] },
];
const summarise = (claims: readonly SummarisedClaim[]) => summariseWith(claims, SOURCES);

describe("summarise", () => {
  it("counts independent origins, not outlets: a story crediting another outlet or copying its words counts with it", () => {
    const wire = "Velmora Systems has ordered 50,000 accelerators from Quillon, people familiar with the deal said.";
    const summary = summarise([
      claim({ sourceId: "reuters", quote: wire }),
      claim({ sourceId: "yahoo", reportedAt: "2024-05", quote: "Velmora a commandé 50 000 puces, selon Reuters." }),
      claim({ sourceId: "ledger", reportedAt: "2024-06", quote: wire.replace("said", "told us") }),
    ])?.summary;
    // Three outlets, one origin: no corroboration (the canvas draws it at the base width).
    expect(summary?.independentSources).toBe(1);
    const corroborated = summarise([
      claim({ sourceId: "reuters", quote: wire }),
      claim({
        sourceId: "ledger",
        reportedAt: "2024-06",
        quote: "The Ledger learned of the order from a Quillon supplier.",
      }),
    ])?.summary;
    expect(corroborated?.independentSources).toBe(2);
  });

  it("counts outlets once: the same outlet twice, and a republished story, are one voice", () => {
    const summary = summarise([
      claim({ sourceId: "reuters" }),
      claim({ sourceId: "reuters", reportedAt: "2024-05" }),
      claim({ sourceId: "yahoo", republishes: "reuters", reportedAt: "2024-06" }),
      claim({ sourceId: "ledger", reportedAt: "2025-01-02" }),
    ])?.summary;
    expect(summary).toMatchObject({
      independentSources: 2,
      claimCount: 4,
      firstReported: "2024",
      lastReported: "2025-01-02",
      sources: ["article", "reuters", "yahoo", "ledger"],
      contested: false,
    });
  });

  it("does not count a possibility as a source vouching for what others state", () => {
    const stated = summarise([
      claim({ sourceId: "reuters", certainty: "reported" }),
      claim({ sourceId: "article", certainty: "speculative" }),
    ])?.summary;
    expect(stated?.independentSources).toBe(1);
    const onlyPossible = summarise([
      claim({ sourceId: "reuters", certainty: "speculative" }),
      claim({ sourceId: "article", certainty: "speculative" }),
    ])?.summary;
    expect(onlyPossible?.independentSources).toBe(2);
  });

  it("takes the strongest certainty, and records a confirmation after a report as confirmedAt", () => {
    const summary = summarise([
      claim({ certainty: "reported", reportedAt: "2024" }),
      claim({ certainty: "confirmed", reportedAt: "2025-03-10" }),
    ])?.summary;
    expect(summary).toMatchObject({ certainty: "confirmed", confirmedAt: "2025-03-10", contested: false });
    expect(summarise([claim({ certainty: "confirmed" })])?.summary.confirmedAt).toBeUndefined();
  });

  it("keeps the first asserting claim's quote as the evidence", () => {
    const summary = summarise([
      claim({ quote: "later", quoteLang: "fr", reportedAt: "2025" }),
      claim({ quote: "first", quoteLang: "en", reportedAt: "2024" }),
    ]);
    expect(summary?.summary.evidence).toBe("first");
    expect(summary?.summary.evidence_lang).toBe("en");
  });

  it("puts each quantity of the strongest, then latest, claim on the edge", () => {
    const result = summarise([
      claim({ quantities: { quantity: 100000, delivered: 30000 }, reportedAt: "2024" }),
      claim({ quantities: { delivered: 20000 }, reportedAt: "2025" }),
    ]);
    expect(result?.quantities).toEqual({ quantity: 100000, delivered: 20000 });
    expect(result?.summary.contested).toBe(true);
  });

  it("is null when nothing asserts the relationship", () => {
    expect(summarise([claim({ stance: "denies" })])).toBeNull();
  });
});

describe("contestsOf", () => {
  it("sets a denial against the assertions, and each contradicted quantity apart", () => {
    const asserted = claim({ quantities: { delivered: 30000 }, reportedAt: "2024" });
    const other = claim({ quantities: { delivered: 20000 }, reportedAt: "2025" });
    const denied = claim({ stance: "denies", reportedAt: "2025-02" });
    expect(contestsOf([denied, other, asserted])).toEqual([
      {
        kind: "denial",
        quantity: null,
        sides: [
          { position: "asserts", value: null, claimIds: [asserted.id, other.id] },
          { position: "denies", value: null, claimIds: [denied.id] },
        ],
      },
      {
        kind: "quantity",
        quantity: "delivered",
        sides: [
          { position: "delivered = 30000", value: 30000, claimIds: [asserted.id] },
          { position: "delivered = 20000", value: 20000, claimIds: [other.id] },
        ],
      },
    ]);
  });

  it("finds nothing in agreeing claims", () => {
    expect(contestsOf([claim({ quantities: { n: 1 } }), claim({ quantities: { n: 1 } })])).toEqual([]);
  });
});

describe("names and dates", () => {
  it("folds case and width, so NVIDIA, Nvidia and full-width ＮＶＩＤＩＡ are one name", () => {
    expect(new Set(["NVIDIA", "Nvidia", "ＮＶＩＤＩＡ", " nvidia "].map(foldName))).toEqual(new Set(["nvidia"]));
    expect(foldName("华为")).toBe("华为");
    expect(slugOf("Huawei Technologies Co., Ltd.")).toBe("huawei-technologies-co-ltd");
    expect(slugOf("États-Unis")).toBe("etats-unis");
  });

  it("reads partial dates as their first and last days", () => {
    expect([firstDay("2024"), lastDay("2024")]).toEqual(["2024-01-01", "2024-12-31"]);
    expect([firstDay("2024-02"), lastDay("2024-02")]).toEqual(["2024-02-01", "2024-02-29"]);
    expect([firstDay("2025-03-10"), lastDay("2025-03-10")]).toEqual(["2025-03-10", "2025-03-10"]);
  });
});
