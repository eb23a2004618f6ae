import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { composeSvg, type GraphDrawing, graphSvg } from "../../client/src/export/compose-svg";
import type { DrawOp, FontSpec } from "../../client/src/export/draw-ops";
import { evidenceLayout } from "../../client/src/export/evidence-layout";
import { legendEntries } from "../../client/src/export/legend-entries";

const measure = (text: string, font: FontSpec) => text.length * font.size * 0.6;

/** A graph's drawing: one labelled node with a double border (a mask), shifted and zoomed. */
const NODE_OPS: DrawOp[] = [
  {
    kind: "path",
    d: "M 0 0 H 10 V 10 H 0 Z",
    fill: { color: "rgb(74,122,181)", opacity: 1 },
    stroke: { color: "rgb(44,82,127)", opacity: 1, width: 6, dash: [], cap: "butt", join: "miter" },
    cutout: 2,
  },
  {
    kind: "textblock",
    font: { style: "normal", weight: "600", size: 13, family: '"Inter", sans-serif' },
    fill: { color: "rgb(29,39,54)", opacity: 1 },
    anchor: "middle",
    lines: [{ text: "华为 <script>", x: 0, y: 12 }],
    rotation: Math.PI / 6,
    origin: { x: 5, y: 20 },
    halo: null,
    box: null,
  },
];
const GRAPH: GraphDrawing = { ops: NODE_OPS, translate: { x: 12, y: -3.5 }, zoom: 1.5 };

function parse(text: string) {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(
    text,
    "image/svg+xml",
  );
  expect(errors).toEqual([]);
  return document;
}

const layout = evidenceLayout(
  { width: 400, height: 300 },
  {
    title: 'Tom & Jerry <script>alert("x")</script> 华为',
    subtitle: "Current view",
    legend: legendEntries({ nodes: [], edges: [], truncated: false }),
    footnotes: [{ number: 1, sourceId: "s", name: '=HYPERLINK("x") & <b>', date: "2024" }],
    reproduce: "MATCH (n) WHERE n.name < 'b' RETURN n",
  },
  measure,
);

describe("composeSvg", () => {
  it("writes one well-formed SVG: the evidence as escaped <text>, the graph nested in its box", () => {
    const text = composeSvg({ layout, graph: GRAPH, scale: 2, background: "#ffffff", title: "Tom & Jerry" });
    expect(text.match(/<\?xml/g)).toHaveLength(1);
    expect(text).not.toMatch(/<script/);
    const document = parse(text);
    const root = document.documentElement;
    expect(root?.getAttribute("width")).toBe(String(layout.width * 2));
    expect(root?.getAttribute("viewBox")).toBe(`0 0 ${layout.width} ${layout.height}`);
    const words = Array.from(document.getElementsByTagName("text"), (node) => node.textContent);
    expect(words).toContain('Tom & Jerry <script>alert("x")</script> 华为');
    expect(words).toContain('=HYPERLINK("x") & <b> — 2024');
    expect(words).toContain("MATCH (n) WHERE n.name < 'b' RETURN n");
    expect(words).toContain("华为 <script>");
    const nested = document.getElementsByTagName("svg")[1];
    expect(nested?.getAttribute("x")).toBe(String(layout.graph.x));
    expect(nested?.getAttribute("y")).toBe(String(layout.graph.y));
    expect(nested?.getAttribute("width")).toBe("400");
    expect(nested?.getElementsByTagName("g")[0]?.getAttribute("transform")).toBe("translate(12 -3.5) scale(1.5)");
    expect(document.getElementsByTagName("mask")).toHaveLength(1);
    expect(document.getElementsByTagName("rect")[0]?.getAttribute("fill")).toBe("#ffffff");
  });

  it("has no background rectangle when transparent", () => {
    const text = composeSvg({ layout, graph: GRAPH, scale: 1, background: null, title: "t" });
    const rects = Array.from(parse(text).getElementsByTagName("rect"));
    expect(rects.some((rect) => rect.getAttribute("width") === "100%")).toBe(false);
  });
});

describe("graphSvg", () => {
  it("nests the graph at its box, clipped, with the picture's shift and zoom; text stays text, turned", () => {
    const text = graphSvg(GRAPH, { x: 5, y: 6, width: 7.123, height: 8 });
    expect(text.startsWith('<svg x="5" y="6" width="7.12" height="8" overflow="hidden">')).toBe(true);
    const document = parse(`<svg xmlns="http://www.w3.org/2000/svg">${text}</svg>`);
    const label = document.getElementsByTagName("text")[0];
    expect(label?.textContent).toBe("华为 <script>");
    expect(label?.getAttribute("text-anchor")).toBe("middle");
    expect(label?.parentNode && (label.parentNode as unknown as Element).getAttribute("transform")).toBe(
      "translate(5 20) rotate(30)",
    );
  });
});
