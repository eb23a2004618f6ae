import "./styles.css";
import type { GraphEdge, GraphNode } from "../../contract/graph-contract";
import { createApiClient } from "./api/api-client";
import { isAbortError } from "./api/api-request-error";
import { type CanvasSelection, createCanvas } from "./canvas/create-canvas";
import { measureOverlays } from "./dom/measure-overlays";
import { createExporter } from "./export/create-exporter";
import { isNeighbourhood } from "./export/describe-export";
import { createExportMenu } from "./export/export-menu";
import { createQueryTrail } from "./export/query-trail";
import { createLegend } from "./legend/legend";
import { createDetailsPanel } from "./panel/details-panel";
import { createSearchBox } from "./search/search-box";
import { describeError } from "./status/describe-error";
import { renderHealth } from "./status/health-indicator";
import { createStatusLine } from "./status/status-line";
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
// Fitting keeps nodes out from under the legend, the status line (room for longer messages) and the panel.
const overlays = () =>
  measureOverlays(canvasRoot, {
    sheet: panelRoot,
    floating: [
      { element: legendRoot, marginX: 8, marginY: 8 },
      { element: statusRoot, marginX: 90, marginY: 6 },
    ],
  });
const canvas = createCanvas(canvasRoot, overlays);
const status = createStatusLine(statusRoot);
window.cy = canvas.cy;
const legend = createLegend(legendRoot);
const counts = byId("counts");
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
  counts.textContent = `${plural(current.nodes, "node")} · ${plural(current.edges, "relationship")}`;
  legend.update(current.byLabel);
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
  close: () => canvas.clearSelection(),
});

async function showSelection(selection: CanvasSelection | null): Promise<void> {
  selectedNodeId = selection?.kind === "node" ? selection.data.id : null;
  if (!selection) return panel.clear();
  if (selection.kind === "edge") return panel.showEdge(selection.data);
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

const expanding = new Set<string>();
async function expand(id: string): Promise<void> {
  if (expanding.has(id)) return;
  expanding.add(id);
  const name = canvas.nodeCaption(id) ?? id;
  status.info(`Expanding ${name}…`);
  try {
    const graph = await api.getNeighbours(id);
    const added = canvas.addGraph(graph, { kind: "near", id });
    refreshCounts();
    if (added.nodes + added.edges > 0) queryTrail.edited();
    status.info(addedMessage(added.nodes, added.edges, graph.truncated));
  } catch (error) {
    report(`Expanding ${name}`)(error);
  } finally {
    expanding.delete(id);
  }
}

async function reveal(node: GraphNode): Promise<void> {
  const { id } = node.data;
  if (!canvas.has(id)) {
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

byId("fit-button").addEventListener("click", () => canvas.fitAll());
const relayout = byId<HTMLButtonElement>("relayout-button");
relayout.addEventListener("click", () => {
  relayout.disabled = true;
  canvas
    .runLayout({ randomize: true, animate: true })
    .catch(report("Re-layout"))
    .finally(() => {
      relayout.disabled = false;
    });
});

let legendWasOpen = true;
createWorkbench(byId("workbench"), byId("workbench-toggle"), {
  api,
  storage: browserStorage(),
  showGraph: async (graph, mode, run) => {
    // Merging into an empty canvas draws the result alone, as replacing does.
    const drawn = canvas.counts().nodes === 0 ? "replace" : mode;
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
    context: () => {
      const caption = selectedNodeId ? canvas.nodeCaption(selectedNodeId) : undefined;
      const selected = selectedNodeId && caption !== undefined ? { id: selectedNodeId, caption } : null;
      return {
        query: queryTrail.current(),
        selected,
        neighbourhood: selected ? isNeighbourhood(canvas.exports.visibleGraph("whole"), selected.id) : false,
        href: window.location.href,
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
void loadGraph();
