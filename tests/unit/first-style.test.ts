/**
 * An element's first style invalidates once, not once per property (client/src/canvas/first-style.ts),
 * and what it invalidates is still right: boxes follow the style, later changes still count.
 */
import cytoscape, { type Core } from "cytoscape";
import { describe, expect, it } from "vitest";
import { styleFirstTimeInOneGo } from "../../client/src/canvas/first-style";

// About as many properties per element as the canvas' own rules set.
const STYLE = [
  {
    selector: "node",
    style: {
      width: 30,
      height: 30,
      shape: "round-rectangle" as const,
      "background-color": "#336",
      "border-width": 2,
      "border-color": "#113",
      label: "data(id)",
      "font-size": 13,
      "text-valign": "bottom" as const,
      "text-margin-y": 4,
      "z-index": 10,
    },
  },
  {
    selector: "edge",
    style: { width: 2, "curve-style": "bezier" as const, "target-arrow-shape": "triangle" as const, "z-index": 1 },
  },
  { selector: "node.big", style: { width: 90, height: 90 } },
];

function graph(): { cy: Core; boundsEvents: () => number } {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: STYLE });
  let events = 0;
  cy.on("bounds", () => {
    events += 1;
  });
  cy.add([
    { data: { id: "a" }, position: { x: 0, y: 0 } },
    { data: { id: "b" }, position: { x: 200, y: 0 } },
    { data: { id: "ab", source: "a", target: "b" } },
    { data: { id: "ab2", source: "a", target: "b" } },
  ]);
  return { cy, boundsEvents: () => events };
}

/** Styles every element (what the renderer's first frame does) and returns the bounds events it sent. */
function styleAll(cy: Core, boundsEvents: () => number): number {
  const before = boundsEvents();
  for (const ele of cy.elements()) ele.style("width");
  return boundsEvents() - before;
}

/** Every element's box after its first style, then after node `a` grew and a third parallel relationship came. */
function boxes(cy: Core) {
  const all = () => cy.elements().map((ele) => ({ id: ele.id(), ...ele.boundingBox({}) }));
  const first = all();
  cy.getElementById("a").addClass("big");
  const grown = all();
  cy.add({ data: { id: "ab3", source: "a", target: "b" } });
  return { first, grown, third: all() };
}

// One file, one order: Cytoscape.js' own behaviour is measured before the change is made (it
// changes the prototype shared by every instance).
describe("an element's first style", () => {
  it("invalidates once per element where Cytoscape.js did once per property, and gives the same boxes", () => {
    const plain = graph();
    const perProperty = styleAll(plain.cy, plain.boundsEvents);
    expect(perProperty).toBeGreaterThan(12);
    const reference = boxes(graph().cy);

    expect(styleFirstTimeInOneGo(plain.cy)).toBe(true);
    const patched = graph();
    // Only the boxes of the relationships parallel to a new one (each of the two has one): nothing else was computed yet.
    expect(styleAll(patched.cy, patched.boundsEvents)).toBe(2);
    const now = boxes(graph().cy);
    expect(now).toEqual(reference);
    // The check above means something: growing a node moved boxes.
    expect(reference.grown).not.toEqual(reference.first);
  });
});
