import type { Collection, Core, ElementDefinition } from "cytoscape";
import { DRAW_LATER_CLASS } from "../look/canvas-classes";
import { type Point, placeAround } from "./place-around";
import { type GraphPart, toCyEdge, toCyNode } from "./to-cy-elements";

/**
 * Where new nodes go: left to the next layout, in a ring around a node, at the viewport's centre,
 * or at positions already known (a saved view), given with the nodes so nothing is drawn twice.
 */
export type Placement =
  | { kind: "layout" }
  | { kind: "near"; id: string }
  | { kind: "centre" }
  | { kind: "preset"; positions: ReadonlyMap<string, Point> };

export interface AddResult {
  nodes: number;
  edges: number;
  added: Collection;
  /** Settles once every added element is drawn (at once for small additions; see PAINT_NODES_FIRST_FROM). */
  drawn: Promise<void>;
  /** Whether the relationships are drawn over the next frames (the addition is big). */
  staged: boolean;
}

/**
 * From this many new elements on, the nodes are painted first, their names in the next frame and the
 * relationships over the frames after (in growing steps, those of the most connected nodes first). Every element is on
 * the canvas at once (counts, layouts, exports, saved views see them); only their drawing waits.
 * Measured on 7,000 nodes and 13,000 relationships without a GPU: relationships were more than half
 * of the first frame (their style, geometry and arrowheads).
 */
export const PAINT_NODES_FIRST_FROM = 2_000;
/**
 * Relationships drawn in the frame after the names; each later frame draws twice as many as the one
 * before. Every frame that brings relationships redraws the whole graph (its bitmaps change), a
 * second or more at 20,000 elements without a GPU, so fewer, growing steps finish sooner.
 */
export const FIRST_EDGE_CHUNK = 4_000;

/** Room kept free around the viewport's centre before a searched node is put there. */
const CENTRE_CLEARANCE = 90;

/**
 * Adds the elements whose ids are not on the canvas yet (ids hold ':', so looked up with
 * getElementById), placing new nodes as asked; edges whose ends are missing are left out.
 */
export function addElements(cy: Core, graph: GraphPart, placement: Placement): AddResult {
  const seen = new Set<string>();
  // hasElementWithId: getElementById builds a collection per call, a second at 20,000 elements.
  const fresh = (item: { data: { id: string } }) => {
    if (seen.has(item.data.id) || cy.hasElementWithId(item.data.id)) return false;
    seen.add(item.data.id);
    return true;
  };
  const nodes = graph.nodes.filter(fresh).map(toCyNode);
  const positions = positionsFor(cy, nodes, placement);
  nodes.forEach((node, index) => {
    const position = positions[index];
    if (position) node.position = position;
  });
  const newIds = new Set(nodes.map((node) => String(node.data.id)));
  const present = (id: string) => newIds.has(id) || cy.hasElementWithId(id);
  const edges: ElementDefinition[] = graph.edges
    .filter(fresh)
    .filter((edge) => present(edge.data.source) && present(edge.data.target))
    .map(toCyEdge);
  const later = cy.container() !== null && nodes.length + edges.length >= PAINT_NODES_FIRST_FROM && edges.length > 0;
  if (!later) {
    const added = cy.add([...nodes, ...edges]);
    return { nodes: nodes.length, edges: edges.length, added, drawn: Promise.resolve(), staged: false };
  }
  const ordered = byBusiestEnd(edges);
  // The first frame draws the nodes alone: no relationships and no names (measuring and drawing 1,000
  // wrapped names on their backgrounds was a third of it). The names come in the next frame.
  for (const item of [...nodes, ...ordered]) item.classes = [...classList(item.classes), DRAW_LATER_CLASS];
  const added = cy.add([...nodes, ...ordered]);
  const drawn = revealOverFrames(
    cy,
    nodes.map((node) => String(node.data.id)),
    ordered.map((edge) => String(edge.data.id)),
  );
  return { nodes: nodes.length, edges: edges.length, added, drawn, staged: true };
}

/** Relationships of the most connected nodes first: the graph's shape appears with the first chunk. */
function byBusiestEnd(edges: readonly ElementDefinition[]): ElementDefinition[] {
  const degree = new Map<string, number>();
  const bump = (id: string) => degree.set(id, (degree.get(id) ?? 0) + 1);
  for (const edge of edges) {
    bump(String(edge.data.source));
    bump(String(edge.data.target));
  }
  const busiest = (edge: ElementDefinition) =>
    Math.max(degree.get(String(edge.data.source)) ?? 0, degree.get(String(edge.data.target)) ?? 0);
  return edges
    .map((edge) => ({ edge, rank: busiest(edge) }))
    .sort((a, b) => b.rank - a.rank)
    .map((item) => item.edge);
}

function classList(classes: ElementDefinition["classes"]): string[] {
  if (classes === undefined) return [];
  return typeof classes === "string" ? classes.split(/\s+/).filter(Boolean) : [...classes];
}

/**
 * Draws the held-back names and relationships after the frame that paints the nodes: the names in the
 * next frame, then the relationships in growing steps (FIRST_EDGE_CHUNK), each step a task of its own.
 */
function revealOverFrames(cy: Core, named: readonly string[], ids: readonly string[]): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let size = FIRST_EDGE_CHUNK;
    let names = named.length > 0;
    const step = () => {
      if (cy.destroyed()) return resolve();
      let chunk: readonly string[];
      if (names) {
        names = false;
        chunk = named;
      } else {
        chunk = ids.slice(next, next + size);
        size *= 2;
        next += chunk.length;
      }
      cy.batch(() => {
        for (const id of chunk) cy.getElementById(id).removeClass(DRAW_LATER_CLASS);
      });
      if (next < ids.length) afterPaint(step);
      else afterPaint(() => resolve());
    };
    afterPaint(step);
  });
}

/**
 * Runs once the next frame is on screen: its animation frame draws, the one after shows it, and a
 * task after that leaves room for input first.
 */
function afterPaint(run: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(run, 0)));
}

function positionsFor(cy: Core, nodes: readonly ElementDefinition[], placement: Placement): Array<Point | undefined> {
  const count = nodes.length;
  if (placement.kind === "layout" || count === 0) return [];
  if (placement.kind === "preset") return nodes.map((node) => placement.positions.get(String(node.data.id)));
  const occupied = cy.nodes().map((node) => ({ ...node.position() }));
  if (placement.kind === "near") {
    const origin = cy.getElementById(placement.id);
    if (origin.nonempty() && origin.isNode()) {
      const centre = cy.nodes().length > 1 ? boxCentre(cy.nodes().boundingBox({})) : undefined;
      return placeAround({ ...origin.position() }, count, occupied, centre);
    }
  }
  const centre = boxCentre(cy.extent());
  const free = occupied.every((point) => Math.hypot(point.x - centre.x, point.y - centre.y) >= CENTRE_CLEARANCE);
  return count === 1 && free ? [centre] : placeAround(centre, count, occupied);
}

export function boxCentre(box: { x1: number; y1: number; x2: number; y2: number }): Point {
  return { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
}
