import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { entryText, expansionEntries } from "../../client/src/expand/expansion-entries";
import { drawnNeighbours, expansionItems } from "../../client/src/menu/node-menu";
import type { Expansions } from "../../contract/graph-contract";

const bytedance: Expansions = {
  nodeId: "bytedance",
  neighbourCount: 9,
  options: [
    { type: "DEVELOPS", direction: "out", count: 3 },
    { type: "SOURCES_FROM", direction: "out", count: 1 },
    { type: "REPORTS_ON", direction: "in", count: 2 },
    { type: "OWNS", direction: "out", count: 1 },
    { type: "EMPTY", direction: "in", count: 0 },
  ],
};

describe("the node menu's expansion entries", () => {
  it("writes outgoing types with an arrow after them and incoming ones with an arrow before", () => {
    expect(entryText({ type: "SOURCES_FROM", direction: "out", count: 1 })).toBe("SOURCES_FROM → 1");
    expect(entryText({ type: "DEVELOPS", direction: "in", count: 3 })).toBe("← DEVELOPS 3");
    expect(entryText({ type: "MENTIONS", direction: "in", count: 1240 })).toBe("← MENTIONS 1,240");
  });

  it("lists outgoing before incoming, larger counts first, ties by type, and drops empty options", () => {
    expect(expansionEntries(bytedance).map((entry) => entry.text)).toEqual([
      "DEVELOPS → 3",
      "OWNS → 1",
      "SOURCES_FROM → 1",
      "← REPORTS_ON 2",
    ]);
  });

  it("expands by the chosen type and direction with its count, and offers Expand all with the neighbour count", () => {
    const calls: unknown[] = [];
    const items = expansionItems(bytedance, { expand: (...args) => calls.push(args) });
    expect(items.map((item) => [item.text, item.hint ?? ""])).toEqual([
      ["DEVELOPS → 3", ""],
      ["OWNS → 1", ""],
      ["SOURCES_FROM → 1", ""],
      ["← REPORTS_ON 2", ""],
      ["Expand all", "9"],
    ]);
    items[3]?.run();
    items[4]?.run();
    expect(calls).toEqual([
      ["bytedance", { type: "REPORTS_ON", direction: "in" }, 2],
      ["bytedance", undefined, 9],
    ]);
  });

  it("offers nothing to expand for a node without relationships", () => {
    expect(expansionItems({ nodeId: "alone", neighbourCount: 0, options: [] }, { expand: () => {} })).toEqual([]);
  });

  it("says how many are new when some neighbours are drawn already: '3 (1 new)', 'all shown'", () => {
    // Fictional canvas: ByteDance with two of its three DEVELOPS targets and its one supplier drawn.
    const cy = cytoscape({
      headless: true,
      elements: [
        ...["bytedance", "a", "b", "huawei", "outlet"].map((id) => ({ data: { id } })),
        { data: { id: "d1", source: "bytedance", target: "a", type: "DEVELOPS" } },
        { data: { id: "d2", source: "bytedance", target: "b", type: "DEVELOPS" } },
        // Two relationships to one node count it once.
        { data: { id: "d3", source: "bytedance", target: "b", type: "DEVELOPS" } },
        { data: { id: "s1", source: "bytedance", target: "huawei", type: "SOURCES_FROM" } },
        // Drawn the other way: not an outgoing DEVELOPS.
        { data: { id: "r1", source: "outlet", target: "bytedance", type: "DEVELOPS" } },
      ],
    });
    const items = expansionItems(bytedance, { expand: () => {} }, drawnNeighbours(cy, "bytedance"));
    expect(items.map((item) => [item.text, item.hint ?? ""])).toEqual([
      ["DEVELOPS → 3 (1 new)", ""],
      ["OWNS → 1", ""],
      ["SOURCES_FROM → 1 (all shown)", ""],
      ["← REPORTS_ON 2", ""],
      ["Expand all", "9 (5 new)"],
    ]);
    expect(entryText({ type: "DEVELOPS", direction: "in", count: 3 }, 1)).toBe("← DEVELOPS 3 (2 new)");
  });
});
