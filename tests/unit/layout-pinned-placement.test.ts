import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { placeAroundPinned } from "../../client/src/canvas/layouts/pinned-placement";
import { computeLayout, pinnedPositions } from "../../client/src/canvas/layouts/run-layout";

/** A fictional star: a hub and its eleven neighbours, 30 × 30 px nodes, hub pinned far from the rest. */
function star(pinnedId: string, at: { x: number; y: number }) {
  const ids = ["hub", ...Array.from({ length: 11 }, (_, index) => `n${index}`)];
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: "node", style: { width: 30, height: 30 } }],
    elements: [
      ...ids.map((id, index) => ({
        group: "nodes" as const,
        data: { id, label: "Company", display: id },
        position: { x: index * 5, y: 0 },
      })),
      ...ids.slice(1).map((id) => ({ group: "edges" as const, data: { id: `e-${id}`, source: "hub", target: id } })),
    ],
  });
  cy.getElementById(pinnedId).addClass("pinned").position(at);
  return cy;
}

const overlapping = (positions: ReadonlyMap<string, { x: number; y: number }>, size = 30) => {
  const list = [...positions];
  const pairs: string[] = [];
  for (const [index, [a, p]] of list.entries()) {
    for (const [b, q] of list.slice(index + 1)) {
      if (Math.abs(p.x - q.x) < size && Math.abs(p.y - q.y) < size) pairs.push(`${a}/${b}`);
    }
  }
  return pairs;
};

describe("layouts with a pinned node", () => {
  it.each([
    { x: 0, y: 0 },
    { x: 137, y: 93 },
    { x: 2000, y: -1500 },
  ])("grid never puts a node on top of the pinned one (pinned at %o)", async (at) => {
    for (const pinnedId of ["hub", "n4", "n10"]) {
      const cy = star(pinnedId, at);
      const { positions } = await computeLayout(cy, "grid", pinnedPositions(cy));
      expect(positions.get(pinnedId)).toEqual(at);
      expect(overlapping(positions)).toEqual([]);
    }
  });

  it("hierarchical keeps the pinned node with its neighbours, not stranded apart from them", async () => {
    const at = { x: 3000, y: 2000 };
    const cy = star("hub", at);
    const { positions } = await computeLayout(cy, "dagre", pinnedPositions(cy));
    expect(positions.get("hub")).toEqual(at);
    // Every neighbour is within the layout's reach of the hub (rank gap 170 px plus its column).
    for (const [id, point] of positions) {
      if (id === "hub") continue;
      expect(Math.hypot(point.x - at.x, point.y - at.y)).toBeLessThan(600);
    }
    expect(overlapping(positions)).toEqual([]);
  });

  it("with several pinned nodes, moves the layout by their mean offset and frees the place of each", () => {
    const laidOut = new Map([
      ["a", { x: 0, y: 0 }],
      ["b", { x: 100, y: 0 }],
      ["c", { x: 200, y: 0 }],
      ["d", { x: 300, y: 0 }],
    ]);
    const pinned = new Map([
      ["a", { x: 210, y: 0 }],
      ["d", { x: 290, y: 0 }],
    ]);
    const placed = placeAroundPinned(laidOut, pinned, () => ({ width: 40, height: 40 }));
    expect(placed.get("a")).toEqual({ x: 210, y: 0 });
    expect(placed.get("d")).toEqual({ x: 290, y: 0 });
    expect(overlapping(placed, 40)).toEqual([]);
  });
});
