/**
 * A relationship added as `draw-later` (a big addition's, not drawn yet) is first styled with only the
 * rules of `draw-later` (client/src/canvas/first-style.ts); once the class goes, its style and box are
 * exactly those Cytoscape.js computes without the change.
 */
import cytoscape, { type Core, type StylesheetJson } from "cytoscape";
import { describe, expect, it } from "vitest";
import { styleFirstTimeInOneGo } from "../../client/src/canvas/first-style";
import { DRAW_LATER_CLASS } from "../../client/src/look/canvas-classes";

let zoomNow = 1;
const STYLE: StylesheetJson = [
  { selector: "node", style: { width: 30, height: 30, label: "data(id)", "font-size": 13, "z-index": 10 } },
  {
    selector: "edge",
    style: {
      width: 1.6,
      "curve-style": "bezier",
      "line-color": "#888",
      "target-arrow-shape": "triangle",
      label: "data(caption)",
      "font-size": () => 12 / zoomNow,
      "text-rotation": "autorotate",
      "z-index": 1,
    },
  },
  {
    selector: "edge.certainty-reported",
    style: { "line-style": "dashed", "line-dash-pattern": (() => [6 / zoomNow, 4]) as unknown as number[] },
  },
  {
    selector: "edge[type]",
    style: { "target-arrow-color": (edge) => (edge.data("type") === "OWNS" ? "#0a0" : "#00a") },
  },
  { selector: ".filtered-out", style: { display: "none" } },
  { selector: `edge.${DRAW_LATER_CLASS}`, style: { display: "none" } },
  { selector: "edge:selected", style: { width: 3 } },
];

function graph(): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: STYLE });
  const later = [DRAW_LATER_CLASS];
  cy.add([
    { data: { id: "a" }, position: { x: 0, y: 0 } },
    { data: { id: "b" }, position: { x: 240, y: 40 } },
    { data: { id: "c" }, position: { x: 100, y: 200 } },
    { data: { id: "ab", source: "a", target: "b", type: "OWNS", caption: "owns" }, classes: later },
    { data: { id: "ab2", source: "a", target: "b", type: "SUPPLIES", caption: "supplies" }, classes: later },
    {
      data: { id: "bc", source: "b", target: "c", type: "SUPPLIES", caption: "supplies" },
      classes: [...later, "certainty-reported"],
    },
    { data: { id: "ca", source: "c", target: "a", caption: "mentions" }, classes: [...later, "filtered-out"] },
    { data: { id: "ac", source: "a", target: "c", type: "OWNS", caption: "owns" } },
  ]);
  return cy;
}

/** Every relationship's whole style and box, hidden first, then after a restyle at another zoom, then drawn. */
function lifecycle(cy: Core) {
  const look = () => cy.edges().map((edge) => ({ id: edge.id(), style: edge.style(), box: edge.boundingBox({}) }));
  const hidden = cy.edges().map((edge) => ({ id: edge.id(), display: edge.style("display") }));
  zoomNow = 0.25;
  cy.style().update();
  cy.edges(`.${DRAW_LATER_CLASS}`).removeClass(DRAW_LATER_CLASS);
  const drawn = look();
  cy.getElementById("ab").select();
  const selected = look();
  zoomNow = 1;
  return { hidden, drawn, selected };
}

describe("a relationship first styled while not drawn yet", () => {
  it("holds one property until drawn, then the same style and box as Cytoscape.js gives it", () => {
    const reference = lifecycle(graph());

    expect(styleFirstTimeInOneGo(graph())).toBe(true);
    const patched = graph();
    for (const ele of patched.elements()) ele.style("display");
    const held = (id: string) =>
      Object.keys((patched.getElementById(id) as unknown as { _private: { style: object } })._private.style);
    expect(held("ab")).toEqual(["display"]);
    expect(held("bc")).toEqual(["display"]);
    // Drawn from the start: styled in full, as before.
    expect(held("ac").length).toBeGreaterThan(8);

    expect(lifecycle(patched)).toEqual(reference);
    expect(reference.drawn.find((edge) => edge.id === "ca")?.style.display).toBe("none");
    expect(reference.drawn.find((edge) => edge.id === "bc")?.style["line-dash-pattern"]).toBe("24 4");
  });
});
