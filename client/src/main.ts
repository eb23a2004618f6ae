import "./styles.css";
import "./chrome/explore.css";
import "./claims/claims.css";
import type { EdgeData, Graph, GraphEdge, GraphNode, ViewState } from "../../contract/graph-contract";
import { createApiClient } from "./api/api-client";
import { isAbortError } from "./api/api-request-error";
import { type CanvasSelection, createCanvas } from "./canvas/create-canvas";
import { currentLayout, setLayout } from "./canvas/layouts/current-layout";
import { createLayoutRunner } from "./canvas/layouts/layout-runner";
import { createHelpOverlay } from "./chrome/help-overlay";
import { createLayoutPicker } from "./chrome/layout-picker";
import { createMinimap } from "./chrome/minimap";
import { createThemeSwitch } from "./chrome/theme-switch";
import { asOfOfView } from "./claims/as-of";
import { type AsOfMemory, createAsOfController } from "./claims/as-of-controller";
import { describeClaimFilter, withClaimFilter } from "./claims/claim-filters";
import { relationshipClaimsId } from "./claims/edge-claims";
import { measureOverlays } from "./dom/measure-overlays";
import { createExporter } from "./export/create-exporter";
import { isNeighbourhood } from "./export/describe-export";
import { createExportMenu } from "./export/export-menu";
import { createQueryTrail } from "./export/query-trail";
import { createLegend } from "./legend/legend";
import { createContextMenu } from "./menu/context-menu";
import { expansionCap } from "./menu/expansion-cap";
import { askSupernode } from "./menu/guard-dialog";
import { createNodeExpander } from "./menu/node-expander";
import { attachNodeMenu } from "./menu/node-menu";
import { createDetailsPanel } from "./panel/details-panel";
import { createPathFinder } from "./paths/path-finder";
import { createSearchBox } from "./search/search-box";
import { describeError } from "./status/describe-error";
import { renderHealth } from "./status/health-indicator";
import { createStatusLine } from "./status/status-line";
import { createCanvasFilters, FILTERED_CLASS } from "./view/canvas-filters";
import { type CanvasSnapshot, captureCanvas, restoreCanvas } from "./view/canvas-snapshot";
import { tallyCanvas } from "./view/canvas-tally";
import { createExplorerActions, type ExplorerMemory } from "./view/explorer-actions";
import { bindHideKey } from "./view/hide-key";
import { bindHistoryControls } from "./view/history-controls";
import { createSavedViewsPanel } from "./view/saved-views-panel";
import { syncViewToUrl } from "./view/url-sync";
import { NO_FILTERS, toggled, type ViewFilters } from "./view/view-filters";
import { createViewHistory } from "./view/view-history";
import { captureViewState, drawViewState } from "./view/view-state";
import { decodeViewState, encodeViewState, hasViewState, ViewLinkError } from "./view/view-url";
import { browserStorage } from "./workbench/browser-storage";
import { drawResultGraph } from "./workbench/draw-result-graph";
import { createWorkbench } from "./workbench/workbench";

const HEALTH_EVERY_MS = 30_000;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}

const api = createApiClient();

const legendRoot = byId("legend");
const panelRoot = byId("details-panel");
const canvasRoot = byId("graph");
const statusRoot = byId("status");
/** The minimap and the paths panel, once created. */
const floatingPanels: HTMLElement[] = [];
// Fitting keeps nodes out from under the legend, the status line (room for longer messages), the panels and the minimap.
const overlays = () =>
  measureOverlays(canvasRoot, {
    sheet: panelRoot,
    floating: [
      { element: legendRoot, marginX: 8, marginY: 8 },
      { element: statusRoot, marginX: 90, marginY: 6 },
      ...floatingPanels.map((element) => ({ element, marginX: 8, marginY: 8 })),
    ],
  });
const canvas = createCanvas(canvasRoot, overlays);
const status = createStatusLine(statusRoot);
window.cy = canvas.cy;
const counts = byId("counts");
const filters = createCanvasFilters(canvas.cy);

