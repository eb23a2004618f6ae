/**
 * Independent origins (issue #20): corroboration counts origins, not outlets. A claim's origin is
 * its outlet, unless it republishes another (declared `republishes`), credits another in its words
 * ("selon Reuters", "as first reported by Reuters"), or copies another claim's quote near-verbatim
 * (then it has the origin of the claim reported first). Pure: the caller reads the claims and sources.
 */
import { firstDay } from "../../../contract/partial-dates";
import { attributedSource, type NamedSource } from "./attribution";
import { isNearCopy, type QuotePrint, quotePrint } from "./near-copies";

/** What origins need of a claim. */
export interface OriginClaim {
  id: string;
  /** The Source the claim is attributed to (its outlet). */
  sourceId: string;
  republishes: string | null;
  quote: string;
  reportedAt: string;
  position?: number;
}

/** Why a claim counts with another origin than its outlet. */
export type OriginReason = "own" | "republishes" | "attribution" | "near-copy";

export interface ClaimOrigin {
  claimId: string;
  /** The Source id of the origin. */
  origin: string;
  reason: OriginReason;
}

export interface OriginsSummary {
  /** Distinct outlets of the claims. */
  outlets: number;
  /** Distinct origins once republishes, attributions and copies are folded in. */
  independentOrigins: number;
  /** The origins' names (else ids), first reported first. */
  originNames: string[];
  /** Per claim, its origin and why. */
  byClaim: ClaimOrigin[];
}

const byReport = (a: OriginClaim, b: OriginClaim) =>
  firstDay(a.reportedAt).localeCompare(firstDay(b.reportedAt)) || (a.position ?? 0) - (b.position ?? 0);

/**
 * The origins of a set of claims (usually one relationship's asserting claims). Claims are taken
 * first reported first, so a copy takes the origin of the earlier text, whatever order they come in.
 */
/**
 * What does not depend on the other claims (a quote's shingles, the outlet a claim credits), kept
 * by claim id across calls on the same claims: the change list asks for the origins of one
 * relationship at two dates.
 */
export interface OriginsCache {
  prints: Map<string, QuotePrint>;
  credited: Map<string, string | null>;
}

export function originsCache(): OriginsCache {
  return { prints: new Map(), credited: new Map() };
}

/** Each source's name by id, made once per list of sources (a change list asks for thousands of origins). */
const namesOfLists = new WeakMap<readonly NamedSource[], ReadonlyMap<string, string>>();
function sourceNamesOf(sources: readonly NamedSource[]): ReadonlyMap<string, string> {
  let names = namesOfLists.get(sources);
  if (names === undefined) {
    names = new Map(sources.map((source) => [source.id, source.name]));
    namesOfLists.set(sources, names);
  }
  return names;
}

export function independentOrigins(
  claims: readonly OriginClaim[],
  sources: readonly NamedSource[],
  cache: OriginsCache = originsCache(),
): OriginsSummary {
  const ordered = [...claims].sort(byReport);
  const printOf = (claim: OriginClaim) => {
    let print = cache.prints.get(claim.id);
    if (print === undefined) {
      print = quotePrint(claim.quote);
      cache.prints.set(claim.id, print);
    }
    return print;
  };
  const creditOf = (claim: OriginClaim) => {
    let credited = cache.credited.get(claim.id);
    if (credited === undefined) {
      credited = attributedSource(claim.quote, sources, claim.sourceId);
      cache.credited.set(claim.id, credited);
    }
    return credited;
  };
  const prints = ordered.map(printOf);
  const byClaim: ClaimOrigin[] = [];
  ordered.forEach((claim, index) => {
    if (claim.republishes !== null && claim.republishes !== claim.sourceId) {
      byClaim.push({ claimId: claim.id, origin: claim.republishes, reason: "republishes" });
      return;
    }
    const credited = creditOf(claim);
    if (credited !== null) {
      byClaim.push({ claimId: claim.id, origin: credited, reason: "attribution" });
      return;
    }
    const print = prints[index];
    const copied = ordered.findIndex(
      (other, otherIndex) =>
        otherIndex < index &&
        other.sourceId !== claim.sourceId &&
        print !== undefined &&
        isNearCopy(print, prints[otherIndex] ?? { shingles: new Set() }),
    );
    const earlier = byClaim[copied];
    if (copied >= 0 && earlier !== undefined) {
      byClaim.push({ claimId: claim.id, origin: earlier.origin, reason: "near-copy" });
      return;
    }
    byClaim.push({ claimId: claim.id, origin: claim.sourceId, reason: "own" });
  });
  const nameOf = sourceNamesOf(sources);
  const origins = [...new Set(byClaim.map((entry) => entry.origin))];
  return {
    outlets: new Set(ordered.map((claim) => claim.sourceId)).size,
    independentOrigins: origins.length,
    originNames: origins.map((id) => nameOf.get(id) ?? id),
    byClaim,
  };
}
