/**
 * The relationship panel's origins note (issue #20), on linkedom's DOM: once the claims arrive, a
 * line under the sources says when fewer independent origins count than outlets, and names them.
 */
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDetailsPanel } from "../../client/src/panels/details/details-panel";
import type { EdgeData, RelationshipClaims } from "../../contract/graph-contract";

const globals = globalThis as { document?: Document };
const saved = globals.document;
beforeAll(() => {
  globals.document = parseHTML("<!doctype html><html><body><aside id=panel></aside></body></html>").document;
});
afterAll(() => {
  globals.document = saved;
});

const summary = {
  sources: ["northwind-wire", "courrier-fictif", "daily-invented", "journal-imaginaire", "harbour-gazette"],
  evidence: "Velmora Systems has ordered 50,000 QX-9 accelerators.",
  certainty: "reported",
  asOf: "2022-02-10",
  // Independent origins, as summaries count them since issue #20.
  independentSources: 2,
  claimCount: 5,
  firstReported: "2021-03-02",
  lastReported: "2022-02-10",
  contested: false,
};
const edge = {
  id: "e1",
  elementId: "e1",
  source: "velmora",
  target: "quillon-qx9",
  type: "ORDERED",
  caption: "ordered",
  certainty: "reported",
  props: { id: "velmora-ordered-quillon-qx9", ...summary },
} as unknown as EdgeData;
const answer = (origins: RelationshipClaims["origins"]) =>
  ({ relationship: { data: edge }, summary, claims: [], contests: [], origins }) as unknown as RelationshipClaims;

function panel() {
  const root = document.getElementById("panel") as HTMLElement;
  const details = createDetailsPanel(root, {
    nodeCaption: (id) => id,
    focus: () => {},
    showClaims: () => {},
    openRelationship: () => {},
    expand: () => {},
    close: () => {},
  });
  details.showEdge(edge);
  return { root, details };
}

describe("the origins note under a relationship's sources", () => {
  it("says how many independent origins count, naming them, when fewer than the outlets", () => {
    const { root, details } = panel();
    expect(root.querySelector('[data-testid="origins-note"]')).toBeNull();
    details.showClaims(
      "e1",
      answer({
        outlets: 5,
        independentOrigins: 2,
        originNames: ["Northwind Wire", "The Harbour Gazette"],
        byClaim: [],
      }),
    );
    const note = root.querySelector('[data-testid="origins-note"]');
    expect(note?.textContent).toContain("5 outlets");
    expect(note?.textContent).toContain("2 independent origins (Northwind Wire, The Harbour Gazette)");
    // Under the sources, in their section.
    expect(note?.parentElement?.querySelector('[data-testid="edge-sources"]')).not.toBeNull();
    // The claims shown again (another day on the canvas): one note, the new one.
    details.showClaims(
      "e1",
      answer({ outlets: 5, independentOrigins: 1, originNames: ["Northwind Wire"], byClaim: [] }),
    );
    const notes = root.querySelectorAll('[data-testid="origins-note"]');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.textContent).toContain("1 independent origin (Northwind Wire)");
  });

  it("says nothing when every outlet is an origin of its own, or the answer has no origins", () => {
    const { root, details } = panel();
    details.showClaims(
      "e1",
      answer({ outlets: 4, independentOrigins: 4, originNames: ["A", "B", "C", "D"], byClaim: [] }),
    );
    expect(root.querySelector('[data-testid="origins-note"]')).toBeNull();
    details.showClaims("e1", answer(undefined));
    expect(root.querySelector('[data-testid="origins-note"]')).toBeNull();
  });
});
