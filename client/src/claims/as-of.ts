import type { AsOfQuery } from "../../../contract/graph-contract";

/** "What was known on D" (claims reported by then) or "what held on D" (claims valid that day). */
export type AsOfMode = "known" | "held";

export interface AsOfChoice {
  mode: AsOfMode;
  /** YYYY-MM-DD. */
  day: string;
}

/** Today: no as-of date. */
export const NOW: AsOfQuery = {};

export function toAsOfQuery(choice: AsOfChoice | null): AsOfQuery {
  if (!choice) return NOW;
  return choice.mode === "known" ? { knownAt: choice.day } : { holdsAt: choice.day };
}

/** The choice a query (from a link or a saved view) makes; "known on" when it names both dates. */
export function asOfChoice(query: AsOfQuery): AsOfChoice | null {
  if (query.knownAt) return { mode: "known", day: query.knownAt };
  if (query.holdsAt) return { mode: "held", day: query.holdsAt };
  return null;
}

export function isNow(query: AsOfQuery): boolean {
  return !query.knownAt && !query.holdsAt;
}

export function sameAsOf(a: AsOfQuery, b: AsOfQuery): boolean {
  return (a.knownAt ?? null) === (b.knownAt ?? null) && (a.holdsAt ?? null) === (b.holdsAt ?? null);
}

/** "Known on 2024-05-01", "Held on 2024-05-01 and known on 2024-06-01", "Today". */
export function describeAsOf(query: AsOfQuery): string {
  const parts = [
    query.knownAt ? `known on ${query.knownAt}` : null,
    query.holdsAt ? `held on ${query.holdsAt}` : null,
  ].filter((part) => part !== null);
  const text = parts.join(" and ");
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : "Today";
}

/** The as-of dates of a view state, without the keys it leaves out. */
export function asOfOfView(state: AsOfQuery): AsOfQuery {
  return {
    ...(state.knownAt ? { knownAt: state.knownAt } : {}),
    ...(state.holdsAt ? { holdsAt: state.holdsAt } : {}),
  };
}

const DAY_MS = 86_400_000;

/** A calendar day as whole days since 1970-01-01 (UTC): the time slider's scale. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

export function dayFromNumber(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}