/** One undo step: the canvas, and what the explorer, the filters, the layout picker and the time bar remember. */
interface ViewSnapshot {
  canvas: CanvasSnapshot;
  explorer: ExplorerMemory;
  filters: ViewFilters;
  layout: string;
  asOf: AsOfMemory;
}
const history = createViewHistory<ViewSnapshot>({
  capture: () => ({
    canvas: captureCanvas(canvas.cy),
    explorer: explorer.memory(),
    filters: filters.current(),
    layout: currentLayout(),
    asOf: asOf.memory(),
  }),
  restore: (snapshot) => {
    restoreCanvas(canvas.cy, snapshot.canvas);
    explorer.recall(snapshot.explorer);
    asOf.recall(snapshot.asOf);
    filters.set(snapshot.filters);
    setLayout(snapshot.layout);
    canvasChanged();
  },
});
const explorer = createExplorerActions({
  cy: canvas.cy,
  history,
  tell: (message) => status.info(message),
  changed: () => canvasChanged(),
});
bindHideKey(canvas.cy, explorer);
const asOf = createAsOfController({
  canvas,
  getGraph: (query) => api.getGraph(undefined, query),
  checkpoint: (label) => history.checkpoint(label),
  hiddenIds: () => new Set(explorer.memory().hidden.map((element) => String(element.data.id))),
  changed: () => {
    // Summaries changed with the day: the claim filters judge them again.
    filters.set(filters.current());
    canvasChanged();
  },
  tell: (message) => status.info(message),
  fail: (doing, error) => report(doing)(error),
});

function canvasChanged(): void {
  refreshCounts();
  queryTrail.edited();
}

function changeFilters(next: ViewFilters, label: string, message: string): void {
  history.checkpoint(label);
  filters.set(next);
  status.info(`${message} · Ctrl+Z to undo`);
}

const FILTER_KEYS = { label: "hiddenLabels", type: "hiddenTypes", certainty: "hiddenCertainties" } as const;
const legend = createLegend(legendRoot, {
  toggle: (kind, value) => {
    const key = FILTER_KEYS[kind];
    const hiding = !(filters.current()[key] as readonly string[]).includes(value);
    const what = kind === "label" ? `${value} nodes` : `${value} relationships`;
    changeFilters(
      toggled(filters.current(), key, value as never),
      `${hiding ? "Hide" : "Show"} ${what}`,
      `${hiding ? "Hid" : "Showing"} ${what}`,
    );
  },
  setClaimFilter: (key, value) => {
    const { label, message } = describeClaimFilter(key, value);
    changeFilters(withClaimFilter(filters.current(), key, value), label, message);
  },
  pickSource: (id) => {
    const caption = id ? (canvas.nodeCaption(id) ?? id) : null;
    changeFilters(
      { ...filters.current(), source: id },
      caption ? `Only ${caption}` : "Every source",
      caption ? `Showing only what ${caption} says` : "Showing every source",
    );
  },
  showAll: () => changeFilters(NO_FILTERS, "Show all", "Showing everything on the canvas"),
});
filters.onChange(() => refreshCounts());
const healthRoot = byId("health");

const report = (doing: string) => (error: unknown) => {
  if (!isAbortError(error)) status.error(describeError(error, doing));
};
window.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  report("Unexpected error")(event.reason);
});

function refreshCounts(): void {
  const current = canvas.counts();
  const shown = canvas.cy.elements().not(`.${FILTERED_CLASS}`);
  const ofTotal = (visible: number, total: number) =>
    visible === total ? "" : `${visible.toLocaleString("en-US")} of `;
  counts.textContent =
    `${ofTotal(shown.nodes().length, current.nodes)}${plural(current.nodes, "node")} · ` +
    `${ofTotal(shown.edges().length, current.edges)}${plural(current.edges, "relationship")}`;
  legend.update(tallyCanvas(canvas.cy), filters.current());
  asOf.noteDays();
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
}

function addedMessage(nodes: number, edges: number, truncated: boolean): string {
  if (nodes === 0 && edges === 0)
    return truncated ? "Nothing new to add (the answer was capped)" : "Nothing new to add";
  return `Added ${plural(nodes, "node")}, ${plural(edges, "relationship")}${truncated ? " (capped by the server)" : ""}`;
}

