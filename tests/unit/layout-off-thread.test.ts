import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { LAYOUT_NAMES } from "../../client/src/canvas/layouts/layout-catalog";
import { headlessFromSnapshot, layoutSnapshot } from "../../client/src/canvas/layouts/layout-snapshot";
import { computeLayout } from "../../client/src/canvas/layouts/run-layout";

/** A small graph with nodes of two sizes, as the canvas would hold it. */
function canvasLike() {
  const nodes = Array.from({ length: 24 }, (_, index) => ({
    group: "nodes" as const,
    data: {
      id: `n${index}`,
      label: index % 2 ? "Company" : "Chip",
      display: `Node ${index}`,
      size: index % 2 ? 60 : 30,
    },
    position: { x: index * 3, y: index * 2 },
  }));
  const edges = nodes.slice(1).map((node, index) => ({
    group: "edges" as const,
    data: { id: `e${index}`, source: `n${Math.floor(index / 3)}`, target: node.data.id },
  }));
  return cytoscape({
    headless: true,
    styleEnabled: true,
    layout: { name: "preset" },
    style: [{ selector: "node", style: { width: "data(size)", height: "data(size)" } }],
    elements: [...nodes, ...edges],
  });
}

describe("layouts off the page's thread", () => {
  it("snapshots each node's measured box, position and sort keys, and every edge", () => {
    const snapshot = layoutSnapshot(canvasLike());
    expect(snapshot.nodes).toHaveLength(24);
    expect(snapshot.edges).toHaveLength(23);
    const big = snapshot.nodes.find((node) => node.id === "n1");
    expect(big).toMatchObject({ label: "Company", display: "Node 1", position: { x: 3, y: 2 } });
    expect(big?.width).toBeGreaterThanOrEqual(60);
    expect(snapshot.nodes.find((node) => node.id === "n0")?.width).toBeLessThan(big?.width ?? 0);
    // Plain data: what postMessage can carry into a worker.
    expect(structuredClone(snapshot)).toEqual(snapshot);
  });

  it("rebuilds the graph headless with the same sizes and ends", () => {
    const original = canvasLike();
    const copy = headlessFromSnapshot(layoutSnapshot(original));
    expect(copy.nodes().map((node) => node.id())).toEqual(original.nodes().map((node) => node.id()));
    expect(copy.getElementById("e5").source().id()).toBe(original.getElementById("e5").source().id());
    expect(copy.getElementById("n1").position()).toEqual({ x: 3, y: 2 });
    // Cytoscape pads a bounding box by a pixel each side, so the copy's box is 2 px larger.
    const measured = (cy: cytoscape.Core) =>
      cy.getElementById("n1").layoutDimensions({ nodeDimensionsIncludeLabels: true }).w;
    expect(measured(copy) - measured(original)).toBeLessThanOrEqual(2);
    expect(measured(copy)).toBeGreaterThanOrEqual(measured(original));
  });

  for (const name of LAYOUT_NAMES) {
    it(`runs ${name} on the rebuilt graph: every node placed, the pinned one kept`, async () => {
      const copy = headlessFromSnapshot(layoutSnapshot(canvasLike()));
      const pinned = new Map([["n5", { x: 999, y: -999 }]]);
      const { positions } = await computeLayout(copy, name, pinned, 2_000);
      expect(positions.size).toBe(24);
      for (const point of positions.values()) {
        expect(Number.isFinite(point.x) && Number.isFinite(point.y)).toBe(true);
      }
      expect(positions.get("n5")).toEqual({ x: 999, y: -999 });
      const distinct = new Set([...positions.values()].map((point) => `${Math.round(point.x)},${Math.round(point.y)}`));
      expect(distinct.size).toBe(24);
    });
  }
});
