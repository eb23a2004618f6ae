import "./styles.css";
import { createAccountsClient } from "./api/accounts-client";
import { createApiClient } from "./api/api-client";
import { createDraftsClient } from "./api/drafts-client";
import { createTimelineClient } from "./api/timeline-client";
import { createAccountMenu } from "./auth/account-menu";
import { createCanvas } from "./canvas/create-canvas";
import { enableKeyboardWalk } from "./canvas/keyboard-walk";
import { pageOverlays } from "./canvas/measure-overlays";
import { createCanvasAnnouncer } from "./chrome/canvas-announcer";
import { createHelpOverlay } from "./chrome/help-overlay";
import { createLayoutPicker } from "./chrome/layout-picker";
import { createMinimap } from "./chrome/minimap";
import { createThemeSwitch } from "./chrome/theme-switch";
import { createTopbarMenu } from "./chrome/topbar-menu";
import { createAsOfController } from "./claims/as-of-controller";
import { createAsOfReadAhead } from "./claims/as-of-read-ahead";
import { oncePerTask } from "./dom/once-per-task";
import { oneOpenAtATime } from "./dom/one-open-at-a-time";
import { expansionCap } from "./expand/expansion-cap";
import { askSupernode } from "./expand/guard-dialog";
import { createNodeExpander } from "./expand/node-expander";
import { addExpansion, addPath, openRelationship } from "./explorer/add-commands";
import { bindHideKey, followDrags, hide } from "./explorer/canvas-commands";
import { tallyCanvas } from "./explorer/canvas-tally";
import { createExplorer } from "./explorer/create-explorer";
import { createFetchingSteps } from "./explorer/fetching-steps";
import { bindHistoryControls } from "./explorer/history-controls";
import { chooseLayout, filterHandlers } from "./explorer/view-commands";
import { downloadFile } from "./export/create-exporter";
import { createExportControls } from "./export/export-controls";
import { createQueryTrail } from "./export/query-trail";
import { createContextMenu } from "./menu/context-menu";
import { attachNodeMenu, menuActions } from "./menu/node-menu";
import { createDetails } from "./panels/details/create-details";
import { createLegend } from "./panels/legend/legend";
import { canvasCounts } from "./panels/status/canvas-counts";
import { describeError } from "./panels/status/describe-error";
import { watchHealth } from "./panels/status/health-indicator";
import { createStatusLine } from "./panels/status/status-line";
import { createPathFinder } from "./paths/path-finder";
import { createSourceNames } from "./paths/source-names";
import { createSearchBox } from "./search/search-box";
import { canvasBesideSheet } from "./sources/canvas-beside-sheet";
import { browserReaders } from "./sources/intake/browser-readers";
import { createIntake } from "./sources/intake/intake";
import { BUILT_IN_PREDICATES } from "./sources/intake/review-page";
import { showCommitted } from "./sources/intake/show-committed";
import { draftWriteRefusal } from "./sources/intake/write-refusal";
import { revealRelationship } from "./sources/reveal-relationship";
import { createSourcesView } from "./sources/sources-view";
import { createChangesPanel, markChange } from "./timeline/changes-panel";
import { createTimelineController } from "./timeline/timeline-controller";
import { createWatchMenu } from "./timeline/watch-menu";
import { createViews } from "./views/create-views";
import { createVocabularyEditor } from "./vocabulary/vocabulary-editor";
import { browserStorage } from "./workbench/browser-storage";
import { workbenchCanvas } from "./workbench/results/workbench-canvas";
import { createWorkbench } from "./workbench/workbench";

// The composition root: it creates the parts and wires them; what each step does lives in explorer/ and the features.
const HEALTH_EVERY_MS = 30_000;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}

const api = createApiClient();
const accounts = createAccountsClient();
// Who is signed in (accounts mode), asked once: the account menu and the article workspace read it.
const whoAmI = accounts.me().catch(() => null);
const legendRoot = byId("legend");
const panelRoot = byId("details-panel");
const canvasRoot = byId("graph");
const statusRoot = byId("status");
const host = canvasRoot.parentElement ?? document.body;
const floating: HTMLElement[] = [];
const overlays = pageOverlays(canvasRoot, { sheet: panelRoot, legend: legendRoot, status: statusRoot, floating });
const canvas = createCanvas(canvasRoot, overlays);
const status = createStatusLine(statusRoot);
window.cy = canvas.cy;
const tell = (message: string) => status.info(message);
const fail = status.fail;
window.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  fail("Unexpected error", event.reason);
});