/** Adds a node's relationship and its other end to the canvas if missing, then selects the relationship. */
function openRelationship(from: string, edge: GraphEdge, other: GraphNode | undefined): void {
  if (!canvas.has(edge.data.id)) {
    history.checkpoint(`Open ${edge.data.caption}`);
    const added = canvas.addGraph({ nodes: other ? [other] : [], edges: [edge] }, { kind: "near", id: from });
    refreshCounts();
    queryTrail.edited();
    if (added.nodes + added.edges > 0) status.info(addedMessage(added.nodes, added.edges, false));
  }
  canvas.select(edge.data.id);
}

let selectedNodeId: string | null = null;
const queryTrail = createQueryTrail();
const panel = createDetailsPanel(panelRoot, {
  nodeCaption: (id) => canvas.nodeCaption(id),
  focus: (id) => {
    canvas.select(id);
    canvas.centreOn(id);
  },
  openRelationship: (edge, other) => {
    if (selectedNodeId) openRelationship(selectedNodeId, edge, other);
  },
  expand: (id) => void expand(id),
  showClaims: (id) => void showClaims(id),
  close: () => canvas.clearSelection(),
});

async function showSelection(selection: CanvasSelection | null): Promise<void> {
  selectedNodeId = selection?.kind === "node" ? selection.data.id : null;
  if (!selection) return panel.clear();
  if (selection.kind === "edge") {
    panel.showEdge(selection.data);
    return showEdgeClaims(selection.data);
  }
  const { id } = selection.data;
  panel.showNode(selection.data);
  canvas.keepVisible(id);
  try {
    panel.showRelationships(id, await api.getNode(id));
  } catch (error) {
    panel.showRelationshipsError(id, describeError(error));
    report(`Loading ${selection.data.display}`)(error);
  }
}

/** The claims behind a relationship built from claims, into the panel once they arrive. */
async function showEdgeClaims(data: EdgeData): Promise<void> {
  const id = relationshipClaimsId(data);
  if (id === undefined) return;
  try {
    const claims = await api.getRelationshipClaims(id);
    panel.showClaims(data.id, claims, asOf.current().knownAt);
  } catch (error) {
    panel.showClaimsError(data.id, describeError(error));
  }
}

/** Puts what an expansion fetched next to its origin, as one undo step when anything is new. */
function addExpansion(id: string, graph: Graph): void {
  const name = canvas.nodeCaption(id) ?? id;
  const fresh = graph.nodes.map((node) => node.data.id).filter((other) => !canvas.has(other));
  if (fresh.length > 0 || graph.edges.some((edge) => !canvas.has(edge.data.id))) history.checkpoint(`Expand ${name}`);
  const added = canvas.addGraph(graph, { kind: "near", id });
  explorer.recordExpansion(id, fresh);
  refreshCounts();
  if (added.nodes + added.edges > 0) queryTrail.edited();
  status.info(addedMessage(added.nodes, added.edges, graph.truncated));
}

const cap = expansionCap(browserStorage());
const expander = createNodeExpander({
  api,
  cap: () => cap.get(),
  ask: (question) => askSupernode(question),
  caption: (id) => canvas.nodeCaption(id) ?? id,
  add: addExpansion,
  progress: (message) => status.info(message),
  fail: (doing, error) => report(doing)(error),
});
const expand = (id: string) => expander.expand(id);

async function reveal(node: GraphNode): Promise<void> {
  const { id } = node.data;
  if (!canvas.has(id)) {
    history.checkpoint(`Add ${node.data.caption}`);
    canvas.addGraph({ nodes: [node], edges: [] }, { kind: "centre" });
    refreshCounts();
    queryTrail.edited();
    status.info(`Added ${node.data.caption} to the canvas`);
    try {
      // Link the newcomer to what is already drawn; nodes that are not drawn stay out.
      const neighbourhood = await api.getNeighbours(id);
      canvas.addGraph({ nodes: [], edges: neighbourhood.edges }, { kind: "near", id });
      refreshCounts();
    } catch (error) {
      report(`Linking ${node.data.caption}`)(error);
    }
  }
  canvas.select(id);
  canvas.centreOn(id);
}

