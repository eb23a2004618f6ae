import { describe, expect, it } from "vitest";
import type { DrawOp, FontSpec, Measure } from "../../client/src/export/draw-ops";
import { type EvidenceText, evidenceLayout } from "../../client/src/export/evidence-layout";
import { legendEntries } from "../../client/src/export/legend-entries";
import { truncateText, wrapText } from "../../client/src/export/wrap-text";
import type { Graph } from "../../contract/graph-contract";

/** A monospaced stand-in for the canvas: every character is 0.6 em wide, CJK ones 1 em. */
const measure: Measure = (text: string, font: FontSpec) =>
  Array.from(text).reduce((width, char) => width + (/[\u3000-\u9fff]/.test(char) ? 1 : 0.6) * font.size, 0);
const BODY: FontSpec = { size: 10, weight: 400 };

const graph: Graph = {
  nodes: [
    { data: { id: "a", elementId: "a", labels: ["Company"], label: "Company", caption: "ByteDance", props: {} } },
    { data: { id: "b", elementId: "b", labels: ["Chip"], label: "Chip", caption: "Ascend 910B", props: {} } },
  ],
  edges: [
    {
      data: {
        id: "e",
        elementId: "e",
        source: "a",
        target: "b",
        type: "ORDERED",
        caption: "ordered",
        certainty: "reported",
        props: { sources: ["s1", "s2"] },
      },
    },
  ],
  truncated: false,
};

const text = (overrides: Partial<EvidenceText> = {}): EvidenceText => ({
  title: "ByteDance neighbourhood",
  subtitle: "Whole graph · exported from Graph Explorer 2026-11-28 14:03 UTC",
  legend: legendEntries(graph),
  footnotes: [
    { number: 1, sourceId: "s1", name: "Le Monde informatique", date: "2024" },
    { number: 2, sourceId: "s2", name: "Reuters", date: null },
  ],
  reproduce: "http://localhost:3000/",
  ...overrides,
});

type TextOp = Extract<DrawOp, { kind: "text" }>;
const texts = (ops: DrawOp[]) => ops.filter((op): op is TextOp => op.kind === "text");
const box = (op: TextOp) => ({
  x1: op.x,
  x2: op.x + measure(op.text, op.font),
  y1: op.y - op.font.size * 0.8,
  y2: op.y,
});

describe("wrapText", () => {
  it("breaks at spaces, keeping every line within the width", () => {
    const lines = wrapText("Selon Reuters deux sociétés chinoises collaborent", 120, BODY, measure);
    expect(lines.join(" ")).toBe("Selon Reuters deux sociétés chinoises collaborent");
    for (const line of lines) expect(measure(line, BODY)).toBeLessThanOrEqual(120);
    expect(lines.length).toBeGreaterThan(1);
  });

  it("cuts a word longer than a line (a 10,000-character value, CJK without spaces) and stops at maxLines with …", () => {
    const lines = wrapText("x".repeat(10_000), 300, BODY, measure, 4);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(measure(line, BODY)).toBeLessThanOrEqual(300);
    expect(lines[3]?.endsWith("…")).toBe(true);
    const chinese = wrapText("华为技术有限公司".repeat(10), 100, BODY, measure);
    expect(chinese.join("")).toBe("华为技术有限公司".repeat(10));
    for (const line of chinese) expect(measure(line, BODY)).toBeLessThanOrEqual(100);
  });

  it("truncates one line with an ellipsis only when it does not fit", () => {
    expect(truncateText("Reuters", 100, BODY, measure)).toBe("Reuters");
    const cut = truncateText("A very long relationship caption indeed", 100, BODY, measure);
    expect(cut.endsWith("…")).toBe(true);
    expect(measure(cut, BODY)).toBeLessThanOrEqual(100);
  });
});

describe("evidenceLayout", () => {
  it("is the graph alone, at the origin, when the evidence block is off", () => {
    expect(evidenceLayout({ width: 900, height: 600 }, null, measure)).toEqual({
      width: 900,
      height: 600,
      graph: { x: 0, y: 0, width: 900, height: 600 },
      ops: [],
    });
  });

  it("puts the title above the graph and the legend, sources and reproduction line below it", () => {
    const layout = evidenceLayout({ width: 1200, height: 800 }, text(), measure);
    const lines = texts(layout.ops);
    const at = (words: string) => lines.find((op) => op.text.includes(words));
    expect(at("ByteDance neighbourhood")?.y).toBeLessThan(layout.graph.y);
    const below = [
      "NODES",
      "Company",
      "ordered",
      "reported",
      "SOURCES",
      "Le Monde informatique — 2024",
      "Reuters",
      "http://localhost:3000/",
    ];
    let previous = layout.graph.y + layout.graph.height;
    for (const words of below) {
      const op = at(words);
      expect(op, words).toBeDefined();
      expect(op?.y, words).toBeGreaterThanOrEqual(previous);
      previous = op?.y ?? previous;
    }
    expect(lines.map((op) => op.text)).toContain("[2]");
    expect(layout.height).toBeGreaterThan(previous);
  });

  it("keeps every text inside the page and no two texts on top of each other", () => {
    const layout = evidenceLayout({ width: 300, height: 200 }, text({ title: "华为 ".repeat(80) }), measure);
    const boxes = texts(layout.ops).map(box);
    for (const b of boxes) {
      expect(b.x1).toBeGreaterThanOrEqual(0);
      expect(b.x2).toBeLessThanOrEqual(layout.width);
      expect(b.y2).toBeLessThanOrEqual(layout.height);
    }
    for (const [index, a] of boxes.entries()) {
      for (const b of boxes.slice(index + 1)) {
        const apart = a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1;
        expect(apart, JSON.stringify([a, b])).toBe(true);
      }
    }
  });

  it("gives a narrow graph a page wide enough for the legend, and centres it in its frame", () => {
    const layout = evidenceLayout({ width: 120, height: 90 }, text(), measure);
    expect(layout.width).toBeGreaterThanOrEqual(760);
    const frame = layout.ops.find((op) => op.kind === "rect");
    expect(frame?.kind).toBe("rect");
    if (frame?.kind === "rect") {
      expect(layout.graph.x - frame.x).toBeCloseTo(frame.x + frame.width - (layout.graph.x + layout.graph.width), 5);
    }
  });

  it("limits a 10,000-character source name to three lines and a long query to eight", () => {
    const short = evidenceLayout({ width: 800, height: 500 }, text(), measure);
    const long = evidenceLayout(
      { width: 800, height: 500 },
      text({
        footnotes: [{ number: 1, sourceId: "s1", name: "n".repeat(10_000), date: null }],
        reproduce: `Cypher workbench: ${"MATCH (n) ".repeat(2_000)}`,
      }),
      measure,
    );
    const nameLines = texts(long.ops).filter((op) => op.text.startsWith("nnn"));
    expect(nameLines).toHaveLength(3);
    const queryLines = texts(long.ops).filter((op) => op.font.mono);
    expect(queryLines).toHaveLength(8);
    expect(long.height - short.height).toBeLessThan(300);
  });

  it("says so when no relationship shown cites a source", () => {
    const layout = evidenceLayout({ width: 800, height: 500 }, text({ footnotes: [] }), measure);
    expect(texts(layout.ops).map((op) => op.text)).toContain("No relationship shown cites a source.");
  });
});
