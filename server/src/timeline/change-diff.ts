/**
 * What changed between two states of the claims (issue #20), as a pure function: each relationship
 * (and each entity) compared as it stood at the first point and at the second. A point is a day on
 * the `known` axis (claims reported by then) or the `held` axis (asserting claims valid then), or an
 * instant on the `entered` axis (claims stored by then: what an analyst had seen).
 */
import type { Certainty, ClaimStance } from "../../../contract/graph-contract";
import type { Change, ChangeClaim, ChangeKind } from "../../../contract/timeline-endpoints";
import { CHANGE_KINDS } from "../../../contract/timeline-endpoints";
import type { NamedSource } from "../claims/attribution";
import { foldName } from "../claims/fold-name";
import { independentOrigins, type OriginsCache, type OriginsSummary } from "../claims/independent-origins";

/** A stored claim with what the timeline needs of it. */
export interface HistoryClaim {
  id: string;
  relationshipId: string;
  type: string;
  subject: string;
  object: string;
  stance: ClaimStance;
  certainty: Certainty;
  quote: string;
  quoteLang: string;
  quoteEn: string | null;
  quantities: Record<string, number>;
  reportedAt: string;
  validFrom: string | null;
  validTo: string | null;
  /** First day of `reportedAt`; first day of `validFrom`; last day of `validTo`. */
  knownFrom: string;
  holdsFrom: string | null;
  holdsTo: string | null;
  sourceId: string;
  republishes: string | null;
  articleId: string | null;
  position: number;
  /** When it was stored (ISO date-time); null for claims stored before the timeline existed. */
  ingestedAt: string | null;
  /** The subject and object as the claims file named them; null for claims stored before. */
  subjectAs: string | null;
  objectAs: string | null;
}

export type DiffAxis = "known" | "held" | "entered";

export interface DiffWindow {
  axis: DiffAxis;
  /** Days (`YYYY-MM-DD`) on the known and held axes; ISO date-times on the entered axis. */
  from: string;
  to: string;
  /** Today (`YYYY-MM-DD`): when validity is judged on the entered axis. */
  today: string;
}

export interface DiffContext {
  /** Node id → name, for labels; the id stands in when missing. */
  names: ReadonlyMap<string, string>;
  sources: readonly NamedSource[];
  /**
   * Quote prints kept across change lists by claim id (a claim's id derives from its content, so
   * its quote never changes): the shingling is most of a long list's diff.
   */
  prints?: OriginsCache["prints"];
  /**
   * The outlet each claim's words credit, by claim id, kept across change lists with the same
   * `sources` (the caller empties it when they differ): a claim's quote and outlet never change.
   */
  credited?: OriginsCache["credited"];
  /**
   * Independent origins by the ids of the claims they were worked out from (in report order), kept
   * across change lists with the same `sources`, as `credited`: on the known axis a relationship's
   * vouching claims at any day are one of a few prefixes of its claims, so lists meet them again.
   */
  origins?: Map<string, OriginsSummary>;
  /**
   * When the claims are only those of a window (TimelineRepository.window): the entities that
   * claims left out had named by the first point, with the names they gave (known axis).
   */
  seenBefore?: ReadonlyMap<string, readonly string[]>;
}

const STRENGTH: Record<Certainty, number> = { speculative: 0, reported: 1, confirmed: 2 };

/** Whether a claim counts at a point of the axis. */
export function countsAt(claim: HistoryClaim, axis: DiffAxis, point: string): boolean {
  if (axis === "known") return claim.knownFrom <= point;
  if (axis === "entered") return claim.ingestedAt === null || claim.ingestedAt <= point;
  return (
    claim.stance === "asserts" &&
    (claim.holdsFrom === null || claim.holdsFrom <= point) &&
    (claim.holdsTo === null || claim.holdsTo >= point)
  );
}

interface RelationshipState {
  exists: boolean;
  certainty: Certainty | null;
  /** The asserting claims that vouch for it (see vouchers): its independent origins are theirs. */
  vouching: readonly HistoryClaim[];
  denied: boolean;
  /** Quantity name → the values given. */
  contested: Map<string, number[]>;
  ended: boolean;
}

function vouchers(asserting: readonly HistoryClaim[]): readonly HistoryClaim[] {
  const stated = asserting.filter((claim) => claim.certainty !== "speculative");
  return stated.length > 0 ? stated : asserting;
}

