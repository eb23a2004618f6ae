import { describe, expect, it } from "vitest";
import { type CellContext, cellText, formatCell } from "../../client/src/workbench/results/format-cell";

const context: CellContext = {
  nodeCaption: (id) => ({ bytedance: "ByteDance", huawei: "Huawei Technologies", ascend: "Ascend 910B" })[id],
  relationship: (id) =>
    ({
      "5:x:1": { type: "SOURCES_FROM", source: "bytedance", target: "huawei" },
      "5:x:2": { type: "MAKES", source: "huawei", target: "ascend" },
      "5:x:3": { type: "MAKES", source: "huawei", target: "bytedance" },
    })[id],
};

describe("formatCell", () => {
  it("shows a node as its caption with its labels, keeping the id to find it on the canvas", () => {
    const view = formatCell({ $node: { id: "huawei", labels: ["Company"], caption: "Huawei Technologies" } });
    expect(view).toEqual({ kind: "node", id: "huawei", caption: "Huawei Technologies", labels: ["Company"] });
    expect(cellText(view)).toBe("Huawei Technologies");
  });

  it("writes a relationship as (a)-[:TYPE]->(b) with the captions of its ends", () => {
    const view = formatCell(
      { $relationship: { id: "5:x:1", type: "SOURCES_FROM", source: "bytedance", target: "huawei" } },
      context,
    );
    expect(cellText(view)).toBe("(ByteDance)-[:SOURCES_FROM]->(Huawei Technologies)");
  });

  it("falls back to the ids when the ends are not in the result", () => {
    const view = formatCell({ $relationship: { id: "r", type: "CITES", source: "a", target: "b" } });
    expect(cellText(view)).toBe("(a)-[:CITES]->(b)");
  });

  it("summarises a path step by step, with each relationship's direction, and counts its hops", () => {
    const view = formatCell(
      { $path: { nodes: ["bytedance", "huawei", "ascend"], relationships: ["5:x:1", "5:x:2"], length: 2 } },
      context,
    );
    expect(view).toMatchObject({ kind: "path", length: 2 });
    expect(cellText(view)).toBe("(ByteDance)-[:SOURCES_FROM]->(Huawei Technologies)-[:MAKES]->(Ascend 910B) (2 hops)");
    const backwards = formatCell(
      { $path: { nodes: ["bytedance", "huawei"], relationships: ["5:x:3"], length: 1 } },
      context,
    );
    expect(cellText(backwards)).toBe("(ByteDance)<-[:MAKES]-(Huawei Technologies) (1 hop)");
  });

  it("expands lists and maps, recursively", () => {
    const view = formatCell({ sources: ["reuters", "engadget"], certainty: "reported", score: 0.5 });
    expect(view.kind).toBe("map");
    expect(cellText(view)).toBe("{sources: [reuters, engadget], certainty: reported, score: 0.5}");
    expect(formatCell([{ $node: { id: "x", labels: ["Chip"], caption: "A100" } }, null])).toEqual({
      kind: "list",
      items: [{ kind: "node", id: "x", labels: ["Chip"], caption: "A100" }, { kind: "null" }],
    });
  });

  it("formats numbers readably without grouping four-digit years", () => {
    expect(cellText(formatCell(2024))).toBe("2024");
    expect(cellText(formatCell(1234567))).toBe("1,234,567");
    expect(cellText(formatCell(0.1 + 0.2))).toBe("0.3");
    expect(cellText(formatCell(true))).toBe("true");
    expect(formatCell(null)).toEqual({ kind: "null" });
  });

  it("treats a map that merely has a $node key among others as a map", () => {
    expect(formatCell({ $node: "not a node", other: 1 }).kind).toBe("map");
  });
});
