import cytoscape, { type Core, type NodeSingular } from "cytoscape";
import fcose from "cytoscape-fcose";
import { CANVAS_PALETTES, type Theme } from "../look/canvas-palette";
import { addElements, type Placement } from "./add-elements";
import { bestLayout } from "./best-layout";
import { type CanvasExport, createCanvasExport } from "./canvas-export";
import { claimsStylesheet } from "./claims-stylesheet";
import { exploreStylesheet, viewStylesheet } from "./explore-stylesheet";
import { styleFirstTimeInOneGo } from "./first-style";
import { graphStylesheet } from "./graph-stylesheet";
import type { LayoutRequest } from "./layout-options";
import { keepLabelsLegible, legibleLabelsStylesheet } from "./legible-labels";
import { highlightNeighbourhood } from "./neighbourhood-highlight";
import { currentRenderer, holdLayers, keepTunedForSize, switchRenderer, tuneForSize } from "./performance-options";
import type { Point } from "./place-around";
import { nodeNamesStylesheet } from "./place-node-names";
import { chooseRenderer, type RendererKind, WEBGL_FROM_ELEMENTS, webglRendererName } from "./renderer-choice";
import { keepDashesScreenSized } from "./screen-dashes";
import type { GraphPart } from "./to-cy-elements";
import { coveredBoxes, createViewport, type Overlays } from "./viewport";
import { hideLabelsWhileMoving } from "./viewport-labels";
import { type CanvasSelection, watchSelection } from "./watch-selection";

cytoscape.use(fcose);

export type { Placement } from "./add-elements";
export type { CanvasExport, ExportArea } from "./canvas-export";
export type { Overlays } from "./viewport";
export type { CanvasSelection } from "./watch-selection";

export interface GraphCounts {
  nodes: number;
  edges: number;
  byLabel: ReadonlyMap<string, number>;
}

/** The only owner of the Cytoscape instance: everything else talks to the graph through this. */
export interface Canvas {
  readonly cy: Core;
  /** The drawn graph as contract DTOs, positions, and the drawing itself for image exports. */
  readonly exports: CanvasExport;
  /** Adds what is missing; returns how many nodes and relationships were new. */
  addGraph(graph: GraphPart, placement: Placement): { nodes: number; edges: number };
  /** Settles when everything added so far is drawn (a big addition paints its relationships over several frames). */
  drawn(): Promise<void>;
  runLayout(request: LayoutRequest): Promise<void>;
  fitAll(): void;
  /** Fits these nodes and relationships into the part of the canvas the panels leave visible. */
  fitElements(ids: readonly string[]): void;
  has(id: string): boolean;
  /** Removes every element (after unselecting, so the selection handlers hear of it). */
  clear(): void;
  nodeCaption(id: string): string | undefined;
  select(id: string): void;
  clearSelection(): void;
  centreOn(id: string): void;
  /** Pans to the element if the right-hand sheet or the canvas edge hides it. */
  keepVisible(id: string): void;
  counts(): GraphCounts;
  onSelectionChange(handler: (selection: CanvasSelection | null) => void): void;
  onNodeDoubleTap(handler: (id: string) => void): void;
  /** Which renderer draws now: the 2D canvas, or WebGL (big graphs on a hardware GPU, renderer-choice.ts). */
  renderer(): RendererKind;
  /** Redraws with the theme's colours. */
  setTheme(theme: Theme): void;
}

function canvasStylesheet(theme: Theme, zoom: () => number) {
  const palette = CANVAS_PALETTES[theme];
  return [
    ...graphStylesheet(undefined, undefined, palette, zoom),
    ...claimsStylesheet(palette),
    ...legibleLabelsStylesheet(zoom),
    ...nodeNamesStylesheet(zoom),
    ...viewStylesheet(),
    ...exploreStylesheet(palette),
  ];
}

const HIGHLIGHT_MS = 2200;
const NO_OVERLAYS: Overlays = { right: 0, boxes: [] };

/**
 * Cytoscape prepends an inline <style> (position: relative on its container), which a strict
 * Content-Security-Policy (style-src 'self') blocks, unless an element with this id exists.
 * styles.css positions the container instead.
 */
const CYTOSCAPE_STYLESHEET_ID = "__________cytoscape_stylesheet";

export interface CanvasOptions {
  /** The WebGL renderer string (renderer-choice.ts); the bench hands in a GPU's to check the switch. */
  gpu?: () => string | null;
}

