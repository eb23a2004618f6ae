import { describe, expect, it } from "vitest";
import type { Placement } from "../../client/src/canvas/create-canvas";
import { drawResultGraph } from "../../client/src/explorer/draw-result-graph";
import type { Graph } from "../../contract/graph-contract";

const graph: Graph = {
  nodes: [{ data: { id: "a100", elementId: "4:x:1", labels: ["Chip"], label: "Chip", caption: "A100", props: {} } }],
  edges: [],
  truncated: false,
};

function fakeCanvas(nodesOnCanvas: number, added = { nodes: 1, edges: 0 }) {
  const calls: string[] = [];
  return {
    calls,
    canvas: {
      addGraph: (_graph: unknown, placement: Placement) => {
        calls.push(`add:${placement.kind}`);
        return added;
      },
      clear: () => {
        calls.push("clear");
      },
      counts: () => ({ nodes: nodesOnCanvas, edges: 0, byLabel: new Map<string, number>() }),
      runLayout: async () => {
        calls.push("layout");
      },
    },
  };
}

describe("drawResultGraph", () => {
  it("replaces: clears the canvas, adds the result and lays it out", async () => {
    const { canvas, calls } = fakeCanvas(24);
    await expect(drawResultGraph(canvas, graph, "replace")).resolves.toMatch(/result only/);
    expect(calls).toEqual(["clear", "add:layout", "layout"]);
  });

  it("merges: places what is new at the centre without moving what is drawn", async () => {
    const { canvas, calls } = fakeCanvas(24);
    await expect(drawResultGraph(canvas, graph, "merge")).resolves.toBe(
      "1 new node, 0 new relationships on the canvas",
    );
    expect(calls).toEqual(["add:centre"]);
    const known = fakeCanvas(24, { nodes: 0, edges: 0 });
    await expect(drawResultGraph(known.canvas, graph, "merge")).resolves.toMatch(/already on the canvas/);
  });

  it("lays out a merge onto an empty canvas, and leaves the canvas alone for a result without graph", async () => {
    const empty = fakeCanvas(0);
    await drawResultGraph(empty.canvas, graph, "merge");
    expect(empty.calls).toEqual(["clear", "add:layout", "layout"]);
    const { canvas, calls } = fakeCanvas(24);
    await expect(drawResultGraph(canvas, { nodes: [], edges: [], truncated: false }, "replace")).resolves.toBe(
      "nothing to draw",
    );
    expect(calls).toEqual([]);
  });
});
