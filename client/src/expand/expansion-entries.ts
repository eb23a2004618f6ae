import type { ExpansionOption, Expansions } from "../../../contract/graph-contract";

/** One "expand by" line of the node menu: a relationship type in one direction, with its count. */
export interface ExpansionEntry {
  type: string;
  direction: ExpansionOption["direction"];
  count: number;
  /** "SOURCES_FROM → 1" for outgoing, "← DEVELOPS 3" for incoming. */
  text: string;
}

/**
 * The menu's expansion lines: outgoing before incoming, then by count (largest first) and type,
 * so the same node always lists the same way. Options that reach nobody are left out.
 */
export function expansionEntries(expansions: Expansions): ExpansionEntry[] {
  return expansions.options
    .filter((option) => option.count > 0)
    .toSorted(
      (a, b) =>
        directionRank(a.direction) - directionRank(b.direction) || b.count - a.count || a.type.localeCompare(b.type),
    )
    .map((option) => ({ ...option, text: entryText(option) }));
}

export function entryText({ type, direction, count }: ExpansionOption): string {
  const n = count.toLocaleString("en-US");
  return direction === "out" ? `${type} → ${n}` : `← ${type} ${n}`;
}

function directionRank(direction: ExpansionOption["direction"]): number {
  return direction === "out" ? 0 : 1;
}