/** Draws the relationships a Source vouches for, near it, as one undo step. */
async function showClaims(sourceId: string): Promise<void> {
  let name = canvas.nodeCaption(sourceId) ?? sourceId;
  status.info(`Loading what ${name} claims…`);
  try {
    const graph = await api.getSourceClaims(sourceId);
    name = graph.nodes.find((node) => node.data.id === sourceId)?.data.caption ?? name;
    const claims = plural(graph.edges.length, "claim");
    if (graph.edges.every((edge) => canvas.has(edge.data.id))) {
      status.info(`${name} makes ${claims}: all are on the canvas already`);
      return;
    }
    history.checkpoint(`Claims of ${name}`);
    const added = canvas.addGraph(graph, canvas.has(sourceId) ? { kind: "near", id: sourceId } : { kind: "centre" });
    canvasChanged();
    status.info(
      `${name} makes ${claims}${graph.truncated ? " (capped by the server)" : ""}: ` +
        `added ${plural(added.edges, "relationship")} and ${plural(added.nodes, "node")} · Ctrl+Z to undo`,
    );
  } catch (error) {
    report(`Loading what ${name} claims`)(error);
  }
}

const currentViewState = (): ViewState => ({
  ...captureViewState(canvas.cy, {
    filters: filters.current(),
    layout: currentLayout(),
    hiddenEdges: explorer.hiddenEdgesBetweenShown(),
  }),
  ...asOf.current(),
});
const urlSync = syncViewToUrl(canvas.cy, currentViewState);
filters.onChange(() => urlSync.changed());

/**
 * Replaces the canvas with a view (from a link or a saved view): its nodes as they are in the graph now,
 * at its positions, with its filters, layout and viewport. `label` makes it an undo step. Returns the
 * ids that no longer exist; throws when none of the view's nodes does.
 */
async function openView(state: ViewState, label: string | null): Promise<string[]> {
  const found = await api.lookupNodes(state.nodes.map((node) => node.id));
  if (found.graph.nodes.length === 0 && state.nodes.length > 0)
    throw new ViewLinkError(`None of the view's ${plural(state.nodes.length, "node")} exists any more.`);
  const drawAsOf = await asOf.prepare(asOfOfView(state));
  if (label) history.checkpoint(label);
  const opened = drawViewState(canvas, state, found);
  explorer.recall({ hidden: opened.hiddenEdges, expansions: [] });
  drawAsOf();
  filters.set(state.filters);
  setLayout(state.layout);
  if (state.viewport)
    canvas.cy.viewport({ zoom: state.viewport.zoom, pan: { x: state.viewport.x, y: state.viewport.y } });
  else canvas.fitAll();
  if (state.selected) canvas.select(state.selected);
  canvasChanged();
  return opened.missing;
}

function missingNotice(missing: readonly string[]): string {
  const shown = missing.slice(0, 5).join(", ");
  const more = missing.length > 5 ? ` and ${missing.length - 5} more` : "";
  const count =
    missing.length === 1
      ? "1 node of this view no longer exists"
      : `${missing.length} nodes of this view no longer exist`;
  return `${count}: ${shown}${more}. The rest is shown.`;
}

/** Why the link's view could not be opened, shown once the default graph is drawn. */
let linkProblem: string | null = null;

/** Opens the view the URL names; false (with the reason shown) when there is none or it cannot be opened. */
async function openLinkedView(): Promise<boolean> {
  if (!hasViewState(location.hash)) return false;
  status.info("Opening the shared view…");
  try {
    const state = await decodeViewState(location.hash);
    const missing = await openView(state, null);
    if (missing.length > 0) status.error(missingNotice(missing));
    else status.info(`Opened the shared view: ${plural(state.nodes.length, "node")}`);
    return true;
  } catch (error) {
    const reason = error instanceof ViewLinkError ? error.message : describeError(error);
    linkProblem = `This link's view could not be opened. ${reason} Showing the whole graph instead.`;
    return false;
  }
}

