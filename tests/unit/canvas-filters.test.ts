/**
 * The canvas' filters restyle only what they change (issue #20: a timeline step sets the filters
 * again on the whole canvas; Cytoscape restyles and emits "class" for every element given to
 * toggleClass, changed or not), and newcomers are filtered once, not again after a set.
 */
import cytoscape, { type Core } from "cytoscape";
import { describe, expect, it } from "vitest";
import { createCanvasFilters } from "../../client/src/explorer/canvas-filters";
import { NO_FILTERS, type ViewFilters } from "../../client/src/explorer/view-filters";
import { FILTERED_CLASS } from "../../client/src/look/canvas-classes";

function canvas(): Core {
  const cy = cytoscape({ headless: true });
  cy.add([
    { group: "nodes", data: { id: "a", label: "Company" } },
    { group: "nodes", data: { id: "b", label: "Company" } },
    { group: "nodes", data: { id: "p", label: "Person" } },
    { group: "edges", data: { id: "ab", source: "a", target: "b", type: "SUPPLIES", props: {} } },
    { group: "edges", data: { id: "ap", source: "a", target: "p", type: "EMPLOYS", props: {} } },
  ]);
  return cy;
}

/** The ids of the elements Cytoscape restyled (a "class" event each) while `work` ran. */
function restyled(cy: Core, work: () => void): string[] {
  const ids: string[] = [];
  const listener = (event: cytoscape.EventObject) => ids.push(event.target.id());
  cy.on("class", listener);
  work();
  cy.off("class", listener);
  return ids.sort();
}

const hidingPeople: ViewFilters = { ...NO_FILTERS, hiddenLabels: ["Person"] };
const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe("canvas filters", () => {
  it("restyles only the elements whose filtered state changes", async () => {
    const cy = canvas();
    const filters = createCanvasFilters(cy);
    await flush();
    expect(restyled(cy, () => filters.set(hidingPeople))).toEqual(["ap", "p"]);
    expect(
      cy
        .elements(`.${FILTERED_CLASS}`)
        .map((element) => element.id())
        .sort(),
    ).toEqual(["ap", "p"]);
    // The same filters set again (an as-of day's summaries judged again): nothing to restyle.
    expect(restyled(cy, () => filters.set(hidingPeople))).toEqual([]);
    expect(restyled(cy, () => filters.set(NO_FILTERS))).toEqual(["ap", "p"]);
    expect(cy.elements(`.${FILTERED_CLASS}`)).toHaveLength(0);
  });

  it("filters newcomers before the next frame, once, and not again when the filters were set after they came", async () => {
    const cy = canvas();
    const filters = createCanvasFilters(cy);
    filters.set(hidingPeople);
    let notified = 0;
    filters.onChange(() => {
      notified += 1;
    });
    cy.add({ group: "nodes", data: { id: "q", label: "Person" } });
    await flush();
    expect(cy.getElementById("q").hasClass(FILTERED_CLASS)).toBe(true);
    expect(notified).toBe(1);
    // Added, then the filters set in the same task: the set judged the newcomer already.
    cy.add({ group: "nodes", data: { id: "r", label: "Person" } });
    filters.set(hidingPeople);
    expect(cy.getElementById("r").hasClass(FILTERED_CLASS)).toBe(true);
    await flush();
    expect(notified).toBe(2);
  });
});
