import type { GraphEdge, GraphNode } from "../../../contract/graph-contract";
import type { ApiClient } from "../api/api-client";
import { addFirstGraph, addNode, addSourceClaims, linkNeighbours } from "./add-commands";
import { type Apply, type Explorer, plural } from "./command";

export interface FetchingStepsDeps {
  explorer: Explorer & { apply: Apply };
  api: Pick<ApiClient, "getGraph" | "getNeighbours" | "getSourceClaims">;
  tell(message: string): void;
  fail(doing: string, error: unknown): void;
}

export interface FetchingSteps {
  /** The graph a session opens with, laid out; `body[data-graph-state]` says "ready" or "error". */
  loadGraph(): Promise<void>;
  /** A node picked in the search: added if missing and tied to what is drawn, then selected and centred. */
  reveal(node: GraphNode): Promise<void>;
  /** Draws the relationships a Source vouches for. */
  showClaims(sourceId: string): Promise<void>;
}

/** The steps that ask the server first, then apply a command with its answer. */
export function createFetchingSteps(deps: FetchingStepsDeps): FetchingSteps {
  const { canvas, apply } = deps.explorer;
  return {
    async loadGraph() {
      deps.tell("Loading graph…");
      try {
        const graph = await deps.api.getGraph();
        apply(addFirstGraph(graph));
        await canvas.runLayout({ randomize: true, animate: false });
        deps.tell(
          `Loaded ${plural(graph.nodes.length, "node")}, ${plural(graph.edges.length, "relationship")}` +
            (graph.truncated ? " (capped by the server)" : ""),
        );
        document.body.dataset.graphState = "ready";
      } catch (error) {
        document.body.dataset.graphState = "error";
        deps.fail("Loading the graph", error);
      }
    },
    async reveal(node) {
      const { id } = node.data;
      let edges: GraphEdge[] = [];
      if (apply(addNode(node))) {
        try {
          edges = (await deps.api.getNeighbours(id)).edges;
        } catch (error) {
          deps.fail(`Linking ${node.data.caption}`, error);
        }
      }
      apply(linkNeighbours(id, edges));
    },
    async showClaims(sourceId) {
      const name = canvas.nodeCaption(sourceId) ?? sourceId;
      deps.tell(`Loading what ${name} claims…`);
      try {
        apply(addSourceClaims(sourceId, await deps.api.getSourceClaims(sourceId)));
      } catch (error) {
        deps.fail(`Loading what ${name} claims`, error);
      }
    },
  };
}