// A link pasted into this tab's address bar: open it as a step that Ctrl+Z takes back.
window.addEventListener("hashchange", () => {
  if (!hasViewState(location.hash)) return;
  decodeViewState(location.hash)
    .then((state) => openView(state, "Open shared view"))
    .then((missing) =>
      missing.length > 0
        ? status.error(missingNotice(missing))
        : status.info("Opened the shared view · Ctrl+Z to go back"),
    )
    .catch((error: unknown) =>
      status.error(
        `This link's view could not be opened. ${error instanceof ViewLinkError ? error.message : describeError(error)}`,
      ),
    );
});

async function start(): Promise<void> {
  const opened = await openLinkedView();
  if (opened) document.body.dataset.graphState = "ready";
  else await loadGraph();
  if (linkProblem) status.error(linkProblem);
  urlSync.start();
}

createSavedViewsPanel(byId<HTMLButtonElement>("views-button"), byId("views-panel"), {
  list: () => api.listViews(),
  save: (name) => api.saveView({ name, state: currentViewState() }),
  open: async (summary) => {
    const saved = await api.getView(summary.id);
    const missing = await openView(saved.state, `Open view “${saved.name}”`);
    if (missing.length > 0) status.error(missingNotice(missing));
    else status.info(`Opened the view “${saved.name}” · Ctrl+Z to go back`);
  },
  remove: (summary) => api.deleteView(summary.id),
  tell: (message) => status.info(message),
  fail: (doing, error) => report(doing)(error),
});

async function checkHealth(): Promise<void> {
  try {
    renderHealth(healthRoot, await api.getHealth());
  } catch (error) {
    renderHealth(healthRoot, { unreachable: describeError(error) });
  }
}

async function loadGraph(): Promise<void> {
  status.info("Loading graph…");
  try {
    const graph = await api.getGraph();
    canvas.addGraph(graph, { kind: "layout" });
    refreshCounts();
    await canvas.runLayout({ randomize: true, animate: false });
    status.info(
      `Loaded ${plural(graph.nodes.length, "node")}, ${plural(graph.edges.length, "relationship")}` +
        (graph.truncated ? " (capped by the server)" : ""),
    );
    document.body.dataset.graphState = "ready";
  } catch (error) {
    document.body.dataset.graphState = "error";
    report("Loading the graph")(error);
  }
}

canvas.onSelectionChange((selection) => void showSelection(selection));
canvas.onNodeDoubleTap((id) => void expand(id));

createSearchBox(byId<HTMLInputElement>("search-input"), byId("search-hits"), {
  search: async (text, signal) => (await api.search(text, 12, signal)).hits,
  pick: (hit) => void reveal(hit.node),
  fail: report("Searching"),
});

bindHistoryControls(history, byId("undo-button"), byId("redo-button"), (message) => status.info(message));
byId("fit-button").addEventListener("click", () => canvas.fitAll());
createLayoutPicker(byId<HTMLSelectElement>("layout-picker"), byId<HTMLButtonElement>("relayout-button"), {
  run: createLayoutRunner({
    cy: canvas.cy,
    tunedForceLayout: (request) => canvas.runLayout(request),
    fitAll: () => canvas.fitAll(),
    checkpoint: (label) => history.checkpoint(label),
    tell: (message) => status.info(message),
  }).run,
  fail: report("Laying out"),
});

createThemeSwitch(byId<HTMLButtonElement>("theme-button"), browserStorage(), (theme) => canvas.setTheme(theme));
createHelpOverlay(byId<HTMLButtonElement>("help-button"), cap);
floatingPanels.push(createMinimap(canvasRoot.parentElement ?? document.body, canvas.cy, browserStorage()));
(canvasRoot.parentElement ?? document.body).append(asOf.element);
floatingPanels.push(asOf.element);

