import type { Graph } from "../../../contract/graph-contract";
import type { Canvas } from "../canvas/create-canvas";

/** How a result's graph reaches the canvas: added to what is drawn, or drawn alone. */
export type ResultMode = "merge" | "replace";

/**
 * Puts a query result's graph on the canvas: merged (new nodes placed in the free space at the
 * centre, highlighted a moment) or replacing everything (then laid out). Returns words for the summary.
 */
export async function drawResultGraph(
  canvas: Pick<Canvas, "addGraph" | "clear" | "counts" | "runLayout">,
  graph: Graph,
  mode: ResultMode,
): Promise<string> {
  if (graph.nodes.length === 0 && graph.edges.length === 0) return "nothing to draw";
  if (mode === "replace" || canvas.counts().nodes === 0) {
    canvas.clear();
    canvas.addGraph(graph, { kind: "layout" });
    await canvas.runLayout({ randomize: true, animate: false });
    return "the canvas shows the result only";
  }
  const added = canvas.addGraph(graph, { kind: "centre" });
  if (added.nodes + added.edges === 0) return "all already on the canvas";
  return `${added.nodes} new ${added.nodes === 1 ? "node" : "nodes"}, ${added.edges} new ${added.edges === 1 ? "relationship" : "relationships"} on the canvas`;
}
