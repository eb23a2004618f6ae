import type { ExpansionOption, Expansions } from "../../../contract/graph-contract";

/** One "expand by" line of the node menu: a relationship type in one direction, with its count. */
export interface ExpansionEntry {
  type: string;
  direction: ExpansionOption["direction"];
  count: number;
  /** "SOURCES_FROM → 1" for outgoing, "← DEVELOPS 3" for incoming. */
  text: string;
}

/** How many of an option's neighbours are drawn already (by type and direction); none when not given. */
export type DrawnNeighbours = (type: string, direction: ExpansionOption["direction"]) => number;

/**
 * The menu's expansion lines: outgoing before incoming, then by count (largest first) and type,
 * so the same node always lists the same way. Options that reach nobody are left out.
 */
export function expansionEntries(expansions: Expansions, drawn: DrawnNeighbours = () => 0): ExpansionEntry[] {
  return expansions.options
    .filter((option) => option.count > 0)
    .toSorted(
      (a, b) =>
        directionRank(a.direction) - directionRank(b.direction) || b.count - a.count || a.type.localeCompare(b.type),
    )
    .map((option) => ({ ...option, text: entryText(option, drawn(option.type, option.direction)) }));
}

/** "SOURCES_FROM → 3", or with some of them drawn already "SOURCES_FROM → 3 (1 new)". */
export function entryText({ type, direction, count }: ExpansionOption, drawn = 0): string {
  const n = `${count.toLocaleString("en-US")}${newNote(count, drawn)}`;
  return direction === "out" ? `${type} → ${n}` : `← ${type} ${n}`;
}

/** " (1 new)" when some of `count` neighbours are on the canvas, " (all shown)" when every one is, else nothing. */
export function newNote(count: number, drawn: number): string {
  if (drawn <= 0) return "";
  const fresh = Math.max(0, count - drawn);
  return fresh === 0 ? " (all shown)" : ` (${fresh.toLocaleString("en-US")} new)`;
}

function directionRank(direction: ExpansionOption["direction"]): number {
  return direction === "out" ? 0 : 1;
}