function stateOf(
  counted: readonly HistoryClaim[],
  all: readonly HistoryClaim[],
  axis: DiffAxis,
  day: string,
): RelationshipState {
  const asserting = counted.filter((claim) => claim.stance === "asserts");
  const certainty = asserting.reduce<Certainty | null>(
    (strongest, claim) =>
      strongest === null || STRENGTH[claim.certainty] > STRENGTH[strongest] ? claim.certainty : strongest,
    null,
  );
  const contested = new Map<string, number[]>();
  const names = new Set(asserting.flatMap((claim) => Object.keys(claim.quantities)));
  for (const name of names) {
    const values = [...new Set(asserting.flatMap((claim) => claim.quantities[name] ?? []))];
    if (values.length > 1) contested.set(name, values);
  }
  // Held axis: over when nothing holds on the day and an assertion stopped holding before it.
  // Other axes: over when every assertion counted says when it stops, and all stopped before the day.
  const ended =
    axis === "held"
      ? asserting.length === 0 &&
        all.some((claim) => claim.stance === "asserts" && claim.holdsTo !== null && claim.holdsTo < day)
      : asserting.length > 0 && asserting.every((claim) => claim.holdsTo !== null && claim.holdsTo < day);
  return {
    exists: asserting.length > 0,
    certainty,
    vouching: vouchers(asserting),
    denied: counted.some((claim) => claim.stance === "denies"),
    contested,
    ended,
  };
}

/** A claim as a change lists it. */
export function changeClaimOf(claim: HistoryClaim, sourceNames: ReadonlyMap<string, string>): ChangeClaim {
  return {
    id: claim.id,
    relationshipId: claim.relationshipId,
    stance: claim.stance,
    certainty: claim.certainty,
    reportedAt: claim.reportedAt,
    validFrom: claim.validFrom,
    validTo: claim.validTo,
    outlet: { id: claim.sourceId, name: sourceNames.get(claim.sourceId) ?? claim.sourceId },
    articleId: claim.articleId,
    quote: claim.quote,
    quoteLang: claim.quoteLang,
    quoteEn: claim.quoteEn,
    quantities: claim.quantities,
  };
}

/** First known first (days compare as text: cheaper than localeCompare on 5,000 claims), then by article and place. */
const byReport = (a: HistoryClaim, b: HistoryClaim) =>
  (a.knownFrom < b.knownFrom ? -1 : a.knownFrom > b.knownFrom ? 1 : 0) ||
  (a.articleId === b.articleId ? 0 : (a.articleId ?? "").localeCompare(b.articleId ?? "")) ||
  a.position - b.position;

const KIND_ORDER = new Map<ChangeKind, number>(CHANGE_KINDS.map((kind, index) => [kind, index]));

/**
 * The changes between the window's two points, grouped by relationship (in the order they were
 * first reported) then by kind in CHANGE_KINDS' order; entity changes (new entity, alias merged) after.
 * New entities and merged names are changes of what is known: none on the held axis.
 */
