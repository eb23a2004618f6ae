import { describe, expect, it } from "vitest";
import { nextSortOrder, sortRows } from "../../client/src/workbench/results/sort-rows";
import type { CellValue } from "../../contract/graph-contract";

const node = (caption: string): CellValue => ({ $node: { id: caption.toLowerCase(), labels: ["Chip"], caption } });

describe("sortRows", () => {
  it("sorts numbers by value, both ways", () => {
    const rows: CellValue[][] = [[10], [2], [33]];
    expect(sortRows(rows, { column: 0, direction: "asc" })).toEqual([[2], [10], [33]]);
    expect(sortRows(rows, { column: 0, direction: "desc" })).toEqual([[33], [10], [2]]);
  });

  it("sorts text naturally and nodes by caption", () => {
    const rows: CellValue[][] = [["Chip 10"], ["chip 2"], ["Ascend"]];
    expect(sortRows(rows, { column: 0, direction: "asc" }).map((row) => row[0])).toEqual([
      "Ascend",
      "chip 2",
      "Chip 10",
    ]);
    const nodes = [[node("NVIDIA H20")], [node("Ascend 910B")], [node("A100")]];
    const sorted = sortRows(nodes, { column: 0, direction: "asc" });
    expect(sorted.map((row) => (row[0] as { $node: { caption: string } }).$node.caption)).toEqual([
      "A100",
      "Ascend 910B",
      "NVIDIA H20",
    ]);
  });

  it("keeps nulls and missing cells last in either direction", () => {
    const rows: CellValue[][] = [[null], [1], [], [3]];
    expect(sortRows(rows, { column: 0, direction: "asc" })).toEqual([[1], [3], [null], []]);
    expect(sortRows(rows, { column: 0, direction: "desc" })).toEqual([[3], [1], [null], []]);
  });

  it("is stable and leaves the input alone", () => {
    const rows: CellValue[][] = [
      ["b", 1],
      ["a", 2],
      ["b", 3],
    ];
    const copy = structuredClone(rows);
    expect(sortRows(rows, { column: 0, direction: "asc" })).toEqual([
      ["a", 2],
      ["b", 1],
      ["b", 3],
    ]);
    expect(rows).toEqual(copy);
  });

  it("orders by type first when a column mixes them: numbers, booleans, text, then the rest", () => {
    const rows: CellValue[][] = [["x"], [[1]], [true], [5]];
    expect(sortRows(rows, { column: 0, direction: "asc" })).toEqual([[5], [true], ["x"], [[1]]]);
  });
});

describe("nextSortOrder", () => {
  it("sorts ascending on the first click, descending on the second, ascending on another column", () => {
    const first = nextSortOrder(null, 2);
    expect(first).toEqual({ column: 2, direction: "asc" });
    const second = nextSortOrder(first, 2);
    expect(second).toEqual({ column: 2, direction: "desc" });
    expect(nextSortOrder(second, 2)).toEqual({ column: 2, direction: "asc" });
    expect(nextSortOrder(second, 0)).toEqual({ column: 0, direction: "asc" });
  });
});
