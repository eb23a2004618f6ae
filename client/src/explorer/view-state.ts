import type { Core, ElementDefinition } from "cytoscape";
import type { NodeLookupResult, ViewState } from "../../../contract/graph-contract";
import type { Canvas } from "../canvas/create-canvas";
import { PINNED_CLASS } from "../look/canvas-classes";
import { lastingClasses } from "./canvas-snapshot";
import type { ViewFilters } from "./view-filters";

export interface ViewStateParts {
  filters: ViewFilters;
  layout: string;
  hiddenEdges: readonly string[];
}

/** Positions to a tenth of a pixel: exact enough to redraw, short enough for a link. */
const round = (value: number) => Math.round(value * 10) / 10;

/** The view as the contract stores and links carry it. */
export function captureViewState(cy: Core, parts: ViewStateParts): ViewState {
  const selected = cy.elements(":selected");
  const pan = cy.pan();
  return {
    v: 1,
    nodes: cy.nodes().map((node) => {
      const { x, y } = node.position();
      return node.hasClass(PINNED_CLASS)
        ? { id: node.id(), x: round(x), y: round(y), pinned: true }
        : { id: node.id(), x: round(x), y: round(y) };
    }),
    hiddenEdges: [...parts.hiddenEdges],
    filters: structuredClone(parts.filters),
    layout: parts.layout,
    viewport: { zoom: cy.zoom(), x: round(pan.x), y: round(pan.y) },
    selected: selected.length === 1 ? selected.id() : null,
  };
}

export interface OpenedView {
  /** Ids of the view that no longer exist in the graph. */
  missing: string[];
  /** The relationships the view hid, as drawn, for "Unhide all". */
  hiddenEdges: ElementDefinition[];
}

/**
 * Replaces the canvas with a view: exactly its nodes (as the graph has them now) at its positions, no
 * layout run; the relationships it hid are taken out again. Filters, layout and viewport are the caller's.
 */
export function drawViewState(
  canvas: Pick<Canvas, "cy" | "clear" | "addGraph">,
  state: ViewState,
  found: NodeLookupResult,
): OpenedView {
  const { cy } = canvas;
  canvas.clear();
  const positions = new Map(state.nodes.map((saved) => [saved.id, { x: saved.x, y: saved.y }]));
  canvas.addGraph(found.graph, { kind: "preset", positions });
  cy.batch(() => {
    for (const saved of state.nodes) {
      if (saved.pinned) cy.getElementById(saved.id).addClass(PINNED_CLASS);
    }
  });
  const hidden = state.hiddenEdges.reduce((edges, id) => edges.union(cy.getElementById(id)), cy.collection()).edges();
  const hiddenEdges = hidden.map(
    (edge): ElementDefinition => ({
      group: "edges",
      data: structuredClone(edge.data()),
      classes: lastingClasses(edge.classes()),
    }),
  );
  hidden.remove();
  return { missing: found.missing, hiddenEdges };
}