export function diffClaims(claims: readonly HistoryClaim[], window: DiffWindow, context: DiffContext): Change[] {
  const { axis } = window;
  const dayFrom = axis === "entered" ? window.today : window.from;
  const dayTo = axis === "entered" ? window.today : window.to;
  const sourceNames = new Map(context.sources.map((source) => [source.id, source.name]));
  const nameOf = (id: string) => context.names.get(id) ?? id;
  const listed = listedClaims(sourceNames);
  const toClaims = (list: readonly HistoryClaim[]) => [...list].sort(byReport).map(listed);

  const cache: OriginsCache = { prints: context.prints ?? new Map(), credited: context.credited ?? new Map() };
  const kept = context.origins ?? new Map<string, OriginsSummary>();
  const originsOf = (vouching: readonly HistoryClaim[]) => {
    const key = vouching.map((claim) => claim.id).join("\n");
    let summary = kept.get(key);
    if (summary === undefined) {
      summary = independentOrigins(vouching, context.sources, cache);
      kept.set(key, summary);
    }
    return summary;
  };
  const byRelationship = new Map<string, HistoryClaim[]>();
  for (const claim of claims) {
    const list = byRelationship.get(claim.relationshipId);
    if (list) list.push(claim);
    else byRelationship.set(claim.relationshipId, [claim]);
  }

  const groups: { first: HistoryClaim; changes: Change[] }[] = [];
  for (const [relationshipId, unordered] of byRelationship) {
    const all = unordered.sort(byReport);
    const before = all.filter((claim) => countsAt(claim, axis, window.from));
    const after = all.filter((claim) => countsAt(claim, axis, window.to));
    const beforeIds = new Set(before.map((claim) => claim.id));
    const added = after.filter((claim) => !beforeIds.has(claim.id));
    const mayEnd = all.some((claim) => claim.holdsTo !== null && claim.holdsTo >= dayFrom && claim.holdsTo < dayTo);
    if (added.length === 0 && before.length === after.length && !mayEnd) continue;
    const first = all[0] as HistoryClaim;
    const s1 = stateOf(before, all, axis, dayFrom);
    const s2 = stateOf(after, all, axis, dayTo);
    const label = `${nameOf(first.subject)} ${first.type} ${nameOf(first.object)}`;
    const base = {
      relationshipId,
      type: first.type,
      entityIds: [first.subject, first.object],
      origins: [] as string[],
    };
    const changes: Change[] = [];
    const push = (kind: ChangeKind, text: string, was: string | null, is: string | null, list: HistoryClaim[]) =>
      changes.push({ ...base, kind, label: `${label}: ${text}`, before: was, after: is, claims: toClaims(list) });
    const addedAsserting = added.filter((claim) => claim.stance === "asserts");

    if (!s1.exists && s2.exists)
      push(
        "new-relationship",
        axis === "held" ? "began to hold" : "first reported",
        null,
        s2.certainty,
        addedAsserting.length > 0 ? addedAsserting : after,
      );
    if (s1.exists && s2.exists && s1.certainty !== null && s2.certainty !== null && s1.certainty !== s2.certainty) {
      const raised = STRENGTH[s2.certainty] > STRENGTH[s1.certainty];
      const cause = added.filter((claim) => claim.stance === "asserts" && claim.certainty === s2.certainty);
      push(
        raised ? "certainty-raised" : "certainty-lowered",
        `certainty ${raised ? "raised" : "lowered"} from ${s1.certainty} to ${s2.certainty}`,
        s1.certainty,
        s2.certainty,
        cause.length > 0 ? cause : after.filter((claim) => claim.certainty === s2.certainty),
      );
    }
    // The same vouching claims have the same origins: only a relationship whose vouchers changed is
    // worked out (the shingling and attributions are most of a wide window's diff otherwise).
    if (s1.exists && s2.exists && !sameClaims(s1.vouching, s2.vouching)) {
      const origins1 = new Set(originsOf(s1.vouching).byClaim.map((entry) => entry.origin));
      const summary = originsOf(s2.vouching);
      const origins2 = new Set(summary.byClaim.map((entry) => entry.origin));
      const fresh = [...origins2].filter((origin) => !origins1.has(origin));
      // A new origin that adds to their number: one taking a possibility's place ("could") is no corroboration.
      if (fresh.length > 0 && origins2.size > origins1.size) {
        const names = fresh.map((id) => sourceNames.get(id) ?? id);
        const bringing = new Set(
          summary.byClaim.filter((entry) => fresh.includes(entry.origin)).map((entry) => entry.claimId),
        );
        changes.push({
          ...base,
          kind: "newly-corroborated",
          label: `${label}: newly corroborated by ${names.join(", ")} (${origins2.size} independent origin${origins2.size === 1 ? "" : "s"})`,
          before: String(origins1.size),
          after: String(origins2.size),
          origins: names,
          claims: toClaims(after.filter((claim) => bringing.has(claim.id))),
        });
      }
    }
    for (const [quantity, values] of s2.contested) {
      if (s1.contested.has(quantity)) continue;
      const earlier = before.flatMap((claim) =>
        claim.stance === "asserts" && claim.quantities[quantity] !== undefined ? [claim.quantities[quantity]] : [],
      );
      push(
        "newly-contested",
        `${quantity} now given as ${values.join(" and ")}`,
        earlier.length > 0 ? `${quantity} = ${[...new Set(earlier)].join(", ")}` : null,
        `${quantity} = ${values.join(", ")}`,
        after.filter((claim) => claim.stance === "asserts" && claim.quantities[quantity] !== undefined),
      );
    }
    if (!s1.denied && s2.denied)
      push(
        "denied",
        "denied",
        null,
        "denied",
        added.filter((claim) => claim.stance === "denies"),
      );
    if (!s1.ended && s2.ended) {
      const ends = all.filter((claim) => claim.stance === "asserts" && claim.holdsTo !== null && claim.holdsTo < dayTo);
      const last = ends.map((claim) => claim.validTo as string).sort();
      push(
        "validity-ended",
        `no longer holds (until ${last[last.length - 1]})`,
        null,
        last[last.length - 1] ?? null,
        ends,
      );
    }
    if (changes.length > 0) {
      changes.sort((a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0));
      groups.push({ first, changes });
    }
  }
  groups.sort((a, b) => byReport(a.first, b.first) || a.first.relationshipId.localeCompare(b.first.relationshipId));
  const result = groups.flatMap((group) => group.changes);
  if (axis === "held") return result;
  return [...result, ...entityChanges(claims, window, context, listed)];
}

