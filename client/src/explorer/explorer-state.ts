import type { Core, ElementDefinition } from "cytoscape";
import type { AsOfQuery, ViewState } from "../../../contract/graph-contract";
import { isLayoutName, type LayoutName } from "../canvas/layouts/layout-catalog";
import { PINNED_CLASS } from "../look/canvas-classes";
import { type CanvasFilters, createCanvasFilters } from "./canvas-filters";
import { type CanvasSnapshot, captureCanvas, restoreCanvas } from "./canvas-snapshot";
import type { ViewFilters } from "./view-filters";
import { captureViewState } from "./view-state";

/** One undo step: everything the explorer shows and remembers, detached from the live canvas. */
export interface ExplorerSnapshot {
  readonly canvas: CanvasSnapshot;
  readonly hidden: readonly ElementDefinition[];
  readonly expansions: ReadonlyArray<readonly [string, readonly string[]]>;
  readonly filters: ViewFilters;
  readonly layout: LayoutName;
  readonly asOf: AsOfQuery;
  readonly timelineFrom: string | null;
  readonly absent: readonly ElementDefinition[];
}

/**
 * What the explorer shows and remembers, in one place: the elements on the canvas (with positions, pinned
 * and lasting classes, the selection), the elements hidden, what each expansion added, the filters, the
 * layout and the as-of date. Commands change it; `snapshot` and `restore` make undo and redo.
 * The Cytoscape instance holds the drawn elements: the canvas draws exactly what it holds.
 */
export interface ExplorerState {
  readonly cy: Core;
  /** Elements hidden from the view, as they were drawn, by id, so "Unhide all" can put them back. */
  readonly hidden: Map<string, ElementDefinition>;
  /** What each expansion added, by the node it started from (collapse takes it back). */
  readonly expansions: Map<string, string[]>;
  filters(): ViewFilters;
  /** Replaces the filters and re-applies them to the canvas. */
  setFilters(next: ViewFilters): void;
  onFiltersChange(listener: (filters: ViewFilters) => void): void;
  /** The layout the canvas was last laid out with (what the URL and saved views record). */
  layout(): LayoutName;
  /** Records the layout without running it; unknown names fall back to force-directed. */
  setLayout(name: string): void;
  onLayoutChange(listener: (name: LayoutName) => void): void;
  /** The day the canvas shows what was known on, or what held on; today when neither is set. */
  asOf(): AsOfQuery;
  setAsOf(query: AsOfQuery): void;
  /** The start of the timeline's range (the as-of day is its end); null when no range is brushed. */
  timelineFrom(): string | null;
  setTimelineFrom(day: string | null): void;
  /** Nodes the day took off the canvas, as drawn, by id: they come back with a later day. */
  readonly absent: Map<string, ElementDefinition>;
  /** After undo or redo put a snapshot back (the time bar shows the day again). */
  onRestore(listener: () => void): void;
  /** The one element selected, if exactly one is. */
  selected(): string | null;
  /** The one node selected, if exactly one element is and it is a node. */
  selectedNode(): string | null;
  isPinned(id: string): boolean;
  /** Ids of hidden relationships whose two ends are both drawn. */
  hiddenEdgesBetweenShown(): string[];
  snapshot(): ExplorerSnapshot;
  restore(snapshot: ExplorerSnapshot): void;
  /** The view as links and saved views carry it. */
  viewState(): ViewState;
}

export const DEFAULT_LAYOUT: LayoutName = "fcose";

export function createExplorerState(cy: Core): ExplorerState {
  const hidden = new Map<string, ElementDefinition>();
  const absent = new Map<string, ElementDefinition>();
  let asOf: AsOfQuery = {};
  let timelineFrom: string | null = null;
  const restoreListeners: Array<() => void> = [];
  const expansions = new Map<string, string[]>();
  const filters: CanvasFilters = createCanvasFilters(cy);
  let layout = DEFAULT_LAYOUT;
  const layoutListeners: Array<(name: LayoutName) => void> = [];
  const drawn = (id: string) => cy.getElementById(id).nonempty();

  // What comes back by an expansion or a query is no longer hidden, nor taken off by the day.
  cy.on("add", (event) => {
    hidden.delete(event.target.id());
    absent.delete(event.target.id());
  });

  const setLayout = (name: string) => {
    layout = isLayoutName(name) ? name : DEFAULT_LAYOUT;
    for (const listener of layoutListeners) listener(layout);
  };
  const hiddenEdgesBetweenShown = () =>
    [...hidden.values()]
      .filter(
        (element) =>
          element.group === "edges" && drawn(String(element.data.source)) && drawn(String(element.data.target)),
      )
      .map((element) => String(element.data.id));

  return {
    cy,
    hidden,
    expansions,
    filters: () => filters.current(),
    setFilters: (next) => filters.set(next),
    onFiltersChange: (listener) => filters.onChange(listener),
    layout: () => layout,
    setLayout,
    onLayoutChange: (listener) => {
      layoutListeners.push(listener);
    },
    asOf: () => asOf,
    setAsOf: (query) => {
      asOf = query;
    },
    timelineFrom: () => timelineFrom,
    setTimelineFrom: (day) => {
      timelineFrom = day;
    },
    absent,
    onRestore: (listener) => {
      restoreListeners.push(listener);
    },
    selected: () => {
      const selected = cy.elements(":selected");
      return selected.length === 1 ? selected.id() : null;
    },
    selectedNode: () => {
      const selected = cy.elements(":selected");
      return selected.length === 1 && selected.isNode() ? selected.id() : null;
    },
    isPinned: (id) => cy.getElementById(id).hasClass(PINNED_CLASS),
    hiddenEdgesBetweenShown,
    snapshot: () => ({
      canvas: captureCanvas(cy),
      hidden: [...hidden.values()],
      expansions: [...expansions].map(([origin, ids]) => [origin, [...ids]] as const),
      filters: filters.current(),
      layout,
      asOf,
      timelineFrom,
      absent: [...absent.values()].map((node) => structuredClone(node)),
    }),
    restore: (snapshot) => {
      restoreCanvas(cy, snapshot.canvas);
      hidden.clear();
      for (const element of snapshot.hidden) hidden.set(String(element.data.id), element);
      expansions.clear();
      for (const [origin, ids] of snapshot.expansions) expansions.set(origin, [...ids]);
      asOf = snapshot.asOf;
      timelineFrom = snapshot.timelineFrom;
      absent.clear();
      for (const node of snapshot.absent) absent.set(String(node.data.id), structuredClone(node));
      for (const listener of restoreListeners) listener();
      filters.set(snapshot.filters);
      setLayout(snapshot.layout);
    },
    viewState: () => ({
      ...captureViewState(cy, { filters: filters.current(), layout, hiddenEdges: hiddenEdgesBetweenShown() }),
      ...asOf,
      ...(timelineFrom ? { timelineFrom } : {}),
    }),
  };
}