export function createCanvas(
  container: HTMLElement,
  overlays: () => Overlays = () => NO_OVERLAYS,
  options: CanvasOptions = {},
): Canvas {
  if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
    const marker = document.createElement("meta");
    marker.id = CYTOSCAPE_STYLESHEET_ID;
    marker.name = "cytoscape-container-style";
    marker.content = "provided by styles.css";
    document.head.append(marker);
  }
  // Captions are sized for the zoom they are drawn at (look/label-legibility.ts).
  let zoomed: Core | undefined;
  const zoom = () => zoomed?.zoom() ?? 1;
  const cy = cytoscape({
    container,
    style: canvasStylesheet("light", zoom),
    minZoom: 0.1,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: "single",
  });
  zoomed = cy;
  styleFirstTimeInOneGo(cy);
  const retune = keepTunedForSize(cy);
  hideLabelsWhileMoving(cy);
  // Names kept while zoomed out go where no panel covers them.
  keepLabelsLegible(cy, () => coveredBoxes(overlays(), cy.width(), cy.height()));
  keepDashesScreenSized(cy);
  highlightNeighbourhood(cy);
  const selectionHandlers: Array<(selection: CanvasSelection | null) => void> = [];
  watchSelection(cy, (selection) => {
    for (const handler of selectionHandlers) handler(selection);
  });
  const element = (id: string) => cy.getElementById(id);
  const view = createViewport(cy, overlays);

  let allDrawn = Promise.resolve();
  let gpu: string | null | undefined;
  const addGraph = (graph: GraphPart, placement: Placement) => {
    // Tuned before the elements arrive, so a big graph's first frame is already drawn the lean way.
    const count = cy.elements().length + graph.nodes.length + graph.edges.length;
    tuneForSize(cy, count);
    if (count >= WEBGL_FROM_ELEMENTS && currentRenderer(cy) === "canvas") {
      // Asked once, and only for a big graph: the probe creates a WebGL context.
      if (gpu === undefined) gpu = (options.gpu ?? webglRendererName)();
      if (chooseRenderer(gpu, count) === "webgl") switchRenderer(cy, "webgl");
    }
    const { nodes, edges, added, drawn, staged } = addElements(cy, graph, placement);
    if (staged && currentRenderer(cy) === "canvas") drawn.then(holdLayers(cy));
    allDrawn = Promise.all([allDrawn, drawn]).then(() => {});
    if ((placement.kind === "near" || placement.kind === "centre") && added.nonempty()) {
      added.addClass("just-added");
      setTimeout(() => added.removeClass("just-added"), HIGHLIGHT_MS);
      const extent = cy.extent();
      const outside = added
        .nodes()
        .map((node) => node.position())
        .some((position) => !inside(position, extent));
      if (outside && !(placement.kind === "near" && view.zoomOutAround(placement.id, added))) view.fitAll(true);
    }
    return { nodes, edges };
  };

  let layoutRun = 0;

  return {
    cy,
    exports: createCanvasExport(cy),
    addGraph,
    drawn: () => allDrawn,
    renderer: () => currentRenderer(cy),
    runLayout: async (request) => {
      layoutRun += 1;
      const run = layoutRun;
      const best = await bestLayout(cy, request.randomize, view.screenArea, () => run !== layoutRun);
      if (!best) return;
      if (!request.animate) {
        cy.nodes().positions((node) => best.get(node.id()) ?? node.position());
        view.fitAll(false);
        return;
      }
      const settle = cy.layout({
        name: "preset",
        positions: Object.fromEntries(best),
        animate: true,
        animationDuration: 500,
        fit: false,
      });
      const done = settle.promiseOn("layoutstop");
      settle.run();
      await done;
      view.fitAll(true);
    },
    fitAll: () => view.fitAll(true),
    fitElements: (ids) => {
      let elements = cy.collection();
      for (const id of ids) elements = elements.union(element(id));
      view.fitElements(elements, true);
    },
    has: (id) => element(id).nonempty(),
    clear: () => {
      layoutRun += 1;
      cy.elements(":selected").unselect();
      cy.elements().remove();
    },
    nodeCaption: (id) => {
      const node = element(id);
      return node.nonempty() && node.isNode() ? String(node.data("display")) : undefined;
    },
    select: (id) => {
      const target = element(id);
      if (target.empty()) return;
      cy.elements(":selected").not(target).unselect();
      target.select();
    },
    clearSelection: () => {
      cy.elements(":selected").unselect();
    },
    centreOn: (id) => view.centreOn(id, Math.max(cy.zoom(), 0.9)),
    keepVisible: (id) => view.keepVisible(id),
    counts: () => {
      const byLabel = new Map<string, number>();
      cy.nodes().forEach((node) => {
        const label = String(node.data("label"));
        byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
      });
      return { nodes: cy.nodes().length, edges: cy.edges().length, byLabel };
    },
    onSelectionChange: (handler) => {
      selectionHandlers.push(handler);
    },
    onNodeDoubleTap: (handler) => {
      // Cytoscape calls two taps within multiClickDebounceTime a double tap wherever each landed:
      // a click on one node soon after a click on another would expand the second. Only two taps
      // on the same node are a double tap.
      let before: unknown = null;
      let last: unknown = null;
      cy.on("tap", (event) => {
        before = last;
        last = event.target;
      });
      cy.on("dbltap", "node", (event) => {
        if (before === event.target) handler((event.target as NodeSingular).id());
      });
    },
    setTheme: (theme) => {
      cy.style(canvasStylesheet(theme, zoom));
      retune();
    },
  };
}

function inside(point: Point, box: { x1: number; y1: number; x2: number; y2: number }): boolean {
  return point.x >= box.x1 && point.x <= box.x2 && point.y >= box.y1 && point.y <= box.y2;
}
