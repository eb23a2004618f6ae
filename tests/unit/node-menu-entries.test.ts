import { describe, expect, it } from "vitest";
import { entryText, expansionEntries } from "../../client/src/expand/expansion-entries";
import { expansionItems } from "../../client/src/menu/node-menu";
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
});
