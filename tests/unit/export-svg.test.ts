import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { composeSvg, placeSvg } from "../../client/src/export/compose-svg";
import type { FontSpec } from "../../client/src/export/draw-ops";
import { evidenceLayout } from "../../client/src/export/evidence-layout";
import { legendEntries } from "../../client/src/export/legend-entries";

const measure = (text: string, font: FontSpec) => text.length * font.size * 0.6;

/** What canvas2svg (cytoscape-svg) hands back: a whole document with its own prolog and size. */
const GRAPH_SVG =
  '<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="400" height="300"><defs/><g><text x="10" y="20">华为 &lt;script&gt;</text></g></svg>';

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
    const text = composeSvg({ layout, graphSvg: GRAPH_SVG, scale: 2, background: "#ffffff", title: "Tom & Jerry" });
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
    expect(document.getElementsByTagName("rect")[0]?.getAttribute("fill")).toBe("#ffffff");
  });

  it("has no background rectangle when transparent", () => {
    const text = composeSvg({ layout, graphSvg: GRAPH_SVG, scale: 1, background: null, title: "t" });
    const rects = Array.from(parse(text).getElementsByTagName("rect"));
    expect(rects.some((rect) => rect.getAttribute("width") === "100%")).toBe(false);
  });
});

describe("placeSvg", () => {
  it("drops the prolog and replaces the root's position and size", () => {
    const placed = placeSvg('<?xml version="1.0"?>\n<svg width="1" height="2" x="9" viewBox="0 0 1 2"><g/></svg>', {
      x: 5,
      y: 6,
      width: 7.123,
      height: 8,
    });
    expect(placed).toBe('<svg x="5" y="6" width="7.12" height="8"><g/></svg>');
  });

  it("refuses a text that is not an SVG document", () => {
    expect(() => placeSvg("<html></html>", { x: 0, y: 0, width: 1, height: 1 })).toThrow(/no <svg> root/);
  });
});
