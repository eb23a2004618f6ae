/**
 * The change list's windowed read (issue #20): the diff of a window's claims, with the earlier names
 * of only the entities priorsAsked picks and the outlets credited and origins kept across lists,
 * lists what the diff of every claim lists. Random fictional histories (made-up entities and
 * outlets), with aliases, attributions, republished and copied quotes, denials and ends, so every
 * shortcut is exercised.
 */
import { describe, expect, it } from "vitest";
import type { OriginsCache, OriginsSummary } from "../../server/src/claims/independent-origins";
import { type DiffAxis, diffClaims, type HistoryClaim } from "../../server/src/timeline/change-diff";
import { priorsAsked } from "../../server/src/timeline/priors-asked";

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const sources = [
  { id: "wire", name: "Northwind Wire", aliases: ["NWW"] },
  { id: "gazette", name: "The Harbour Gazette", aliases: [] },
  { id: "courrier", name: "Le Courrier fictif", aliases: [] },
  { id: "ledger", name: "Fictional Ledger", aliases: [] },
];
const entities = ["velmora", "qx9", "orbis", "tallis", "kestrel", "mirren"];
const aliases: Record<string, (string | null)[]> = {
  velmora: [null, "velmora", "Velmora Systems", "Velmora Sys."],
  qx9: [null, "QX-9", "qx9", "the QX9 chip"],
  orbis: [null, "Orbis"],
  tallis: [null, "Tallis Group", "Tallis"],
  kestrel: [null, "Kestrel"],
  mirren: [null, "Mirren Labs", "MIRREN LABS"],
};
const names = new Map(entities.map((id) => [id, id.toUpperCase()]));
const day = (offset: number) => new Date(Date.UTC(2021, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** A fictional history of `count` claims on a few relationships over 400 days. */
function history(seed: number, count: number): HistoryClaim[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const quotes = [
    "Velmora ordered chips from the foundry, the report says.",
    "According to Northwind Wire, the order went ahead.",
    "Le Courrier fictif rapporte que la commande est confirmée.",
    "Velmora ordered chips from the foundry, the report says today.",
  ];
  return Array.from({ length: count }, (_, index): HistoryClaim => {
    const subject = pick(entities);
    const object = pick(entities.filter((id) => id !== subject));
    const type = pick(["ORDERED", "MAKES"]);
    const known = day(Math.floor(next() * 400));
    const ends = next() < 0.2 ? day(Math.floor(next() * 400)) : null;
    const sourceId = pick(sources).id;
    return {
      id: `claim-${index}`,
      relationshipId: `${subject}-${type}-${object}`,
      type,
      subject,
      object,
      stance: next() < 0.1 ? ("denies" as const) : ("asserts" as const),
      certainty: pick(["speculative", "reported", "confirmed"] as const),
      quote: next() < 0.5 ? pick(quotes) : `Claim ${index} in its own words, number ${Math.floor(next() * 1000)}.`,
      quoteLang: "en",
      quoteEn: null,
      quantities: next() < 0.3 ? { units: pick([100, 200]) } : ({} as Record<string, number>),
      reportedAt: known,
      validFrom: null,
      validTo: ends,
      knownFrom: known,
      holdsFrom: next() < 0.3 ? day(Math.floor(next() * 400)) : null,
      holdsTo: ends,
      sourceId,
      republishes: next() < 0.1 ? pick(sources).id : null,
      articleId: `article-${Math.floor(index / 3)}`,
      position: index % 3,
      ingestedAt: null,
      subjectAs: pick(aliases[subject] ?? [null]),
      objectAs: pick(aliases[object] ?? [null]),
    };
  });
}

/** What KNOWN_/HELD_WINDOW_CLAIMS_QUERY read: every claim of a relationship with a claim starting or ending in the window. */
function windowOf(claims: readonly HistoryClaim[], axis: DiffAxis, from: string, to: string): HistoryClaim[] {
  const within = (value: string | null) => value !== null && value >= from && value <= to;
  const touched = new Set(
    claims
      .filter((claim) => within(axis === "known" ? claim.knownFrom : claim.holdsFrom) || within(claim.holdsTo))
      .map((claim) => claim.relationshipId),
  );
  return claims.filter((claim) => touched.has(claim.relationshipId));
}

/** What ENTITY_PRIORS_QUERY answers for `ids`: entities a claim named by `from`, with the names given. */
function priorsOf(claims: readonly HistoryClaim[], ids: readonly string[], from: string): Map<string, string[]> {
  const priors = new Map<string, string[]>();
  for (const id of ids) {
    const earlier = claims.filter((claim) => claim.knownFrom <= from && (claim.subject === id || claim.object === id));
    if (earlier.length === 0) continue;
    const given = earlier.flatMap((claim) => [
      ...(claim.subject === id && claim.subjectAs !== null ? [claim.subjectAs] : []),
      ...(claim.object === id && claim.objectAs !== null ? [claim.objectAs] : []),
    ]);
    priors.set(id, [...new Set(given)]);
  }
  return priors;
}

describe("the change list's windowed read", () => {
  it("asks the earlier names only of entities the window's own earlier claims do not name as the new ones do", () => {
    const [a, b, c] = history(1, 3) as [HistoryClaim, HistoryClaim, HistoryClaim];
    const before = {
      ...a,
      subject: "velmora",
      subjectAs: "Velmora",
      object: "qx9",
      objectAs: null,
      knownFrom: "2021-01-05",
    };
    const sameName = {
      ...b,
      subject: "velmora",
      subjectAs: "VELMORA",
      object: "orbis",
      objectAs: null,
      knownFrom: "2021-02-01",
    };
    const newName = {
      ...c,
      subject: "qx9",
      subjectAs: "QX-9",
      object: "velmora",
      objectAs: null,
      knownFrom: "2021-02-02",
    };
    // velmora: named "Velmora" before, "VELMORA" folds to it; orbis: not named before in the window;
    // qx9: named before (with no name given) and now as "QX-9", a name the window's claims never gave.
    expect(priorsAsked([before, sameName, newName], "2021-01-31", "2021-03-01").sort()).toEqual(["orbis", "qx9"]);
    // Claims after `to` and before `from` ask nothing.
    expect(priorsAsked([before, sameName, newName], "2021-02-05", "2021-03-01")).toEqual([]);
  });

  it("lists what the diff of every claim lists, on both axes, with outlets credited once across lists", () => {
    let compared = 0;
    let kept = 0;
    for (const seed of [3, 5, 8, 13]) {
      const all = history(seed, 160);
      const whole = { names, sources };
      // One credited cache for every list of a history, as TimelineRepository keeps it (same sources).
      const credited: OriginsCache["credited"] = new Map();
      const prints: OriginsCache["prints"] = new Map();
      const origins = new Map<string, OriginsSummary>();
      const next = random(seed * 7);
      for (let run = 0; run < 25; run++) {
        const [from, to] = [day(Math.floor(next() * 420) - 10), day(Math.floor(next() * 420) - 10)].sort() as [
          string,
          string,
        ];
        for (const axis of ["known", "held"] as const) {
          const claims = windowOf(all, axis, from, to);
          const asked = axis === "known" ? priorsAsked(claims, from, to) : [];
          const seenBefore = priorsOf(all, asked, from);
          const window = { axis, from, to, today: "2026-01-01" };
          const expected = diffClaims(all, window, whole);
          const listed = diffClaims(claims, window, { names, sources, seenBefore, prints, credited, origins });
          expect(JSON.stringify(listed), `${axis} ${from} ${to} (seed ${seed})`).toBe(JSON.stringify(expected));
          compared += 1;
          if (expected.length > 0) kept += 1;
        }
      }
      expect(credited.size).toBeGreaterThan(0);
      expect(origins.size).toBeGreaterThan(0);
    }
    expect(compared).toBe(200);
    // The histories change: most lists are not empty, and some say each kind that needs the shortcuts.
    expect(kept).toBeGreaterThan(150);
  });

  it("exercises corroboration, aliases and new entities in those histories", () => {
    const kinds = new Set<string>();
    for (const seed of [3, 5, 8, 13]) {
      const all = history(seed, 160);
      for (const [from, to] of [
        ["2021-02-01", "2021-06-01"],
        ["2021-01-01", "2021-03-01"],
        ["2020-12-01", "2022-02-01"],
      ] as const)
        for (const change of diffClaims(all, { axis: "known", from, to, today: "2026-01-01" }, { names, sources }))
          kinds.add(change.kind);
    }
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining(["alias-merged", "new-entity", "new-relationship", "newly-corroborated", "denied"]),
    );
  });
});
