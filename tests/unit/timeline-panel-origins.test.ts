/** The relationship panel's claims line (issue #20): outlets against independent origins, with their names. */
import { describe, expect, it } from "vitest";
import { describeSummary } from "../../client/src/panels/details/claims-section";
import type { RelationshipClaims } from "../../contract/graph-contract";

const base = {
  relationship: { data: { id: "r", source: "a", target: "b", type: "ORDERED", caption: "ORDERED", props: {} } },
  summary: {
    sources: [],
    evidence: "…",
    certainty: "reported",
    asOf: "2022-02-10",
    independentSources: 2,
    claimCount: 5,
    firstReported: "2021-03-02",
    lastReported: "2022-02-10",
    contested: true,
  },
  claims: [],
  contests: [],
} as unknown as RelationshipClaims;

describe("the claims line of the relationship panel", () => {
  it("says how many outlets and how many independent origins, naming them", () => {
    const origins = {
      outlets: 5,
      independentOrigins: 2,
      originNames: ["Northwind Wire", "The Harbour Gazette"],
      byClaim: [],
    };
    expect(describeSummary({ ...base, origins })).toBe(
      "5 outlets, 2 independent origins (Northwind Wire, The Harbour Gazette) · 5 claims · reported 2021-03-02 to 2022-02-10",
    );
    expect(
      describeSummary({
        ...base,
        origins: { ...origins, outlets: 1, independentOrigins: 1, originNames: ["Northwind Wire"] },
      }),
    ).toMatch(/^1 outlet, 1 independent origin \(Northwind Wire\) · /);
  });

  it("keeps the independent sources of an answer without origins (an older server)", () => {
    expect(describeSummary(base)).toBe("2 independent sources · 5 claims · reported 2021-03-02 to 2022-02-10");
  });
});
