import type { Certainty, ClaimStance, ClaimSummary, Contest } from "../../../contract/graph-contract";
import { firstDay } from "../../../contract/partial-dates";
import type { NamedSource } from "./attribution";
import { independentOrigins, type OriginsCache } from "./independent-origins";

/**
 * Quote prints by claim id, kept across summaries (a claim's id derives from its content, so its
 * quote never changes): an as-of graph summarises every drawn relationship on each request.
 * Emptied past 50,000 (about 20 MB).
 */
const prints: OriginsCache["prints"] = new Map();

/** What the summary needs of a claim, as stored on its `Claim` node. */
export interface SummarisedClaim {
  id: string;
  stance: ClaimStance;
  certainty: Certainty;
  quote: string;
  /** BCP 47 language of the quote. */
  quoteLang: string;
  quoteEn: string | null;
  quantities: Record<string, number>;
  reportedAt: string;
  sourceId: string;
  /** The Source that published the article the claim was read in. */
  articleSourceId: string | null;
  articleId: string | null;
  republishes: string | null;
  /** Its place in its file, to order claims reported the same day. */
  position: number;
}

const STRENGTH: Record<Certainty, number> = { speculative: 0, reported: 1, confirmed: 2 };

/** First reported first; the same day, by article, then by place in the file. */
export function inReportOrder<T extends SummarisedClaim>(claims: readonly T[]): T[] {
  return [...claims].sort(
    (a, b) =>
      firstDay(a.reportedAt).localeCompare(firstDay(b.reportedAt)) ||
      (a.articleId ?? "").localeCompare(b.articleId ?? "") ||
      a.position - b.position,
  );
}

function quantityContests(asserting: readonly SummarisedClaim[]): Contest[] {
  const names = [...new Set(asserting.flatMap((claim) => Object.keys(claim.quantities)))].sort();
  return names.flatMap((name): Contest[] => {
    const byValue = new Map<number, string[]>();
    for (const claim of asserting) {
      const value = claim.quantities[name];
      if (value === undefined) continue;
      byValue.set(value, [...(byValue.get(value) ?? []), claim.id]);
    }
    if (byValue.size < 2) return [];
    return [
      {
        kind: "quantity",
        quantity: name,
        sides: [...byValue].map(([value, claimIds]) => ({ position: `${name} = ${value}`, value, claimIds })),
      },
    ];
  });
}

/**
 * The disagreements among a relationship's claims: a denial against the assertions, and one
 * contest per quantity given with different values. A later `confirmed` after `reported` is not
 * one: it raises the certainty and sets `confirmedAt`.
 */
export function contestsOf(claims: readonly SummarisedClaim[]): Contest[] {
  const ordered = inReportOrder(claims);
  const asserting = ordered.filter((claim) => claim.stance === "asserts");
  const denying = ordered.filter((claim) => claim.stance === "denies");
  const denial: Contest[] =
    asserting.length > 0 && denying.length > 0
      ? [
          {
            kind: "denial",
            quantity: null,
            sides: [
              { position: "asserts", value: null, claimIds: asserting.map((claim) => claim.id) },
              { position: "denies", value: null, claimIds: denying.map((claim) => claim.id) },
            ],
          },
        ]
      : [];
  return [...denial, ...quantityContests(asserting)];
}

/** The relationship's properties that come from its claims; null when no claim asserts it. */
export interface RelationshipSummary {
  summary: ClaimSummary;
  /** The quantities the edge carries: each from the strongest, then latest, claim that gives it. */
  quantities: Record<string, number>;
}

/**
 * The claims that vouch for a relationship: a possibility ("could", "pourrait") raises it but vouches
 * for nothing, so it does not count as a source in agreement when others state it. Only possibilities:
 * they are all there is.
 */
function vouchers(asserting: readonly SummarisedClaim[]): readonly SummarisedClaim[] {
  const stated = asserting.filter((claim) => claim.certainty !== "speculative");
  return stated.length > 0 ? stated : asserting;
}

/**
 * `outlets`: every Source with its names, to know whom a quote credits ("selon Reuters"):
 * `independentSources` counts independent origins (server/src/claims/independent-origins.ts), so a
 * republished, credited or copied story counts with its original, as the panel's "5 outlets,
 * 2 independent origins" does; the canvas' widths and "Only corroborated" read it.
 */
export function summarise(
  claims: readonly SummarisedClaim[],
  outlets: readonly NamedSource[],
): RelationshipSummary | null {
  if (prints.size > 50_000) prints.clear();
  const ordered = inReportOrder(claims);
  const asserting = ordered.filter((claim) => claim.stance === "asserts");
  const first = asserting[0];
  const last = ordered[ordered.length - 1];
  if (first === undefined || last === undefined) return null;

  const certainty = asserting.reduce<Certainty>(
    (strongest, claim) => (STRENGTH[claim.certainty] > STRENGTH[strongest] ? claim.certainty : strongest),
    "speculative",
  );
  const firstConfirmed = asserting.find((claim) => claim.certainty === "confirmed");
  const confirmedLater =
    firstConfirmed !== undefined &&
    asserting.some(
      (claim) => claim.certainty !== "confirmed" && firstDay(claim.reportedAt) < firstDay(firstConfirmed.reportedAt),
    );

  const quantities: Record<string, number> = {};
  const byStrength = [...asserting].sort((a, b) => STRENGTH[a.certainty] - STRENGTH[b.certainty]);
  for (const claim of byStrength) Object.assign(quantities, claim.quantities);

  const sources = [
    ...new Set(ordered.flatMap((claim) => [claim.articleSourceId, claim.sourceId].filter((id) => id !== null))),
  ];
  return {
    summary: {
      sources,
      evidence: first.quote,
      evidence_lang: first.quoteLang,
      evidence_en: first.quoteEn,
      certainty,
      asOf: last.reportedAt,
      independentSources: independentOrigins(vouchers(asserting), outlets, { prints, credited: new Map() })
        .independentOrigins,
      claimCount: ordered.length,
      firstReported: ordered[0]?.reportedAt ?? first.reportedAt,
      lastReported: last.reportedAt,
      contested: contestsOf(ordered).length > 0,
      ...(confirmedLater ? { confirmedAt: firstConfirmed.reportedAt } : {}),
    },
    quantities,
  };
}