const sourceNames = new Map<string, Promise<string>>();
const sourceName = (id: string): Promise<string> => {
  const onCanvas = canvas.nodeCaption(id);
  if (onCanvas !== undefined) return Promise.resolve(onCanvas);
  let known = sourceNames.get(id);
  if (!known) {
    known = api.getNode(id).then(
      (details) => details.node.data.caption,
      () => id,
    );
    sourceNames.set(id, known);
  }
  return known;
};
const pathFinder = createPathFinder({
  cy: canvas.cy,
  host: canvasRoot.parentElement ?? document.body,
  getPaths: (query) => api.getPaths(query),
  caption: (id) => canvas.nodeCaption(id) ?? id,
  add: (graph, near, label) => {
    if (
      graph.nodes.some((node) => !canvas.has(node.data.id)) ||
      graph.edges.some((edge) => !canvas.has(edge.data.id))
    ) {
      history.checkpoint(label);
      canvas.addGraph(graph, { kind: "near", id: near });
      canvasChanged();
    }
  },
  selectEdge: (id) => canvas.select(id),
  sourceNames: (ids) => Promise.all(ids.map(sourceName)),
  tell: (message) => status.info(message),
  fail: (doing, error) => report(doing)(error),
});
floatingPanels.push(pathFinder.panel);

attachNodeMenu({
  cy: canvas.cy,
  menu: createContextMenu(),
  getExpansions: (id) => api.getExpansions(id),
  expand: (id, filter, count) => void expander.expand(id, filter, count),
  actions: {
    hide: (ids) => explorer.hide(ids),
    focus: (ids) => explorer.focus(ids),
    togglePin: (id) => explorer.togglePin(id),
    isPinned: (id) => explorer.isPinned(id),
    canCollapse: (id) => explorer.canCollapse(id),
    collapse: (id) => explorer.collapse(id),
    findPathsFrom: (id) => pathFinder.pickTargetFrom(id),
  },
});

let legendWasOpen = true;
createWorkbench(byId("workbench"), byId("workbench-toggle"), {
  api,
  storage: browserStorage(),
  showGraph: async (graph, mode, run) => {
    // Merging into an empty canvas draws the result alone, as replacing does.
    const drawn = canvas.counts().nodes === 0 ? "replace" : mode;
    if (graph.nodes.length + graph.edges.length > 0) history.checkpoint("Draw query result");
    try {
      const note = await drawResultGraph(canvas, graph, mode);
      if (graph.nodes.length > 0) {
        queryTrail.drew(run, drawn);
        status.info(`Query result: ${note}`);
      }
      return note;
    } finally {
      refreshCounts();
    }
  },
  focusNode: (id) => {
    if (!canvas.has(id)) {
      status.info("That node is not on the canvas any more: run the query again to draw it");
      return;
    }
    canvas.select(id);
    canvas.centreOn(id);
  },
  // The canvas shrank or grew with the drawer: fold the legend meanwhile, show the whole graph in what is left.
  onToggle: (open) => {
    if (open) {
      legendWasOpen = legend.isOpen();
      legend.setOpen(false);
    } else legend.setOpen(legendWasOpen);
    canvas.cy.resize();
    canvas.fitAll();
  },
});

createExportMenu(
  byId<HTMLButtonElement>("export-button"),
  byId("export-menu"),
  createExporter({
    canvas: canvas.exports,
    context: async () => {
      const caption = selectedNodeId ? canvas.nodeCaption(selectedNodeId) : undefined;
      const selected = selectedNodeId && caption !== undefined ? { id: selectedNodeId, caption } : null;
      return {
        query: queryTrail.current(),
        selected,
        neighbourhood: selected ? isNeighbourhood(canvas.exports.visibleGraph("whole"), selected.id) : false,
        // Encoded now: the address bar follows the view only once changes settle (url-sync.ts), so
        // an export made right after a change would otherwise cite the view before it.
        href: `${location.origin}${location.pathname}${location.search}#${await encodeViewState(currentViewState())}`,
      };
    },
    fetchSources: async (ids) => {
      const found = await Promise.all(
        ids.map((id) =>
          api.getNode(id).then(
            (details) => details.node,
            () => null,
          ),
        ),
      );
      return found.filter((node) => node !== null);
    },
    notify: (message) => status.info(message),
    fail: (doing, error) => report(doing)(error),
  }),
);

refreshCounts();
void checkHealth();
setInterval(() => void checkHealth(), HEALTH_EVERY_MS);
void start();
