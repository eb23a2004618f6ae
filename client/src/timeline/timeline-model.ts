import type { Certainty } from "../../../contract/graph-contract";
import { firstDay, lastDay } from "../../../contract/partial-dates";
import {
  CHANGE_KINDS,
  type Change,
  type ChangeKind,
  type Timeline,
  type TimelineArticle,
  type TimelineTick,
} from "../../../contract/timeline-endpoints";
import type { AsOfMode } from "../claims/as-of";
import { dayFromNumber, dayNumber } from "../claims/as-of";

/** An article placed on the strip: its publication day. */
export interface ArticleMark {
  readonly article: TimelineArticle;
  readonly day: string;
}

/** Claims of one day, counted by certainty (the strip stacks them). */
export interface TickStack {
  readonly day: string;
  readonly counts: Readonly<Record<Certainty, number>>;
  /** Claims that deny their relationship (drawn with their own mark). */
  readonly denials: number;
}

/** Stacked bottom up: the surest at the base. */
export const STACK_ORDER: readonly Certainty[] = ["confirmed", "reported", "speculative"];

/** What the strip draws: the days it spans, the articles in order, the claims per day. */
export interface StripModel {
  readonly first: string;
  readonly last: string;
  readonly articles: readonly ArticleMark[];
  readonly stacks: readonly TickStack[];
  /** Why there is nothing to play (no dated claim), else null. */
  readonly empty: string | null;
}

const NO_DATES =
  "Nothing to play: no claim or article in this graph has a date. Claims ingested with a reportedAt date, or articles with a publication date, appear here.";

/** The strip of a timeline answer: dated articles in order, claims stacked per day by certainty. */
export function stripModel(timeline: Timeline): StripModel {
  const articles = timeline.articles
    .filter((article) => article.publishedAt !== null)
    .map((article) => ({ article, day: firstDay(article.publishedAt as string) }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.article.title.localeCompare(b.article.title));
  const byDay = new Map<string, { counts: Record<Certainty, number>; denials: number }>();
  for (const tick of timeline.ticks) {
    const day = firstDay(tick.reportedAt);
    const stack = byDay.get(day) ?? { counts: { confirmed: 0, reported: 0, speculative: 0 }, denials: 0 };
    if (tick.stance === "denies") stack.denials += 1;
    else stack.counts[tick.certainty] += 1;
    byDay.set(day, stack);
  }
  const stacks = [...byDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, stack]) => ({ day, counts: stack.counts, denials: stack.denials }));
  const days = [...articles.map((mark) => mark.day), ...stacks.map((stack) => stack.day)].sort();
  const first = timeline.range?.from ?? days[0];
  const last = timeline.range?.to ?? days.at(-1);
  if (!first || !last || (articles.length === 0 && stacks.length === 0))
    return { first: "", last: "", articles: [], stacks: [], empty: timeline.empty ?? NO_DATES };
  return { first, last, articles, stacks, empty: null };
}

/** Where a day sits on the strip, 0 (its first day) to 1 (its last); a margin keeps the ends off the edges. */
export function dayPosition(model: Pick<StripModel, "first" | "last">, day: string): number {
  const start = dayNumber(model.first);
  const span = Math.max(1, dayNumber(model.last) - start);
  return Math.min(1, Math.max(0, (dayNumber(day) - start) / span));
}

/** The day at a position on the strip (0 to 1). */
export function dayAt(model: Pick<StripModel, "first" | "last">, position: number): string {
  const start = dayNumber(model.first);
  const span = Math.max(1, dayNumber(model.last) - start);
  return dayFromNumber(start + Math.round(Math.min(1, Math.max(0, position)) * span));
}

/**
 * The article the step keys go to from a day: the next one published after it (`+1`) or the
 * previous one published before it (`-1`); null past the ends. Several articles on one day are
 * one step (the canvas is per day).
 */
export function stepDay(model: Pick<StripModel, "articles">, day: string | null, direction: 1 | -1): string | null {
  const days = [...new Set(model.articles.map((mark) => mark.day))];
  if (day === null) return direction === 1 ? (days[0] ?? null) : (days.at(-1) ?? null);
  if (direction === 1) return days.find((candidate) => candidate > day) ?? null;
  return days.findLast((candidate) => candidate < day) ?? null;
}

/** The articles published on a day. */
export function articlesOn(model: Pick<StripModel, "articles">, day: string): ArticleMark[] {
  return model.articles.filter((mark) => mark.day === day);
}