const queryTrail = createQueryTrail();
const explorer = createExplorer({
  canvas,
  changed: (edited) => {
    refreshCounts();
    if (edited) queryTrail.edited();
  },
  tell,
});
const { state, apply, history } = explorer;
followDrags(canvas.cy, apply);
bindHideKey(canvas.cy, (ids) => apply(hide(ids)));
// The days the timeline is about to show, read while the analyst looks at this one.
const asOfGraphs = createAsOfReadAhead((query) => api.getGraph(undefined, query));
const asOf = createAsOfController({
  canvas,
  getGraph: asOfGraphs.get,
  state,
  apply,
  // Summaries changed with the day: the claim filters judge them again.
  changed: () => state.setFilters(state.filters()),
  tell,
  fail,
});

// The story over time: the timeline strip under the canvas, what changed between two days, the watches.
const timelineClient = createTimelineClient();
const showChange = (change: Parameters<typeof markChange>[1]) => {
  const ids = markChange(canvas.cy, change);
  if (ids.length > 0) canvas.fitElements(ids);
};
const changes = createChangesPanel({
  client: timelineClient,
  cy: canvas.cy,
  articles: () => timeline.articles(),
  axis: () => asOf.mode(),
  fitElements: (ids) => canvas.fitElements(ids),
  download: downloadFile,
  fail,
});
const timeline = createTimelineController({
  client: timelineClient,
  asOf,
  state,
  cy: canvas.cy,
  host,
  compare: (range) => void changes.compare(range.from, range.to),
  readAhead: asOfGraphs.readAhead,
  fail,
});
const watches = createWatchMenu({ client: timelineClient, pick: showChange, fail });

const legend = createLegend(legendRoot, filterHandlers(apply));
state.onFiltersChange(() => refreshCounts());
const counts = byId("counts");
// Once per task, however many changes ask for it: a timeline step asked twice (the claim filters
// judged again, then the step's own refresh), each reading every element of the canvas.
const refreshCounts = oncePerTask(() => {
  counts.textContent = canvasCounts(canvas);
  legend.update(tallyCanvas(canvas.cy), state.filters());
  asOf.noteDays();
  timeline.sync();
});

const steps = createFetchingSteps({ explorer, api, tell, fail });
const cap = expansionCap(browserStorage());
const expander = createNodeExpander({
  api,
  cap: () => cap.get(),
  ask: (question) => askSupernode(question),
  caption: (id) => canvas.nodeCaption(id) ?? id,
  add: (id, graph) => apply(addExpansion(id, graph)),
  offer: (label, run) => status.offer(label, run),
  progress: tell,
  fail,
});

createDetails(panelRoot, {
  canvas,
  api,
  selectedNode: () => state.selectedNode(),
  openRelationship: (from, edge, other) => apply(openRelationship(from, edge, other)),
  expand: (id) => void expander.expand(id),
  showClaims: (id) => void steps.showClaims(id),
  readInContext: (articleId, claimId) => void sources.openArticle(articleId, claimId),
  knownAt: () => state.asOf().knownAt,
  watchButton: (kind, target, name) => watches.watchButton(kind, target, name),
  fail,
});
canvas.onNodeDoubleTap((id) => void expander.expand(id));
enableKeyboardWalk(canvas.cy, canvasRoot, {
  select: (id) => canvas.select(id),
  keepVisible: (id) => canvas.keepVisible(id),
  openDetails: () => panelRoot.querySelector<HTMLElement>("button, a[href], [tabindex='0']")?.focus(),
  announce: createCanvasAnnouncer(canvasRoot),
});

const sources = createSourcesView({
  root: byId("sources"),
  button: byId<HTMLButtonElement>("sources-button"),
  api,
  drawn: (id) => canvas.has(id),
  reveal: (id, graph, caption) => apply(revealRelationship(id, graph, caption)),
  fail,
  sheetToggled: canvasBesideSheet(canvas.cy, legend, () => canvas.fitAll()),
});
canvas.onSelectionChange((selection) =>
  sources.showRelationship(selection?.kind === "edge" ? selection.data.id : null),
);

// The review's predicate suggestions: the vocabulary, built-in and added types, kept fresh by its editor.
let predicateNames: readonly string[] = BUILT_IN_PREDICATES;
const learnVocabulary = (types: readonly { name: string }[]) => {
  predicateNames = types.map((type) => type.name);
};
void api.listVocabulary().then(learnVocabulary, () => undefined);

// Sources → New article: paste or drop an article, review the proposed claims, commit them.
const intake = createIntake({
  drafts: createDraftsClient(),
  readers: browserReaders,
  search: (text, signal) => api.search(text, 8, signal),
  predicates: () => predicateNames,
  showOnCanvas: async (answer) => {
    const { graph } = await api.lookupNodes(answer.nodeIds);
    apply(showCommitted(graph, answer.relationshipIds));
    void watches.refresh();
    if (timeline.strip.isOpen()) void timeline.reload();
  },
  committed: () => {
    // Claims committed: any day's graph may have changed.
    asOfGraphs.clear();
    sources.refresh();
  },
  writeRefusal: async () => draftWriteRefusal(await whoAmI),
});
sources.addToolbarAction(intake.button);

