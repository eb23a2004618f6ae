import { describe, expect, it } from "vitest";
import type { GraphScene, SceneEdge, SceneLabel, SceneNode } from "../../client/src/canvas/graph-scene";
import type { PathOp, TextBlockOp } from "../../client/src/export/draw-ops";
import { type LabelMeasure, sceneOps, shapePath, wrapLabel } from "../../client/src/export/scene-ops";

/** Every character 7 px wide, 3 px of descent: enough to follow the layout rules by hand. */
const measure: LabelMeasure = { width: (text) => text.length * 7, descent: () => 3 };

const label = (overrides: Partial<SceneLabel> = {}): SceneLabel => ({
  text: "Fictional Widget Company",
  x: 100,
  y: 50,
  rotation: 0,
  halign: "center",
  valign: "bottom",
  wrap: "wrap",
  maxWidth: 130,
  lineHeight: 1,
  font: { style: "normal", weight: "600", size: 13, family: "sans-serif" },
  color: "rgb(29,39,54)",
  opacity: 1,
  background: { color: "rgb(255,255,255)", opacity: 0.82, padding: 2, rounded: true },
  border: null,
  outline: null,
  ...overrides,
});

const node: SceneNode = {
  kind: "node",
  id: "n1",
  x: 100,
  y: 30,
  width: 40,
  height: 40,
  shape: "round-hexagon",
  fill: "rgb(63,152,168)",
  fillOpacity: 1,
  opacity: 1,
  border: { width: 5.5, color: "rgb(36,103,116)", opacity: 1, style: "double", dash: [] },
  underlay: null,
  label: label(),
};

const edge: SceneEdge = {
  kind: "edge",
  id: "e1",
  curve: "bezier",
  points: [
    { x: 0, y: 0 },
    { x: 50, y: 40 },
    { x: 100, y: 0 },
  ],
  width: 2,
  color: "rgb(86,97,115)",
  opacity: 1,
  style: "dotted",
  dash: [1, 1],
  cap: "butt",
  arrow: {
    tip: { x: 104, y: 0 },
    direction: { x: 1, y: 0 },
    size: 30,
    color: "rgb(86,97,115)",
    shape: "triangle",
    hollow: false,
  },
  label: label({ text: "supplies", valign: "center", wrap: "none", rotation: Math.PI / 4, background: null }),
};

const scene: GraphScene = { width: 200, height: 100, translate: { x: 0, y: 0 }, zoom: 1, items: [edge, node] };

describe("sceneOps", () => {
  const ops = sceneOps(scene, measure);

  it("draws an edge as its curve, dotted, then its arrowhead, then its turned label, then the node", () => {
    expect(ops.map((op) => op.kind)).toEqual(["path", "path", "textblock", "path", "textblock"]);
    const line = ops[0] as PathOp;
    expect(line.d).toBe("M 0 0 Q 50 40 100 0");
    expect(line.fill).toBeNull();
    expect(line.stroke).toMatchObject({ width: 2, dash: [1, 1], join: "round" });
    // Tip at (104, 0); the base 0.3 × 30 = 9 px back, 0.15 × 30 = 4.5 px either side.
    expect((ops[1] as PathOp).d).toBe("M 95 -4.5 L 104 0 L 95 4.5 Z");
    const caption = ops[2] as TextBlockOp;
    expect(caption.rotation).toBeCloseTo(Math.PI / 4);
    // Centred on its point: the bottom of the text 6.5 px below it, the baseline 3 px above that.
    expect(caption.lines).toEqual([{ text: "supplies", x: 0, y: 3.5, width: 56 }]);
  });

  it("draws the node's shape with a double border cut along its middle, and its wrapped label boxed below", () => {
    const body = ops[3] as PathOp;
    expect(body.cutout).toBeCloseTo(5.5 / 3);
    expect(body.d.match(/ A /g)).toHaveLength(6);
    const text = ops[4] as TextBlockOp;
    expect(text.lines.map((line) => line.text)).toEqual(["Fictional Widget ", "Company"]);
    expect(text.lines.map((line) => line.y)).toEqual([13 - 3, 26 - 3]);
    expect(text.box).toMatchObject({ x: -59.5 - 2, y: -2, width: 119 + 4, height: 26 + 4, radius: 2 });
    expect(text.origin).toEqual({ x: 100, y: 50 });
  });
});

describe("wrapLabel", () => {
  const width = (text: string) => text.length * 7;
  it("breaks between words only when the line is too wide, keeping explicit breaks", () => {
    expect(wrapLabel({ text: "Short", wrap: "wrap", maxWidth: 130 }, width)).toEqual(["Short"]);
    expect(wrapLabel({ text: "one two\nthree", wrap: "wrap", maxWidth: 130 }, width)).toEqual(["one two", "three"]);
    expect(wrapLabel({ text: "Supercalifragilistic word", wrap: "wrap", maxWidth: 70 }, width)).toEqual([
      "Supercalifragilistic ",
      "word",
    ]);
    expect(wrapLabel({ text: "a b c", wrap: "none", maxWidth: 1 }, width)).toEqual(["a b c"]);
    expect(wrapLabel({ text: "abcdefghij", wrap: "ellipsis", maxWidth: 35 }, width)).toEqual(["abcd…"]);
  });
});

describe("shapePath", () => {
  it("draws Cytoscape's shapes: a diamond's corners on the box's sides, a triangle filling its box", () => {
    expect(shapePath("diamond", 0, 0, 20, 10)).toBe("M 0 5 L 10 0 L 0 -5 L -10 0 Z");
    expect(shapePath("triangle", 0, 0, 20, 20)).toBe("M 0 -10 L -10 10 L 10 10 Z");
    expect(shapePath("ellipse", 0, 0, 20, 10)).toBe("M -10 0 A 10 5 0 1 0 10 0 A 10 5 0 1 0 -10 0 Z");
    expect(shapePath("round-rectangle", 0, 0, 40, 40)).toMatch(/^M -12 -20 H 12 A 8 8 0 0 1 20 -12 /);
    expect(shapePath("no-such-shape", 0, 0, 20, 10)).toBe(shapePath("ellipse", 0, 0, 20, 10));
  });
});
