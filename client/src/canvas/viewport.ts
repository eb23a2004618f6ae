import type { Collection, Core, NodeCollection } from "cytoscape";
import { prefersReducedMotion } from "../dom/reduced-motion";
import { zoomKeepingNames } from "../look/label-legibility";
import { boxCentre } from "./add-elements";
import type { ScreenArea } from "./fit-viewport";
import { type Box, fitViewport } from "./fit-viewport";
import { LARGE_GRAPH_ELEMENTS } from "./performance-options";
import type { Point } from "./place-around";

/**
 * What the page draws over the canvas: a full-height sheet on the right, a tall panel along the
 * left edge (the paths panel), bars along the top and bottom edges (the time bar), floating boxes
 * (screen px).
 */
export interface Overlays {
  right: number;
  left?: number;
  /** How far down from the canvas' top edge a bar across it reaches. */
  top?: number;
  /** How far up from the canvas' bottom edge a bar across it reaches. */
  bottom?: number;
  boxes: readonly Box[];
}

/**
 * The screen rectangles (canvas px) the page covers: the sheets and bars along the edges, the floating
 * boxes, and what lies beyond the canvas' edges. Pure.
 */
export function coveredBoxes(measured: Overlays, width: number, height: number): Box[] {
  const far = 1e6;
  const left = measured.left ?? 0;
  const top = measured.top ?? 0;
  const bottom = measured.bottom ?? 0;
  return [
    { x1: -far, y1: -far, x2: left, y2: far },
    { x1: width - measured.right, y1: -far, x2: far, y2: far },
    { x1: -far, y1: -far, x2: far, y2: top },
    { x1: -far, y1: height - bottom, x2: far, y2: far },
    ...measured.boxes,
  ];
}

export interface Viewport {
  /** The part of the screen the graph is fitted into. */
  screenArea(): ScreenArea;
  /** Fits the whole graph into the screen, clear of the overlays. */
  fitAll(animate: boolean): void;
  /** Fits these elements, at the next frame, into the part of the screen the panels leave visible (the rest may fall outside). */
  fitElements(elements: Collection, animate: boolean): void;
  /** Puts an element at the centre of the part of the canvas left of the sheet. */
  centreOn(id: string, zoom: number, animate?: boolean): void;
  /** Centres the element at once if the sheet or the canvas edge hides it. */
  keepVisible(id: string): void;
  /**
   * Zooms out just enough to show `added`, keeping the node `id` where it is on screen (so a second
   * double-click lands on it even mid-animation). False when that cannot work.
   */
  zoomOutAround(id: string, added: Collection): boolean;
}

const PADDING = 40;
/** Fitting never zooms in further than this, so a handful of nodes do not look blown up. */
const FIT_MAX_ZOOM = 1.5;
const ANIMATION_MS = 350;
/** Room around a node centre, enough for the largest node of the label table. */
const NODE_MARGIN = 40;

function centresBounds(nodes: NodeCollection): Box {
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  nodes.forEach((node) => {
    const { x, y } = node.position();
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x);
    y2 = Math.max(y2, y);
  });
  return { x1: x1 - NODE_MARGIN, y1: y1 - NODE_MARGIN, x2: x2 + NODE_MARGIN, y2: y2 + NODE_MARGIN };
}