/** Whether two lists hold the same claims in the same order (both filtered from one list). */
function sameClaims(a: readonly HistoryClaim[], b: readonly HistoryClaim[]): boolean {
  return a.length === b.length && a.every((claim, index) => claim === b[index]);
}

/** changeClaimOf, made once per claim for one change list (a claim may be listed by several changes). */
function listedClaims(sourceNames: ReadonlyMap<string, string>): (claim: HistoryClaim) => ChangeClaim {
  const made = new Map<string, ChangeClaim>();
  return (claim) => {
    let listed = made.get(claim.id);
    if (listed === undefined) {
      listed = changeClaimOf(claim, sourceNames);
      made.set(claim.id, listed);
    }
    return listed;
  };
}

/** Entities first seen between the points, and entities given a new name that was merged into them. */
function entityChanges(
  claims: readonly HistoryClaim[],
  window: DiffWindow,
  context: DiffContext,
  listed: (claim: HistoryClaim) => ChangeClaim,
): Change[] {
  const folded = new Map<string, string>();
  const fold = (name: string) => {
    let key = folded.get(name);
    if (key === undefined) {
      key = foldName(name);
      folded.set(name, key);
    }
    return key;
  };
  const seenBefore = new Set<string>();
  const namesBefore = new Map<string, Set<string>>();
  const addedOf = new Map<string, HistoryClaim[]>();
  const nameOf = (id: string) => context.names.get(id) ?? id;
  const given = (claim: HistoryClaim): [string, string | null][] => [
    [claim.subject, claim.subjectAs],
    [claim.object, claim.objectAs],
  ];
  for (const claim of claims) {
    const before = countsAt(claim, window.axis, window.from);
    const after = countsAt(claim, window.axis, window.to);
    for (const [id, as] of given(claim)) {
      if (before) {
        seenBefore.add(id);
        const names = namesBefore.get(id) ?? new Set<string>();
        if (as !== null) names.add(fold(as));
        namesBefore.set(id, names);
      } else if (after) {
        const list = addedOf.get(id);
        if (list) list.push(claim);
        else addedOf.set(id, [claim]);
      }
    }
  }
  for (const [id, names] of context.seenBefore ?? []) {
    seenBefore.add(id);
    const known = namesBefore.get(id) ?? new Set<string>();
    for (const name of names) known.add(fold(name));
    namesBefore.set(id, known);
  }
  const changes: Change[] = [];
  // Each entity's added claims in report order, once; entities by their first one's day, then id.
  for (const list of addedOf.values()) list.sort(byReport);
  const firstKnown = (list: readonly HistoryClaim[]) => list[0]?.knownFrom ?? "";
  const ordered = [...addedOf].sort(
    ([a, listA], [b, listB]) => firstKnown(listA).localeCompare(firstKnown(listB)) || a.localeCompare(b),
  );
  for (const [id, added] of ordered) {
    const list = added.map(listed);
    const base = { relationshipId: null, type: null, entityIds: [id], origins: [] as string[] };
    if (!seenBefore.has(id)) {
      changes.push({
        ...base,
        kind: "new-entity",
        label: `${nameOf(id)}: first seen`,
        before: null,
        after: nameOf(id),
        claims: list,
      });
      continue;
    }
    const known = new Set([fold(id), fold(nameOf(id)), ...(namesBefore.get(id) ?? [])]);
    const fresh = new Map<string, HistoryClaim[]>();
    for (const claim of added) {
      for (const [entity, as] of given(claim)) {
        if (entity !== id || as === null || known.has(fold(as))) continue;
        fresh.set(as, [...(fresh.get(as) ?? []), claim]);
      }
    }
    for (const [as, merged] of fresh)
      changes.push({
        ...base,
        kind: "alias-merged",
        label: `${nameOf(id)}: “${as}” merged into it`,
        before: nameOf(id),
        after: as,
        claims: [...merged].sort(byReport).map(listed),
      });
  }
  return changes;
}
