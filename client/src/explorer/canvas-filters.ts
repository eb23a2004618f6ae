import type { Core, EdgeSingular } from "cytoscape";
import type { EdgeData } from "../../../contract/graph-contract";
import { edgeCertainty } from "../canvas/to-cy-elements";
import { FILTERED_CLASS } from "../look/canvas-classes";
import { edgeClaimSummary } from "../look/edge-claims";
import { type FilterEdge, NO_FILTERS, shownByFilters, type ViewFilters } from "./view-filters";

export interface CanvasFilters {
  current(): ViewFilters;
  /** Replaces the filters and re-applies them (no history step: callers checkpoint first). */
  set(filters: ViewFilters): void;
  /** Called when the filters change, and after new elements were filtered. */
  onChange(listener: (filters: ViewFilters) => void): void;
}

export function createCanvasFilters(cy: Core): CanvasFilters {
  let filters = NO_FILTERS;
  const listeners: Array<(filters: ViewFilters) => void> = [];
  const apply = () => {
    const shown = shownByFilters(
      cy.nodes().map((node) => ({ id: node.id(), label: String(node.data("label")) })),
      cy.edges().map(toFilterEdge),
      filters,
    );
    cy.batch(() => {
      cy.elements().forEach((element) => {
        const keep = (element.isNode() ? shown.nodes : shown.edges).has(element.id());
        element.toggleClass(FILTERED_CLASS, !keep);
      });
    });
    // A hidden element cannot stay selected: the panel would describe something not drawn.
    cy.elements(`.${FILTERED_CLASS}:selected`).unselect();
  };
  const notify = () => {
    for (const listener of listeners) listener(filters);
  };
  // Newcomers are filtered before the next frame; one pass for all the elements one change added.
  let pending = false;
  cy.on("add", () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      apply();
      notify();
    });
  });
  return {
    current: () => filters,
    set: (next) => {
      filters = next;
      apply();
      notify();
    },
    onChange: (listener) => {
      listeners.push(listener);
    },
  };
}

export function toFilterEdge(edge: EdgeSingular): FilterEdge {
  const data = edge.data() as EdgeData;
  return {
    id: data.id,
    source: data.source,
    target: data.target,
    type: data.type,
    certainty: edgeCertainty(data),
    sources: edgeSources(data),
    claims: edgeClaimSummary(data),
  };
}

/** The Source ids of a relationship's `sources` property. */
export function edgeSources(data: EdgeData): string[] {
  const value = data.props.sources;
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
