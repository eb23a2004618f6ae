import type { Core, EdgeSingular, StylesheetJson } from "cytoscape";
import {
  CAPTION_YIELDS_CLASS,
  FILTERED,
  LABEL_FOCUS_CLASS,
  LABELS_OFF_CLASS,
  NAME_GIVES_WAY_CLASS,
  PATH_EDGE_CLASS,
} from "../look/canvas-classes";
import { CLAIM_CLASSES } from "../look/edge-claims";
import { EDGE_FONT_PX, focusedFontSize, MIN_LABEL_PX, NODE_FONT_PX } from "../look/label-legibility";
import type { Box } from "./fit-viewport";
import { placeNodeNames } from "./place-node-names";

/** Past this many elements captions keep the size they had (restyling all of them per zoom would stall). */
const RESTYLE_UP_TO = 2_000;
/** Captions are sorted out again once the view or the graph has been still this long. */
const SETTLE_MS = 90;

/**
 * Rules after the graph's and the claims' own: a caption that gives way is not drawn (its box still
 * counts, so it does not flicker back); the one pointed at, selected, next to the selection or on a
 * found path is drawn at a legible size whatever the zoom.
 */
export function legibleLabelsStylesheet(zoom: () => number): StylesheetJson {
  return [
    {
      selector: `edge.${CAPTION_YIELDS_CLASS}`,
      style: { "text-opacity": 0, "text-background-opacity": 0, "text-border-opacity": 0 },
    },
    {
      selector: `node:selected, node.${LABEL_FOCUS_CLASS}`,
      style: { "min-zoomed-font-size": 0, "font-size": () => focusedFontSize(NODE_FONT_PX, zoom()), "z-index": 30 },
    },
    {
      selector: `edge:selected, edge.incident, edge.${PATH_EDGE_CLASS}, edge.${LABEL_FOCUS_CLASS}`,
      style: {
        "min-zoomed-font-size": 0,
        "font-size": () => focusedFontSize(EDGE_FONT_PX, zoom()),
        "text-opacity": 1,
        "text-background-opacity": 0.92,
        "text-border-opacity": 1,
      },
    },
    { selector: `edge.${LABEL_FOCUS_CLASS}`, style: { "z-index": 30 } },
  ];
}

/**
 * Keeps captions legible: after the view zooms, sizes are recomputed (the stylesheet's functions read
 * the zoom); after anything moves, node names find a free place or give way (place-node-names.ts), then
 * relationship captions that would overlap a node, its name where it went, or a caption of higher rank
 * give way (see yieldCollidingCaptions); the element under the pointer shows its caption.
 */
export function keepLabelsLegible(cy: Core, covered: () => readonly Box[] = () => []): void {
  /** Whether the timer is armed. */
  let armed = false;
  /** When the last event came: the pass runs once nothing came for SETTLE_MS. */
  let lastNews = 0;
  let styledZoom = cy.zoom();
  /**
   * True while this pass restyles: the style events its own class changes send are not news. A
   * caption that gives way measures differently, so reacting to them made the pass undo itself
   * every SETTLE_MS, and the link (which follows class changes) never settled.
   */
  let restyling = false;
  const run = () => {
    const quiet = performance.now() - lastNews;
    if (quiet < SETTLE_MS) {
      setTimeout(run, SETTLE_MS - quiet);
      return;
    }
    armed = false;
    if (cy.destroyed() || cy.elements().length > RESTYLE_UP_TO) return;
    restyling = true;
    try {
      if (cy.zoom() !== styledZoom) {
        styledZoom = cy.zoom();
        cy.style().update();
      }
      placeNodeNames(cy, undefined, covered());
      yieldCollidingCaptions(cy);
    } finally {
      restyling = false;
    }
  };
  // One event per element (an addition of 20,000 sends 20,000 add and style events): each only
  // notes the time; one timer is armed at a time, instead of one cleared and set again per event.
  const sortOut = () => {
    if (restyling) return;
    lastNews = performance.now();
    if (armed) return;
    armed = true;
    setTimeout(run, SETTLE_MS);
  };
  cy.on("zoom add remove position select unselect layoutstop", sortOut);
  cy.on("style", "edge", sortOut);
  cy.on("mouseover", "node, edge", (event) => event.target.addClass(LABEL_FOCUS_CLASS));
  cy.on("mouseout", "node, edge", (event) => event.target.removeClass(LABEL_FOCUS_CLASS));
}

/**
 * Hides the caption of every relationship whose caption box would lie on a node (with its caption)
 * or on the caption of a relationship that ranks higher: selected or on a path first, then
 * contested, then by certainty (confirmed, reported, speculative), then by id so that the same graph
 * always gives way the same. Captions too small to be drawn take no room.
 */
export function yieldCollidingCaptions(cy: Core): void {
  const zoom = cy.zoom();
  const taken: Box[] = cy
    .nodes()
    .not(FILTERED)
    .map((node) =>
      node.boundingBox({
        includeLabels:
          !tooSmall(node.style("font-size"), node.style("label"), zoom) && !node.hasClass(NAME_GIVES_WAY_CLASS),
      }),
    );
  const yields: EdgeSingular[] = [];
  const edges = cy
    .edges()
    .not(FILTERED)
    .not(`.${LABELS_OFF_CLASS}`)
    .filter((edge) => !tooSmall(edge.style("font-size"), String(edge.data("caption") ?? ""), zoom))
    .toArray() as EdgeSingular[];
  edges.sort((a, b) => rank(a) - rank(b) || (a.id() < b.id() ? -1 : 1));
  for (const edge of edges) {
    const box = edge.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    const forced = edge.selected() || edge.hasClass("incident") || edge.hasClass(PATH_EDGE_CLASS);
    if (!forced && taken.some((other) => overlaps(box, other))) {
      yields.push(edge);
      continue;
    }
    taken.push(box);
  }
  cy.batch(() => {
    cy.edges(`.${CAPTION_YIELDS_CLASS}`)
      .filter((edge) => !yields.includes(edge))
      .removeClass(CAPTION_YIELDS_CLASS);
    for (const edge of yields) edge.addClass(CAPTION_YIELDS_CLASS);
  });
}

const CERTAINTY_RANK: Readonly<Record<string, number>> = { confirmed: 2, reported: 3, speculative: 4 };

function rank(edge: EdgeSingular): number {
  if (edge.selected() || edge.hasClass("incident") || edge.hasClass(PATH_EDGE_CLASS)) return 0;
  if (edge.hasClass(CLAIM_CLASSES.contested)) return 1;
  return CERTAINTY_RANK[String(edge.data("certainty"))] ?? 5;
}

function tooSmall(fontSize: string, label: string, zoom: number): boolean {
  return label === "" || Number.parseFloat(fontSize) * zoom < MIN_LABEL_PX;
}

/** Overlap by more than a sliver: captions that merely touch stay. */
function overlaps(a: Box, b: Box): boolean {
  const slack = 1;
  return a.x1 + slack < b.x2 && b.x1 + slack < a.x2 && a.y1 + slack < b.y2 && b.y1 + slack < a.y2;
}
