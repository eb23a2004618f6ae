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
    // Only the elements whose state changes: Cytoscape's toggleClass(name, on) restyles and emits
    // "class" for every element it is given, even one that had the class already (a timeline step
    // restyled all 1,700 elements of the canvas for the few the day changed).
    cy.batch(() => {
      cy.elements().forEach((element) => {
        const filtered = !(element.isNode() ? shown.nodes : shown.edges).has(element.id());
        if (element.hasClass(FILTERED_CLASS) !== filtered) element.toggleClass(FILTERED_CLASS, filtered);
      });
    });
    // A hidden element cannot stay selected: the panel would describe something not drawn.
    cy.elements(`.${FILTERED_CLASS}:selected`).unselect();
  };
  const notify = () => {
    for (const listener of listeners) listener(filters);
  };
  // Newcomers are filtered before the next frame; one pass for all the elements one change added,
  // none when the filters were set again after they came (set judges every element: an as-of day).
  let pending = false;
  let unfiltered = false;
  cy.on("add", () => {
    unfiltered = true;
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      if (!unfiltered) return;
      unfiltered = false;
      apply();
      notify();
    });
  });
  return {
    current: () => filters,
    set: (next) => {
      filters = next;
      unfiltered = false;
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
