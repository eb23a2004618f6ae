import type { Collection, Core, ElementDefinition } from "cytoscape";
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
}

/** Room kept free around the viewport's centre before a searched node is put there. */
const CENTRE_CLEARANCE = 90;

/**
 * Adds the elements whose ids are not on the canvas yet (ids hold ':', so looked up with
 * getElementById), placing new nodes as asked; edges whose ends are missing are left out.
 */
export function addElements(cy: Core, graph: GraphPart, placement: Placement): AddResult {
  const seen = new Set<string>();
  const fresh = (item: { data: { id: string } }) => {
    if (seen.has(item.data.id) || cy.getElementById(item.data.id).nonempty()) return false;
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
  const present = (id: string) => newIds.has(id) || cy.getElementById(id).nonempty();
  const edges: ElementDefinition[] = graph.edges
    .filter(fresh)
    .filter((edge) => present(edge.data.source) && present(edge.data.target))
    .map(toCyEdge);
  const added = cy.add([...nodes, ...edges]);
  return { nodes: nodes.length, edges: edges.length, added };
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