/** What the canvas marks on a relationship for a brushed range. */
export interface RelationshipMarks {
  /** First reported (known axis) or first holding (held axis) within the range: new since its start. */
  readonly fresh: ReadonlySet<string>;
  /** Its latest claim by the range's end denies it. */
  readonly denied: ReadonlySet<string>;
  /** Held axis: no longer holding on the range's end, its validity over; by id, the day it ended. */
  readonly ended: ReadonlyMap<string, string>;
}

/**
 * Relationships (by claims id) that held and no longer hold on `day`: none of their assertions is
 * valid that day, and one stopped being valid before it (as GET /api/graph?holdsAt reads validity:
 * from the first day of `validFrom` to the last day of `validTo`). By id, the last `validTo` given.
 * One not yet begun is not among them: it has not ended, it has not started.
 */
export function endedOn(ticks: readonly TimelineTick[], day: string): Map<string, string> {
  const holding = new Set<string>();
  const ends = new Map<string, string>();
  for (const tick of ticks) {
    if (tick.stance !== "asserts") continue;
    const begun = tick.validFrom === null || firstDay(tick.validFrom) <= day;
    const over = tick.validTo !== null && lastDay(tick.validTo) < day;
    if (begun && !over) holding.add(tick.relationshipId);
    if (over && tick.validTo !== null) {
      const last = ends.get(tick.relationshipId);
      // The latest end; of two on the same day, the more precise ("2022-06-30" over "2022-06").
      const later =
        last === undefined ||
        lastDay(tick.validTo) > lastDay(last) ||
        (lastDay(tick.validTo) === lastDay(last) && tick.validTo.length > last.length);
      if (later) ends.set(tick.relationshipId, tick.validTo);
    }
  }
  for (const id of holding) ends.delete(id);
  return ends;
}

/** The day a claim counts from on an axis: reported (known), or its validity's start, else reported (held). */
function axisDay(tick: TimelineTick, axis: AsOfMode): string {
  return firstDay(axis === "held" && tick.validFrom ? tick.validFrom : tick.reportedAt);
}

/**
 * Relationships (by their claims id, an edge's `props.id`) new in the range `from`..`to`, those
 * denied by `to`, and on the held axis those whose validity ended by `to`. Without a start nothing
 * is new: the range is then only a day.
 */
export function relationshipMarks(
  ticks: readonly TimelineTick[],
  range: { from: string | null; to: string },
  axis: AsOfMode,
): RelationshipMarks {
  const firstSeen = new Map<string, string>();
  const latest = new Map<string, TimelineTick>();
  for (const tick of ticks) {
    const day = axisDay(tick, axis);
    if (day > range.to) continue;
    const seen = firstSeen.get(tick.relationshipId);
    if (seen === undefined || day < seen) firstSeen.set(tick.relationshipId, day);
    const reported = firstDay(tick.reportedAt);
    const before = latest.get(tick.relationshipId);
    if (reported <= range.to && (!before || firstDay(before.reportedAt) <= reported))
      latest.set(tick.relationshipId, tick);
  }
  const fresh = new Set<string>();
  if (range.from !== null) {
    for (const [id, day] of firstSeen) if (day >= range.from) fresh.add(id);
  }
  const denied = new Set<string>();
  for (const [id, tick] of latest) if (tick.stance === "denies") denied.add(id);
  return { fresh, denied, ended: axis === "held" ? endedOn(ticks, range.to) : new Map() };
}

/** A brushed range in order (the start not after the end); the day stays when both are one. */
export function orderedRange(a: string, b: string): { from: string; to: string } {
  return a <= b ? { from: a, to: b } : { from: b, to: a };
}

/** The change list's headings, in the contract's order. */
export const CHANGE_HEADINGS: Readonly<Record<ChangeKind, string>> = {
  "new-relationship": "New relationships",
  "certainty-raised": "Certainty raised",
  "certainty-lowered": "Certainty lowered",
  "newly-corroborated": "Newly corroborated",
  "newly-contested": "Newly contested",
  denied: "Denied",
  "validity-ended": "Validity ended",
  "new-entity": "New entities",
  "alias-merged": "Aliases merged",
};

/** Changes grouped by kind, in CHANGE_KINDS' order, empty groups left out. */
export function groupChanges<C extends Pick<Change, "kind">>(
  changes: readonly C[],
): Array<{ kind: ChangeKind; changes: C[] }> {
  return CHANGE_KINDS.map((kind) => ({ kind, changes: changes.filter((change) => change.kind === kind) })).filter(
    (group) => group.changes.length > 0,
  );
}
