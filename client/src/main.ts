import "./styles.css";
import "./chrome/explore.css";
import "./claims/claims.css";
import { createApiClient } from "./api/api-client";
import { isAbortError } from "./api/api-request-error";
import { createCanvas } from "./canvas/create-canvas";
import { createLayoutRunner } from "./canvas/layouts/layout-runner";
import { createHelpOverlay } from "./chrome/help-overlay";
import { createLayoutPicker } from "./chrome/layout-picker";
import { createMinimap } from "./chrome/minimap";
import { createThemeSwitch } from "./chrome/theme-switch";
import { createAsOfController } from "./claims/as-of-controller";
import { measureOverlays } from "./dom/measure-overlays";
import { addExpansion, addPath, openRelationship } from "./explorer/add-commands";
import { collapse, collapsible, focus, followDrags, hide, togglePin } from "./explorer/canvas-commands";
import { tallyCanvas } from "./explorer/canvas-tally";
import { createExplorer } from "./explorer/create-explorer";
import { createFetchingSteps } from "./explorer/fetching-steps";
import { bindHideKey } from "./explorer/hide-key";
import { bindHistoryControls } from "./explorer/history-controls";
import * as views from "./explorer/view-commands";
import { encodeViewState } from "./explorer/view-url";
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
import { showSelection } from "./panel/follow-selection";
import { createPathFinder } from "./paths/path-finder";
import { createSourceNames } from "./paths/source-names";
import { createSearchBox } from "./search/search-box";
import { canvasCounts } from "./status/canvas-counts";
import { describeError } from "./status/describe-error";
import { renderHealth } from "./status/health-indicator";
import { createStatusLine } from "./status/status-line";
import { createSavedViewsPanel } from "./views/saved-views-panel";
import { createViewOpener } from "./views/view-opener";
import { browserStorage } from "./workbench/browser-storage";
import { createWorkbench } from "./workbench/workbench";

// The composition root: it creates the parts and wires them; what each step does lives in explorer/ and the features.
const HEALTH_EVERY_MS = 30_000;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}

const api = createApiClient();
const [legendRoot, panelRoot, canvasRoot, statusRoot] = ["legend", "details-panel", "graph", "status"].map(byId);
if (!legendRoot || !panelRoot || !canvasRoot || !statusRoot) throw new Error("index.html lacks a region");
const host = canvasRoot.parentElement ?? document.body;
/** The minimap, the time bar and the paths panel, once created. */
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
const tell = (message: string) => status.info(message);
const fail = (doing: string, error: unknown) => {
  if (!isAbortError(error)) status.error(describeError(error, doing));
};
window.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  fail("Unexpected error", event.reason);
});

const queryTrail = createQueryTrail();
const explorer = createExplorer({
  canvas,
  asOf: () => asOf,
  changed: (edited) => {
    refreshCounts();
    if (edited) queryTrail.edited();
  },
  tell,
});
const { state, apply, history } = explorer;
followDrags(canvas.cy, apply);
bindHideKey(canvas.cy, (ids) => apply(hide(ids)));
const asOf = createAsOfController({
  canvas,
  getGraph: (query) => api.getGraph(undefined, query),
  apply,
  hiddenIds: () => new Set(state.hidden.keys()),
  // Summaries changed with the day: the claim filters judge them again.
  changed: () => state.setFilters(state.filters()),
  tell,
  fail,
});

const legend = createLegend(legendRoot, {
  toggle: (kind, value) => apply(views.toggleFilter(kind, value)),
  setClaimFilter: (key, value) => apply(views.setClaimFilter(key, value)),
  pickSource: (id) => apply(views.pickSource(id)),
  showAll: () => apply(views.showAll),
});
state.onFiltersChange(() => refreshCounts());
const counts = byId("counts");
function refreshCounts(): void {
  counts.textContent = canvasCounts(canvas);
  legend.update(tallyCanvas(canvas.cy), state.filters());
  asOf.noteDays();
}

const steps = createFetchingSteps({
  explorer,
  apply,
  getGraph: () => api.getGraph(),
  getNeighbours: (id) => api.getNeighbours(id),
  getSourceClaims: (id) => api.getSourceClaims(id),
  tell,
  fail,
});
const cap = expansionCap(browserStorage());
const expander = createNodeExpander({
  api,
  cap: () => cap.get(),
  ask: (question) => askSupernode(question),
  caption: (id) => canvas.nodeCaption(id) ?? id,
  add: (id, graph) => apply(addExpansion(id, graph)),
  progress: tell,
  fail,
});

const selectedNode = () => {
  const id = state.selected();
  return id !== null && canvas.nodeCaption(id) !== undefined ? id : null;
};
const centre = (id: string) => {
  canvas.select(id);
  canvas.centreOn(id);
};
const panel = createDetailsPanel(panelRoot, {
  nodeCaption: (id) => canvas.nodeCaption(id),
  focus: centre,
  openRelationship: (edge, other) => {
    const from = selectedNode();
    if (from) apply(openRelationship(from, edge, other));
  },
  expand: (id) => void expander.expand(id),
  showClaims: (id) => void steps.showClaims(id),
  close: () => canvas.clearSelection(),
});
canvas.onSelectionChange(
  (selection) =>
    void showSelection(selection, {
      panel,
      getNode: (id) => api.getNode(id),
      getRelationshipClaims: (id) => api.getRelationshipClaims(id),
      knownAt: () => asOf.current().knownAt,
      keepVisible: (id) => canvas.keepVisible(id),
      describeError: (error) => describeError(error),
      fail,
    }),
);
canvas.onNodeDoubleTap((id) => void expander.expand(id));

