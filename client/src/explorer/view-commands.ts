import type { Graph, NodeLookupResult, ViewState } from "../../../contract/graph-contract";
import { LAYOUT_TITLES, type LayoutName } from "../canvas/layouts/layout-catalog";
import { type ClaimFilterKey, describeClaimFilter, withClaimFilter } from "./claim-filters";
import { type Apply, type Command, UNDO_HINT } from "./command";
import { drawResultGraph, type ResultMode } from "./draw-result-graph";
import { NO_FILTERS, toggled, type ViewFilters } from "./view-filters";
import { drawViewState } from "./view-state";

/** Commands that change how the canvas is looked at: filters, layout, a whole view opened, a query's result. */

/** A filter of the legend's rows: node labels, relationship types, certainties. */
export type FilterKind = "label" | "type" | "certainty";

const FILTER_KEYS = { label: "hiddenLabels", type: "hiddenTypes", certainty: "hiddenCertainties" } as const;

export const setFilters =
  (next: ViewFilters, label: string, message: string): Command =>
  ({ state }) => ({
    step: label,
    make: () => {
      state.setFilters(next);
      return `${message}${UNDO_HINT}`;
    },
  });

/** Shows or hides one label, type or certainty. */
export const toggleFilter =
  (kind: FilterKind, value: string): Command =>
  (explorer) => {
    const filters = explorer.state.filters();
    const key = FILTER_KEYS[kind];
    const hiding = !(filters[key] as readonly string[]).includes(value);
    const what = kind === "label" ? `${value} nodes` : `${value} relationships`;
    return setFilters(
      toggled(filters, key, value as never),
      `${hiding ? "Hide" : "Show"} ${what}`,
      `${hiding ? "Hid" : "Showing"} ${what}`,
    )(explorer);
  };

export const setClaimFilter =
  (key: ClaimFilterKey, value: boolean | string | null): Command =>
  (explorer) => {
    const { label, message } = describeClaimFilter(key, value);
    return setFilters(withClaimFilter(explorer.state.filters(), key, value), label, message)(explorer);
  };

/** "Only what this source says", or every source (null). */
export const pickSource =
  (id: string | null): Command =>
  (explorer) => {
    const caption = id ? (explorer.canvas.nodeCaption(id) ?? id) : null;
    return setFilters(
      { ...explorer.state.filters(), source: id },
      caption ? `Only ${caption}` : "Every source",
      caption ? `Showing only what ${caption} says` : "Showing every source",
    )(explorer);
  };

export const showAll: Command = setFilters(NO_FILTERS, "Show all", "Showing everything on the canvas");

/** Records the layout the canvas is about to be laid out with; the positions it computes follow, in the same step. */
export const chooseLayout =
  (name: LayoutName): Command =>
  ({ state }) => ({
    step: `Layout: ${LAYOUT_TITLES[name]}`,
    make: () => {
      state.setLayout(name);
      return null;
    },
  });

/**
 * Replaces the canvas with a view (a link, a saved view): its nodes as `found` has them now, at its positions,
 * with its filters, layout, viewport and selection. `drawAsOf` draws its day once the nodes are drawn.
 * `label` null: no step (the view a session opens with).
 */
export const openView =
  (view: ViewState, found: NodeLookupResult, drawAsOf: () => void, label: string | null): Command =>
  ({ state, canvas }) => ({
    step: label,
    edits: true,
    make: () => {
      const opened = drawViewState(canvas, view, found);
      state.hidden.clear();
      for (const edge of opened.hiddenEdges) state.hidden.set(String(edge.data.id), edge);
      state.expansions.clear();
      state.setTimelineFrom(view.timelineFrom ?? null);
      drawAsOf();
      state.setFilters(view.filters);
      state.setLayout(view.layout);
      if (view.viewport)
        state.cy.viewport({ zoom: view.viewport.zoom, pan: { x: view.viewport.x, y: view.viewport.y } });
      else canvas.fitAll();
      if (view.selected) canvas.select(view.selected);
      return null;
    },
  });

/**
 * A query's result drawn from the workbench, merged or alone (then laid out): one step when it holds
 * anything. `drawn` receives the summary's words once the drawing (and its layout) is done.
 */
export const drawResult =
  (graph: Graph, mode: ResultMode, drawn: (note: Promise<string>) => void): Command =>
  ({ canvas }) => ({
    step: graph.nodes.length + graph.edges.length > 0 ? "Draw query result" : null,
    make: () => {
      drawn(drawResultGraph(canvas, graph, mode));
      return null;
    },
  });

/** The legend's rows and pickers, as filter commands. */
export function filterHandlers(apply: Apply) {
  return {
    toggle: (kind: FilterKind, value: string) => apply(toggleFilter(kind, value)),
    setClaimFilter: (key: ClaimFilterKey, value: boolean | string | null) => apply(setClaimFilter(key, value)),
    pickSource: (id: string | null) => apply(pickSource(id)),
    showAll: () => apply(showAll),
  };
}
