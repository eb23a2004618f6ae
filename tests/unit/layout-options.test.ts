import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import {
  forceOptions,
  isLayoutName,
  LAYOUT_NAMES,
  layoutOptions,
  withPinned,
} from "../../client/src/canvas/layouts/layout-catalog";
import { computeLayout, pinnedPositions } from "../../client/src/canvas/layouts/run-layout";

const pinned = new Map([["huawei", { x: 500, y: -300 }]]);

function headless(count: number) {
  const nodes = Array.from({ length: count }, (_, index) => ({
    group: "nodes" as const,
    data: { id: index === 0 ? "huawei" : `n${index}`, label: "Company", display: `Node ${index}` },
    position: { x: index * 7, y: index * 3 },
  }));
  const edges = nodes.slice(1).map((node, index) => ({
    group: "edges" as const,
    data: { id: `e${index}`, source: "huawei", target: node.data.id },
  }));
  return cytoscape({ headless: true, styleEnabled: true, elements: [...nodes, ...edges] });
}

describe("layout options", () => {
  it("knows the five layouts of the picker, and nothing else", () => {
    expect(LAYOUT_NAMES).toEqual(["fcose", "dagre", "concentric", "circle", "grid"]);
    expect(isLayoutName("grid")).toBe(true);
    expect(isLayoutName("cola")).toBe(false);
  });

  it("never fits by itself (the canvas fits around its overlays) nor animates a pass", () => {
    for (const name of LAYOUT_NAMES) {
      const options = layoutOptions(name, 24, new Map()) as { name: string; fit?: boolean; animate?: boolean };
      expect(options).toMatchObject({ name, fit: false, animate: false });
    }
  });

  it("turns pinned nodes into fcose's fixed-node constraints", () => {
    expect(forceOptions(24, pinned).fixedNodeConstraint).toEqual([{ nodeId: "huawei", position: { x: 500, y: -300 } }]);
    expect(forceOptions(24, new Map()).fixedNodeConstraint).toBeUndefined();
  });

  it("drafts large force-directed layouts with fewer iterations", () => {
    expect(forceOptions(24, new Map()).quality).toBe("proof");
    expect(forceOptions(2000, new Map())).toMatchObject({ quality: "default", numIter: 1000 });
  });

  it("puts pinned nodes back over whatever a layout computed", () => {
    const computed = new Map([
      ["huawei", { x: 0, y: 0 }],
      ["bytedance", { x: 10, y: 10 }],
    ]);
    expect(withPinned(computed, pinned)).toEqual(
      new Map([
        ["huawei", { x: 500, y: -300 }],
        ["bytedance", { x: 10, y: 10 }],
      ]),
    );
  });
});

describe("computing a layout", () => {
  it.each(LAYOUT_NAMES)(
    "%s keeps a pinned node where it is and leaves the canvas untouched until applied",
    async (name) => {
      const cy = headless(12);
      cy.getElementById("huawei").addClass("pinned").position({ x: 500, y: -300 });
      const before = cy.nodes().map((node) => ({ ...node.position() }));
      const { positions, stoppedEarly } = await computeLayout(cy, name, pinnedPositions(cy));
      expect(positions.get("huawei")).toEqual({ x: 500, y: -300 });
      expect(positions.size).toBe(12);
      expect(stoppedEarly).toBe(false);
      expect(cy.nodes().map((node) => ({ ...node.position() }))).toEqual(before);
      const moved = [...positions].filter(([id, point]) => {
        const old =
          before[
            cy
              .nodes()
              .map((node) => node.id())
              .indexOf(id)
          ];
        return old && (old.x !== point.x || old.y !== point.y);
      });
      expect(moved.length).toBeGreaterThan(5);
    },
  );

  it("stops refining a large force-directed layout once the time budget is spent, and says so", async () => {
    const cy = headless(320);
    const { positions, stoppedEarly } = await computeLayout(cy, "fcose", new Map(), 0);
    expect(stoppedEarly).toBe(true);
    expect(positions.size).toBe(320);
  });
});
