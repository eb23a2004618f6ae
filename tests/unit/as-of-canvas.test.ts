import cytoscape, { type ElementDefinition } from "cytoscape";
import { describe, expect, it } from "vitest";
import { addElements } from "../../client/src/canvas/add-elements";
import { applyAsOfGraph } from "../../client/src/claims/apply-as-of";
import { captureCanvas, restoreCanvas } from "../../client/src/explorer/canvas-snapshot";
import type { ClaimSummary, GraphEdge, GraphNode } from "../../contract/graph-contract";

const node = (id: string): GraphNode => ({
  data: { id, elementId: `4:x:${id}`, labels: ["Company"], label: "Company", caption: id, props: { id, name: id } },
});
const summary = (independentSources: number, contested: boolean): ClaimSummary => ({
  sources: ["reuters"],
  evidence: "…",
  evidence_en: "…",
  certainty: "reported",
  asOf: "2024",
  independentSources,
  claimCount: independentSources,
  firstReported: "2024",
  lastReported: "2025-03-10",
  contested,
});
const edge = (id: string, source: string, target: string, claims: ClaimSummary): GraphEdge => ({
  data: {
    id,
    elementId: id,
    source,
    target,
    type: "SOURCES_FROM",
    caption: "sources from",
    certainty: "reported",
    props: { id, ...claims },
  },
});

function canvasWith(edges: GraphEdge[]) {
  const cy = cytoscape({ headless: true });
  const canvas = {
    cy,
    addGraph: (graph: Parameters<typeof addElements>[1]) => addElements(cy, graph, { kind: "layout" }),
  };
  canvas.addGraph({ nodes: ["a", "b", "c", "later"].map(node), edges });
  return canvas;
}

const today = [
  edge("ab", "a", "b", summary(2, true)),
  edge("bc", "b", "c", summary(1, false)),
  edge("ac", "a", "c", summary(1, false)),
];
const options = (hidden: string[] = [], today = false) => ({
  hidden: new Set(hidden),
  absent: new Map<string, ElementDefinition>(),
  today,
});
const earlier = {
  nodes: ["a", "b", "c", "elsewhere"].map(node),
  edges: [edge("ab", "a", "b", summary(1, false)), edge("ca", "c", "a", summary(1, false))],
  truncated: false,
};

describe("the canvas as of a day", () => {
  it("drops what was not known then, adds relationships that were, and redraws the summaries of the rest", () => {
    const canvas = canvasWith([...today, edge("a-later", "a", "later", summary(1, false))]);
    const change = applyAsOfGraph(canvas, earlier, options());
    const { cy } = canvas;
    expect(change).toEqual({ nodesGone: 1, edgesGone: 3, nodesBack: 0, edgesBack: 1, changed: 1, kept: 0 });
    expect(
      cy
        .edges()
        .map((e) => e.id())
        .sort(),
    ).toEqual(["ab", "ca"]);
    // Drawn nodes only: "elsewhere" was never on the canvas and is not added.
    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual(["a", "b", "c"]);
    const ab = cy.getElementById("ab");
    expect(ab.data("props").independentSources).toBe(1);
    expect(ab.hasClass("contested")).toBe(false);
    expect(ab.hasClass("corroborated")).toBe(false);
  });

  it("keeps the relationships named in `keep` when the answer lacks them, with their ends, and counts them", () => {
    const canvas = canvasWith(today);
    // "bc" no longer holds: the timeline keeps it (faded); "ac" goes; "c" stays for "bc".
    const outcome = applyAsOfGraph(
      canvas,
      { nodes: ["a", "b"].map(node), edges: [edge("ab", "a", "b", summary(1, false))], truncated: false },
      { ...options(), keep: new Set(["bc"]) },
    );
    expect(
      canvas.cy
        .edges()
        .map((item) => item.id())
        .sort(),
    ).toEqual(["ab", "bc"]);
    expect(canvas.cy.getElementById("c").nonempty()).toBe(true);
    expect(outcome).toMatchObject({ edgesGone: 1, kept: 1, nodesGone: 1 });
    // Without it, both go, and "c" with them.
    const plain = canvasWith(today);
    applyAsOfGraph(
      plain,
      { nodes: ["a", "b"].map(node), edges: [edge("ab", "a", "b", summary(1, false))], truncated: false },
      options(),
    );
    expect(plain.cy.edges().map((item) => item.id())).toEqual(["ab"]);
    expect(plain.cy.getElementById("c").empty()).toBe(true);
  });

  it("keeps relationships the analyst hid out of the view", () => {
    const canvas = canvasWith(today);
    applyAsOfGraph(canvas, earlier, options(["ca"]));
    expect(canvas.cy.getElementById("ca").empty()).toBe(true);
  });

  it("puts nodes a day took off back where they were when today comes back", () => {
    const canvas = canvasWith(today);
    const { cy } = canvas;
    cy.getElementById("later").position({ x: 120, y: -40 });
    const state = options();
    applyAsOfGraph(canvas, earlier, state);
    expect(cy.getElementById("later").empty()).toBe(true);
    expect([...state.absent.keys()]).toEqual(["later"]);
    const now = { nodes: ["a", "b", "c", "later"].map(node), edges: today, truncated: false };
    const change = applyAsOfGraph(canvas, now, { ...state, today: true });
    expect(change.nodesBack).toBe(1);
    expect(cy.getElementById("later").position()).toEqual({ x: 120, y: -40 });
    expect(state.absent.size).toBe(0);
  });

  it("takes no node off when the answer was capped: a missing node may just be past the cap", () => {
    const canvas = canvasWith(today);
    applyAsOfGraph(canvas, { ...earlier, truncated: true }, options());
    expect(canvas.cy.getElementById("later").nonempty()).toBe(true);
  });

  it("comes back exactly, summaries and marks included, when the step is undone", () => {
    const canvas = canvasWith(today);
    const before = captureCanvas(canvas.cy);
    canvas.cy.getElementById("ab").select();
    applyAsOfGraph(canvas, earlier, options());
    restoreCanvas(canvas.cy, before);
    const { cy } = canvas;
    expect(
      cy
        .edges()
        .map((e) => e.id())
        .sort(),
    ).toEqual(["ab", "ac", "bc"]);
    const ab = cy.getElementById("ab");
    expect(ab.data("props").independentSources).toBe(2);
    expect(ab.hasClass("contested")).toBe(true);
    expect(ab.hasClass("sources-2")).toBe(true);
    expect(ab.selected()).toBe(true);
  });
});
