import type { Core, EdgeSingular, ElementDefinition } from "cytoscape";
import type { Graph } from "../../../contract/graph-contract";
import type { Canvas } from "../canvas/create-canvas";
import { replaceEdgeData } from "../canvas/replace-edge-data";
import { lastingClasses, TRANSIENT_CLASSES } from "../explorer/canvas-snapshot";
import { relationshipClaimsId } from "../look/edge-claims";

export interface AsOfChange {
  /** Drawn nodes and relationships the day did not know (or that did not hold then), taken off. */
  nodesGone: number;
  edgesGone: number;
  /** Nodes put back where they were, and relationships drawn, that the day knows. */
  nodesBack: number;
  edgesBack: number;
  /** Relationships kept whose data differs on that day. */
  changed: number;
  /** Relationships the answer lacks that stay drawn (`keep`: faded by the timeline). */
  kept: number;
}

export interface AsOfApplyOptions {
  /** Relationships the analyst hid: they stay hidden. */
  hidden: ReadonlySet<string>;
  /** Nodes an earlier day took off, by id, as drawn: updated in place. */
  absent: Map<string, ElementDefinition>;
  /** Back to today: every node taken off comes back. */
  today: boolean;
  /**
   * Relationships (by claims id, `props.id`) that stay drawn, with their ends, when the answer lacks
   * them: on the held axis, those whose validity ended (the timeline fades them instead).
   */
  keep?: ReadonlySet<string>;
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
  { hidden, absent, today, keep }: AsOfApplyOptions,
): AsOfChange {
  const { cy } = canvas;
  const answerNodes = new Set(graph.nodes.map((node) => node.data.id));
  const answerEdges = new Map(graph.edges.map((edge) => [edge.data.id, edge]));
  const keeps = (edge: EdgeSingular) => {
    const id = keep && keep.size > 0 ? relationshipClaimsId(edge.data()) : undefined;
    return id !== undefined && (keep?.has(id) ?? false);
  };
  const kept = cy.edges().filter((edge) => !answerEdges.has(edge.id()) && keeps(edge));
  const keptEnds = kept.connectedNodes();
  const nodesGone =
    today || graph.truncated
      ? cy.collection().nodes()
      : cy.nodes().filter((node) => !answerNodes.has(node.id()) && !keptEnds.contains(node));
  const edgesGone = cy
    .edges()
    .filter((edge) => !answerEdges.has(edge.id()))
    .difference(kept)
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
    kept: kept.length,
  };
}

function drawn(cy: Core, id: string): boolean {
  return cy.getElementById(id).nonempty();
}
