import type { Core, EdgeSingular, ElementDefinition } from "cytoscape";
import type { Graph } from "../../../contract/graph-contract";
import type { Canvas } from "../canvas/create-canvas";
import { replaceEdgeData } from "../canvas/replace-edge-data";
import { lastingClasses, TRANSIENT_CLASSES } from "../explorer/canvas-snapshot";

export interface AsOfChange {
  /** Drawn nodes and relationships the day did not know (or that did not hold then), taken off. */
  nodesGone: number;
  edgesGone: number;
  /** Nodes put back where they were, and relationships drawn, that the day knows. */
  nodesBack: number;
  edgesBack: number;
  /** Relationships kept whose data differs on that day. */
  changed: number;
}

export interface AsOfApplyOptions {
  /** Relationships the analyst hid: they stay hidden. */
  hidden: ReadonlySet<string>;
  /** Nodes an earlier day took off, by id, as drawn: updated in place. */
  absent: Map<string, ElementDefinition>;
  /** Back to today: every node taken off comes back. */
  today: boolean;
}

/**
 * Makes the canvas show an as-of answer: relationships it lacks go, those it has between drawn nodes
 * come (lit up a moment), those on both take its data. Drawn nodes a complete answer lacks go too (kept
 * in `absent`), and come back where they were when a later answer has them. Nothing new is drawn: the
 * canvas stays the analyst's selection of the graph.
 */
export function applyAsOfGraph(
  canvas: Pick<Canvas, "cy" | "addGraph">,
  graph: Graph,
  { hidden, absent, today }: AsOfApplyOptions,
): AsOfChange {
  const { cy } = canvas;
  const answerNodes = new Set(graph.nodes.map((node) => node.data.id));
  const answerEdges = new Map(graph.edges.map((edge) => [edge.data.id, edge]));
  const nodesGone =
    today || graph.truncated ? cy.collection().nodes() : cy.nodes().filter((node) => !answerNodes.has(node.id()));
  const edgesGone = cy
    .edges()
    .filter((edge) => !answerEdges.has(edge.id()))
    .union(nodesGone.connectedEdges());
  const back = [...absent.values()].filter((node) => today || answerNodes.has(String(node.data.id)));
  let changed = 0;
  cy.batch(() => {
    nodesGone.forEach((node) => {
      absent.set(node.id(), {
        group: "nodes",
        data: structuredClone(node.data()),
        position: { ...node.position() },
        classes: lastingClasses(node.classes()),
      });
    });
    edgesGone.union(nodesGone).unselect().remove();
    for (const node of back) absent.delete(String(node.data.id));
    cy.add(back);
    cy.edges().forEach((edge: EdgeSingular) => {
      const next = answerEdges.get(edge.id());
      if (next && replaceEdgeData(edge, next, TRANSIENT_CLASSES)) changed += 1;
    });
  });
  const coming = graph.edges.filter(
    (edge) => !hidden.has(edge.data.id) && drawn(cy, edge.data.source) && drawn(cy, edge.data.target),
  );
  const { edges: edgesBack } = canvas.addGraph({ nodes: [], edges: coming }, { kind: "centre" });
  return {
    nodesGone: nodesGone.length,
    edgesGone: edgesGone.length,
    nodesBack: back.length,
    edgesBack,
    changed,
  };
}

function drawn(cy: Core, id: string): boolean {
  return cy.getElementById(id).nonempty();
}
