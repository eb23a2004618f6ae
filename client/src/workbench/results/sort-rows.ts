import type { CellValue } from "../../../../contract/graph-contract";
import { cellText, formatCell } from "./format-cell";

export type SortDirection = "asc" | "desc";

export interface SortOrder {
  column: number;
  direction: SortDirection;
}

/** The next order after a click on a column header: ascending first, then descending, then back. */
export function nextSortOrder(current: SortOrder | null, column: number): SortOrder {
  if (current?.column === column && current.direction === "asc") return { column, direction: "desc" };
  return { column, direction: "asc" };
}

/**
 * The rows sorted by one column, stably: numbers by value, text naturally ("Chip 2" before
 * "Chip 10"), nodes by caption, nulls (and missing cells) last whichever the direction. Pure.
 */
export function sortRows<Row extends readonly CellValue[]>(rows: readonly Row[], order: SortOrder): Row[] {
  const sign = order.direction === "asc" ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, key: sortKey(row[order.column]) }));
  keyed.sort((a, b) => {
    if (a.key.rank === NULL_RANK || b.key.rank === NULL_RANK) {
      return a.key.rank - b.key.rank || a.index - b.index;
    }
    return sign * compareKeys(a.key, b.key) || a.index - b.index;
  });
  return keyed.map((item) => item.row);
}

interface SortKey {
  rank: number;
  number: number;
  text: string;
}

const NULL_RANK = 9;
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

function sortKey(value: CellValue | undefined): SortKey {
  if (value === undefined || value === null) return { rank: NULL_RANK, number: 0, text: "" };
  if (typeof value === "number") return { rank: 0, number: value, text: "" };
  if (typeof value === "boolean") return { rank: 1, number: value ? 1 : 0, text: "" };
  if (typeof value === "string") return { rank: 2, number: 0, text: value };
  return { rank: 3, number: 0, text: cellText(formatCell(value)) };
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank <= 1) return a.number - b.number;
  return collator.compare(a.text, b.text);
}
