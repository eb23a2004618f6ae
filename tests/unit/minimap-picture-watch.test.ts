/**
 * The overview map's picture is drawn again only when what it shows changed (node positions, node
 * labels, what a filter took off), not on every class change (client/src/chrome/minimap-picture-watch.ts).
 */
import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { watchPicture } from "../../client/src/chrome/minimap-picture-watch";
import { FILTERED_CLASS } from "../../client/src/look/canvas-classes";

// Headless Cytoscape.js computes no style (and emits no `style` events) unless asked to: with
// styleEnabled a class change emits both `class` and `style`, as in the browser.
const graph = () => {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  cy.add([
    { data: { id: "a", label: "Company" }, position: { x: 0, y: 0 } },
    { data: { id: "b", label: "Person" }, position: { x: 100, y: 0 } },
    { data: { id: "c", label: "Person" }, position: { x: 0, y: 100 } },
    { data: { id: "ab", source: "a", target: "b" } },
    { data: { id: "bc", source: "b", target: "c" } },
  ]);
  let calls = 0;
  const watch = watchPicture(cy, () => {
    calls += 1;
  });
  watch.drawn();
  return { cy, watch, calls: () => calls };
};

describe("the overview map's picture watch", () => {
  it("starts stale, so the first draw paints the graph", () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    expect(watchPicture(cy, () => {}).stale).toBe(true);
  });

  it("stays fresh through class changes that are not the filter's", () => {
    const { cy, watch, calls } = graph();
    cy.nodes().addClass("highlighted neighbour");
    cy.edges().addClass("draw-later");
    cy.edges().removeClass("draw-later");
    cy.getElementById("a").toggleClass("caption-hidden");
    cy.elements().classes("something else entirely");
    expect(watch.stale).toBe(false);
    expect(calls()).toBe(0);
  });

  it("goes stale when a filter takes an element off or puts it back", () => {
    const { cy, watch, calls } = graph();
    cy.getElementById("bc").addClass(FILTERED_CLASS);
    expect(watch.stale).toBe(true);
    expect(calls()).toBe(1);
    watch.drawn();
    cy.getElementById("bc").addClass("highlighted");
    expect(watch.stale).toBe(false);
    cy.getElementById("bc").classes("highlighted");
    expect(watch.stale).toBe(true);
  });

  it("goes stale when a node moves, is added or removed, or its label changes", () => {
    const { cy, watch } = graph();
    cy.getElementById("a").position({ x: 50, y: 50 });
    expect(watch.stale).toBe(true);
    watch.drawn();
    cy.add({ data: { id: "d", label: "Place" }, position: { x: 9, y: 9 } });
    expect(watch.stale).toBe(true);
    watch.drawn();
    cy.getElementById("d").remove();
    expect(watch.stale).toBe(true);
    watch.drawn();
    cy.getElementById("b").data("caption", "a new caption");
    expect(watch.stale).toBe(false);
    cy.getElementById("b").data("label", "Person");
    expect(watch.stale).toBe(false);
    cy.getElementById("b").data("label", "Company");
    expect(watch.stale).toBe(true);
  });
});
