import cytoscape, { type Core, type NodeSingular } from "cytoscape";
import type { Point } from "../place-around";

/** What a layout needs of the canvas, as plain data that can cross into a Web Worker. */
export interface LayoutSnapshot {
  nodes: Array<{
    id: string;
    /** The node's box with its caption, as the layouts measure it on the canvas. */
    width: number;
    height: number;
    position: Point;
    /** Read by the sorted layouts (circle, grid). */
    label: string;
    display: string;
  }>;
  edges: Array<{ id: string; source: string; target: string }>;
}

/**
 * Captions are measured here, on the page, where the canvas can measure text: a worker's
 * headless Cytoscape draws nothing, so it gets each node's full box instead.
 */
export function layoutSnapshot(cy: Core): LayoutSnapshot {
  const nodes = cy.nodes().map((node: NodeSingular) => {
    const { w, h } = node.layoutDimensions({ nodeDimensionsIncludeLabels: true });
    return {
      id: node.id(),
      width: w,
      height: h,
      position: { ...node.position() },
      label: String(node.data("label") ?? ""),
      display: String(node.data("display") ?? ""),
    };
  });
  const edges = cy.edges().map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id() }));
  return { nodes, edges };
}

/** A headless Cytoscape holding the snapshot, its nodes sized as they were on the canvas. */
export function headlessFromSnapshot(snapshot: LayoutSnapshot): Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    // Without this, elements given at start are all put at (0, 0) by the default "null" layout.
    layout: { name: "preset" },
    style: [{ selector: "node", style: { width: "data(width)", height: "data(height)" } }],
    elements: [
      ...snapshot.nodes.map(({ position, ...data }) => ({ group: "nodes" as const, data, position })),
      ...snapshot.edges.map((data) => ({ group: "edges" as const, data })),
    ],
  });
}