const opener = createViewOpener({
  apply,
  lookupNodes: (ids) => api.lookupNodes(ids),
  prepareAsOf: (query) => asOf.prepare(query),
  describeError: (error) => describeError(error),
  tell,
  warn: (message) => status.error(message),
});
createSavedViewsPanel(byId<HTMLButtonElement>("views-button"), byId("views-panel"), {
  list: () => api.listViews(),
  save: (name) => api.saveView({ name, state: state.viewState() }),
  open: async (summary) => {
    const saved = await api.getView(summary.id);
    opener.report(
      await opener.open(saved.state, `Open view “${saved.name}”`),
      `Opened the view “${saved.name}” · Ctrl+Z to go back`,
    );
  },
  remove: (summary) => api.deleteView(summary.id),
  tell,
  fail,
});

createSearchBox(byId<HTMLInputElement>("search-input"), byId("search-hits"), {
  search: async (text, signal) => (await api.search(text, 12, signal)).hits,
  pick: (hit) => void steps.reveal(hit.node),
  fail: (error) => fail("Searching", error),
});
bindHistoryControls(history, byId("undo-button"), byId("redo-button"), tell);
byId("fit-button").addEventListener("click", () => canvas.fitAll());
createLayoutPicker(byId<HTMLSelectElement>("layout-picker"), byId<HTMLButtonElement>("relayout-button"), {
  run: createLayoutRunner({
    cy: canvas.cy,
    tunedForceLayout: (request) => canvas.runLayout(request),
    fitAll: () => canvas.fitAll(),
    current: () => state.layout(),
    choose: (name) => apply(views.chooseLayout(name)),
    tell,
  }).run,
  current: () => state.layout(),
  onLayoutChange: (listener) => state.onLayoutChange(listener),
  fail: (error) => fail("Laying out", error),
});
createThemeSwitch(byId<HTMLButtonElement>("theme-button"), browserStorage(), (theme) => canvas.setTheme(theme));
createHelpOverlay(byId<HTMLButtonElement>("help-button"), cap);
floatingPanels.push(createMinimap(host, canvas.cy, browserStorage()));
host.append(asOf.element);
floatingPanels.push(asOf.element);

const pathFinder = createPathFinder({
  cy: canvas.cy,
  host,
  getPaths: (query) => api.getPaths(query),
  caption: (id) => canvas.nodeCaption(id) ?? id,
  add: (graph, near, label) => apply(addPath(graph, near, label)),
  selectEdge: (id) => canvas.select(id),
  sourceNames: createSourceNames(canvas.nodeCaption, (id) => api.getNode(id)),
  tell,
  fail,
});
floatingPanels.push(pathFinder.panel);
attachNodeMenu({
  cy: canvas.cy,
  menu: createContextMenu(),
  getExpansions: (id) => api.getExpansions(id),
  expand: (id, filter, count) => void expander.expand(id, filter, count),
  actions: {
    hide: (ids) => apply(hide(ids)),
    focus: (ids) => apply(focus(ids)),
    togglePin: (id) => apply(togglePin(id)),
    isPinned: (id) => state.isPinned(id),
    canCollapse: (id) => collapsible(explorer, id).length > 0,
    collapse: (id) => apply(collapse(id)),
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
    let note: Promise<string> = Promise.resolve("nothing to draw");
    apply(views.drawResult(graph, mode, (drawing) => (note = drawing)));
    try {
      const words = await note;
      if (graph.nodes.length > 0) {
        queryTrail.drew(run, drawn);
        tell(`Query result: ${words}`);
      }
      return words;
    } finally {
      refreshCounts();
    }
  },
  focusNode: (id) =>
    canvas.has(id) ? centre(id) : tell("That node is not on the canvas any more: run the query again to draw it"),
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
      const id = selectedNode();
      const selected = id ? { id, caption: canvas.nodeCaption(id) ?? id } : null;
      return {
        query: queryTrail.current(),
        selected,
        neighbourhood: selected ? isNeighbourhood(canvas.exports.visibleGraph("whole"), selected.id) : false,
        // Encoded now: the address bar follows the view only once changes settle (url-sync.ts).
        href: `${location.origin}${location.pathname}${location.search}#${await encodeViewState(state.viewState())}`,
      };
    },
    fetchSources: async (ids) =>
      (
        await Promise.all(
          ids.map((id) =>
            api.getNode(id).then(
              (details) => details.node,
              () => null,
            ),
          ),
        )
      ).filter((node) => node !== null),
    notify: tell,
    fail,
  }),
);

async function checkHealth(): Promise<void> {
  try {
    renderHealth(byId("health"), await api.getHealth());
  } catch (error) {
    renderHealth(byId("health"), { unreachable: describeError(error) });
  }
}
refreshCounts();
void checkHealth();
setInterval(() => void checkHealth(), HEALTH_EVERY_MS);
void (async () => {
  const opened = await opener.openLinked();
  if (opened) document.body.dataset.graphState = "ready";
  else await steps.loadGraph();
  const problem = opener.problem();
  if (problem) status.error(problem);
  explorer.urlSync.start();
})();