/** Camera moves of the canvas that respect what the page draws over it. */
export function createViewport(cy: Core, overlays: () => Overlays): Viewport {
  /**
   * Cytoscape learns its container's size from a resize callback, after layout: a panel opened in
   * the same step (the details panel narrows the Sources sheet, which widens the canvas) leaves
   * cy.width() stale until then, while the overlays are measured on the page as it is now.
   */
  const syncSize = () => {
    const container = cy.container();
    if (container && (container.clientWidth !== cy.width() || container.clientHeight !== cy.height())) cy.resize();
  };
  /**
   * The visible area within the canvas: left of the sheet, right of a left panel, between the bars.
   * A left panel or bars that would leave less than a third of the canvas are ignored; a bar counts
   * only for what it reaches beyond the padding (its own margin is room enough).
   */
  const frameOf = (measured: Overlays) => {
    syncSize();
    const width = cy.width();
    const height = cy.height();
    const left = width - measured.right - (measured.left ?? 0) >= width / 3 ? (measured.left ?? 0) : 0;
    const top = Math.max(0, (measured.top ?? 0) - PADDING);
    const bottom = Math.max(0, (measured.bottom ?? 0) - PADDING);
    const bars = height - top - bottom >= height / 3;
    return { left, top: bars ? top : 0, bottom: bars ? bottom : 0 };
  };
  const screenAreaOf = (measured: Overlays): ScreenArea => {
    const { left, top, bottom } = frameOf(measured);
    return {
      width: Math.max(cy.width() - measured.right - left, cy.width() / 3),
      height: cy.height() - top - bottom,
      obstacles: measured.boxes,
      padding: PADDING,
      minZoom: cy.minZoom(),
      maxZoom: FIT_MAX_ZOOM,
    };
  };
  const screenArea = (): ScreenArea => screenAreaOf(overlays());
  /** The left panel's width, when what it leaves is still a third of the canvas (else ignored). */
  const leftInset = (): number => frameOf(overlays()).left;
  const freeCentre = (): Point => {
    const left = leftInset();
    return { x: left + (cy.width() - overlays().right - left) / 2, y: cy.height() / 2 };
  };
  const fitInto = (elements: Collection, animate: boolean) => {
    // On a big graph, measuring every caption and curve costs seconds and every animated frame
    // redraws everything: node centres give the bounds, and the camera jumps.
    const large = cy.elements().length >= LARGE_GRAPH_ELEMENTS;
    const measured = overlays();
    const area = screenAreaOf(measured);
    const { left, top } = frameOf(measured);
    // Obstacles are measured from the canvas' corner; the area starts at the left panel's edge, below the top bar.
    const obstacles = area.obstacles.map((box) => ({
      x1: box.x1 - left,
      y1: box.y1 - top,
      x2: box.x2 - left,
      y2: box.y2 - top,
    }));
    const fitted = fitViewport({
      ...area,
      obstacles,
      ...(large
        ? { bounds: centresBounds(elements.nodes()), items: [] }
        : {
            bounds: elements.boundingBox({}),
            items: elements.nodes().map((node) => node.boundingBox({ includeLabels: true })),
          }),
    });
    // fitViewport works in the visible area; the canvas starts `left` pixels further left, `top` higher.
    // Names kept (look/label-legibility.ts), zoomed about the fitted area's centre.
    const zoom = zoomKeepingNames(fitted.zoom);
    const grow = zoom / fitted.zoom;
    const [middleX, middleY] = [area.width / 2, area.height / 2];
    const pan = {
      x: middleX - (middleX - fitted.pan.x) * grow + left,
      y: middleY - (middleY - fitted.pan.y) * grow + top,
    };
    if (animate && !large && !prefersReducedMotion()) cy.animate({ zoom, pan }, { duration: ANIMATION_MS });
    else cy.viewport({ zoom, pan });
  };
  const centreOn = (id: string, zoom: number, animate = true) => {
    const target = cy.getElementById(id);
    if (target.empty()) return;
    const centre = freeCentre();
    const { x, y } = boxCentre(target.boundingBox({ includeLabels: false }));
    const pan = { x: centre.x - zoom * x, y: centre.y - zoom * y };
    if (animate && !prefersReducedMotion()) cy.animate({ zoom, pan }, { duration: ANIMATION_MS });
    else cy.viewport({ zoom, pan });
  };

  return {
    screenArea,
    centreOn,
    fitAll(animate) {
      if (cy.elements().empty()) return;
      fitInto(cy.elements(), animate);
    },
    fitElements(elements, animate) {
      if (elements.empty()) return;
      // Measured at the next frame, so that a panel the same step opens (the details panel of a
      // selection, shown once the selection settles) is counted as covering its part of the canvas.
      requestAnimationFrame(() => {
        const present = elements.filter((element) => element.inside());
        if (present.empty()) return;
        // Whatever camera move is under way (an addition zooming out) gives way to this one.
        cy.stop(true, false);
        fitInto(present, animate);
      });
    },
    keepVisible(id) {
      const target = cy.getElementById(id);
      if (target.empty()) return;
      syncSize();
      const box = target.renderedBoundingBox({ includeLabels: false });
      const visibleWidth = cy.width() - overlays().right;
      const shown = box.x1 >= leftInset() && box.y1 >= 0 && box.x2 <= visibleWidth && box.y2 <= cy.height();
      // At once rather than animated: the element was just clicked and the panel slid over it.
      if (!shown) centreOn(id, cy.zoom(), false);
    },
    zoomOutAround(id, added) {
      const origin = cy.getElementById(id);
      if (origin.empty() || !origin.isNode()) return false;
      syncSize();
      const at = origin.renderedPosition();
      const centre = origin.position();
      const box = added.union(origin).boundingBox({});
      const right = cy.width() - overlays().right - PADDING;
      const bottom = cy.height() - PADDING;
      if (at.x < PADDING || at.x > right || at.y < PADDING || at.y > bottom) return false;
      const room = (space: number, extent: number) => (extent > 0 ? space / extent : Number.POSITIVE_INFINITY);
      const zoom = Math.min(
        cy.zoom(),
        room(at.x - PADDING, centre.x - box.x1),
        room(right - at.x, box.x2 - centre.x),
        room(at.y - PADDING, centre.y - box.y1),
        room(bottom - at.y, box.y2 - centre.y),
      );
      if (zoom < Math.max(cy.minZoom(), cy.zoom() / 4)) return false;
      if (prefersReducedMotion()) cy.zoom({ level: zoom, position: centre });
      else cy.animate({ zoom: { level: zoom, position: centre } }, { duration: ANIMATION_MS });
      return true;
    },
  };
}
