/**
 * Independent origins (issue #20) as pure functions: shingles and near-copies, MinHash's estimate,
 * attribution phrases in French and English, and the origins of a set of claims.
 */
import { describe, expect, it } from "vitest";
import { attributedSource } from "../../server/src/claims/attribution";
import { independentOrigins, type OriginClaim } from "../../server/src/claims/independent-origins";
import {
  estimatedJaccard,
  isNearCopy,
  jaccard,
  minHash,
  normaliseQuote,
  quotePrint,
  shingles,
} from "../../server/src/claims/near-copies";

const ORIGINAL =
  "Velmora Systems has ordered 50,000 QX-9 accelerators from Quillon Microdevices, according to two people familiar with the deal.";

describe("near-copies", () => {
  it("normalises case, accents, punctuation and spacing", () => {
    expect(normaliseQuote("  L'Ostrélie  RESTREINT, « vite » !")).toBe("l ostrelie restreint vite");
  });

  it("cuts word shingles, one for a text shorter than k words", () => {
    expect([...shingles("a b c d")]).toEqual(["a b c", "b c d"]);
    expect([...shingles("Oui.")]).toEqual(["oui"]);
    expect(shingles("  ").size).toBe(0);
  });

  it("finds a copy with a few words added, or with other punctuation and case", () => {
    const copy = `${ORIGINAL.slice(0, -1)}, the Daily Invented has learned.`;
    expect(isNearCopy(quotePrint(ORIGINAL), quotePrint(copy))).toBe(true);
    expect(isNearCopy(quotePrint(ORIGINAL), quotePrint(ORIGINAL.toUpperCase().replace(/,/g, "")))).toBe(true);
  });

  it("finds a copy cut short (containment), not two short unrelated quotes", () => {
    const cut = "Velmora Systems has ordered 50,000 QX-9 accelerators from Quillon Microdevices";
    expect(isNearCopy(quotePrint(ORIGINAL), quotePrint(cut))).toBe(true);
    expect(isNearCopy(quotePrint("Oui."), quotePrint("Oui, dit-il, c'est vrai et c'est tout."))).toBe(false);
  });

  it("tells the same fact in other words from a copy", () => {
    const reworded = "Quillon will deliver 50,000 of its QX-9 chips to Velmora, the cloud company said on Monday.";
    expect(isNearCopy(quotePrint(ORIGINAL), quotePrint(reworded))).toBe(false);
  });

  it("estimates the resemblance with MinHash close to the exact one", () => {
    const a = shingles(ORIGINAL);
    const b = shingles(`${ORIGINAL} The deal was signed in March, the people said.`);
    const exact = jaccard(a, b);
    expect(Math.abs(estimatedJaccard(minHash(a, 256), minHash(b, 256)) - exact)).toBeLessThan(0.15);
    expect(estimatedJaccard(minHash(a), minHash(a))).toBe(1);
    expect(estimatedJaccard(minHash(a), minHash(shingles("nothing in common here at all")))).toBeLessThan(0.2);
  });
});

const SOURCES = [
  { id: "northwind-wire", name: "Northwind Wire", aliases: ["Northwind"] },
  { id: "agence-fictive", name: "Agence fictive de presse", aliases: ["AFP-F"] },
  { id: "harbour-gazette", name: "The Harbour Gazette", aliases: [] },
];

describe("attribution phrases", () => {
  it.each([
    ["Selon Northwind Wire, Velmora a commandé des puces.", "northwind-wire"],
    ["D'après l'agence Northwind, Velmora a commandé des puces.", "northwind-wire"],
    ["Velmora a commandé des puces, rapporte l'agence Northwind Wire.", "northwind-wire"],
    ["According to Northwind Wire, Velmora ordered chips.", "northwind-wire"],
    ["As first reported by the Agence fictive de presse, Velmora ordered chips.", "agence-fictive"],
    ["Velmora ordered chips, AFP-F reported on Monday.", "agence-fictive"],
    ["Northwind reported that Velmora ordered chips.", "northwind-wire"],
  ])("%s → %s", (text, expected) => {
    expect(attributedSource(text, SOURCES)).toBe(expected);
  });

  it.each([
    "Velmora ordered chips, according to two people familiar with the deal.",
    "Velmora ordered chips from Northwind Wire's owner.",
    "Selon nos informations, Velmora a commandé des puces.",
    "The Harbour Gazetteer said so.",
  ])("no attribution: %s", (text) => {
    expect(attributedSource(text, SOURCES)).toBeNull();
  });

  it("never attributes a claim to its own outlet, and takes the first outlet named", () => {
    expect(attributedSource("The Harbour Gazette reported it first.", SOURCES, "harbour-gazette")).toBeNull();
    expect(
      attributedSource("According to The Harbour Gazette, and as first reported by Northwind Wire, it holds.", SOURCES),
    ).toBe("harbour-gazette");
  });
});

describe("independent origins", () => {
  const claim = (id: string, sourceId: string, quote: string, reportedAt: string, republishes: string | null = null) =>
    ({ id, sourceId, quote, reportedAt, republishes }) satisfies OriginClaim;

  it("counts a republished, a copied and an attributed story once with the original", () => {
    const summary = independentOrigins(
      [
        claim("copy", "daily-invented", `${ORIGINAL} Watch this space.`, "2021-03-04"),
        claim("wire", "northwind-wire", ORIGINAL, "2021-03-02"),
        claim("republished", "courrier", "Velmora a commandé des QX-9.", "2021-03-03", "northwind-wire"),
        claim("attributed", "journal", "Selon Northwind Wire, Velmora a commandé 50 000 QX-9.", "2021-09-15"),
      ],
      SOURCES,
    );
    expect(summary.outlets).toBe(4);
    expect(summary.independentOrigins).toBe(1);
    expect(summary.originNames).toEqual(["Northwind Wire"]);
    expect(Object.fromEntries(summary.byClaim.map((entry) => [entry.claimId, entry.reason]))).toEqual({
      wire: "own",
      republished: "republishes",
      copy: "near-copy",
      attributed: "attribution",
    });
  });

  it("counts an outlet reporting on its own as another origin", () => {
    const summary = independentOrigins(
      [
        claim("wire", "northwind-wire", ORIGINAL, "2021-03-02"),
        claim(
          "own",
          "harbour-gazette",
          "Velmora told The Harbour Gazette it has now ordered 80,000 QX-9.",
          "2022-02-10",
        ),
      ],
      SOURCES,
    );
    expect(summary).toMatchObject({
      outlets: 2,
      independentOrigins: 2,
      originNames: ["Northwind Wire", "The Harbour Gazette"],
    });
  });

  it("does not fold two claims of one outlet that say the same (same outlet, one origin anyway)", () => {
    const summary = independentOrigins(
      [claim("a", "northwind-wire", ORIGINAL, "2021-03-02"), claim("b", "northwind-wire", ORIGINAL, "2021-03-05")],
      SOURCES,
    );
    expect(summary.byClaim.map((entry) => entry.reason)).toEqual(["own", "own"]);
    expect(summary.independentOrigins).toBe(1);
  });
});