const opener = createViews({
  button: byId<HTMLButtonElement>("views-button"),
  panel: byId("views-panel"),
  apply,
  api,
  viewState: () => state.viewState(),
  prepareAsOf: (query) => asOf.prepare(query),
  watchButton: (id, name) => watches.watchButton("view", id, name),
  tell,
  warn: (message) => status.error(message),
  fail,
});

createSearchBox(byId<HTMLInputElement>("search-input"), byId("search-hits"), {
  search: (text, signal) => api.search(text, 12, signal),
  pick: (hit) => void steps.reveal(hit.node),
  fail: (error) => fail("Searching", error),
});
bindHistoryControls(history, byId("undo-button"), byId("redo-button"), tell);
byId("fit-button").addEventListener("click", () => canvas.fitAll());
createLayoutPicker(byId<HTMLSelectElement>("layout-picker"), byId<HTMLButtonElement>("relayout-button"), {
  cy: canvas.cy,
  tunedForceLayout: (request) => canvas.runLayout(request),
  fitAll: () => canvas.fitAll(),
  current: () => state.layout(),
  choose: (name) => apply(chooseLayout(name)),
  tell,
  onLayoutChange: (listener) => state.onLayoutChange(listener),
  fail: (error) => fail("Laying out", error),
});
createThemeSwitch(byId<HTMLButtonElement>("theme-button"), browserStorage(), (theme) => canvas.setTheme(theme));
createHelpOverlay(byId<HTMLButtonElement>("help-button"), cap);
createTopbarMenu(byId("topbar"), byId<HTMLButtonElement>("topbar-more"), byId("topbar-tools"));
const vocabularyEditor = createVocabularyEditor({
  button: byId<HTMLButtonElement>("vocabulary-button"),
  api,
  tell,
  onChange: learnVocabulary,
});
sources.addToolbarAction(vocabularyEditor.toolbarButton);
// The Changes badge and the account menu stay in sight at the bar's end, never folded into "More".
counts.before(watches.element);
const topbarEnd = document.querySelector<HTMLElement>(".topbar .topbar-end");
if (topbarEnd) void createAccountMenu(topbarEnd, accounts, whoAmI);
host.append(asOf.element, timeline.strip.element, changes.element);
floating.push(createMinimap(host, canvas.cy, browserStorage()), asOf.element, changes.element);
void watches.refresh();

const pathFinder = createPathFinder({
  cy: canvas.cy,
  host,
  getPaths: (query) => api.getPaths(query),
  caption: (id) => canvas.nodeCaption(id) ?? id,
  add: (graph, near, label) => apply(addPath(graph, near, label)),
  selectEdge: (id) => canvas.select(id),
  fitPath: (ids) => canvas.fitElements(ids),
  sourceNames: createSourceNames(canvas.nodeCaption, (id) => api.getNode(id)),
  tell,
  untell: (message) => {
    if (statusRoot.textContent === message) status.clear();
  },
  fail,
});
floating.push(pathFinder.panel);
// The left-hand panels share the legend's place: opening one closes the other.
oneOpenAtATime([{ element: pathFinder.panel, close: pathFinder.close }, changes]);
attachNodeMenu({
  cy: canvas.cy,
  menu: createContextMenu(),
  getExpansions: (id) => api.getExpansions(id),
  expand: (id, filter, count) => void expander.expand(id, filter, count),
  actions: menuActions(explorer, apply, (id) => pathFinder.pickTargetFrom(id)),
});

createWorkbench(byId("workbench"), byId("workbench-toggle"), {
  api,
  storage: browserStorage(),
  ...workbenchCanvas({ apply, canvas, trail: queryTrail, legend, tell, refresh: refreshCounts }),
});

createExportControls(byId<HTMLButtonElement>("export-button"), byId("export-menu"), {
  canvas: canvas.exports,
  trail: queryTrail,
  selectedNode: () => state.selectedNode(),
  caption: (id) => canvas.nodeCaption(id),
  viewState: () => state.viewState(),
  api,
  getNode: (id) => api.getNode(id),
  tell,
  fail,
});

watchHealth(byId("health"), () => api.getHealth(), describeError, HEALTH_EVERY_MS);
refreshCounts();
void (async () => {
  const opened = await opener.openLinked();
  if (opened) document.body.dataset.graphState = "ready";
  else await steps.loadGraph();
  const problem = opener.problem();
  if (problem) status.error(problem);
  explorer.urlSync.start();
  await sources.openFromUrl();
})();
