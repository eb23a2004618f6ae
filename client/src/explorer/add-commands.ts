import type { Graph, GraphEdge, GraphNode } from "../../../contract/graph-contract";
import type { GraphPart } from "../canvas/to-cy-elements";
import { type Command, type Explorer, plural, UNDO_HINT } from "./command";

/** Commands that put what the server answered on the canvas; the caller fetches, the command draws. */

const captionOf = ({ canvas }: Explorer, id: string) => canvas.nodeCaption(id) ?? id;
const anyNew = ({ canvas }: Explorer, graph: GraphPart) =>
  graph.nodes.some((node) => !canvas.has(node.data.id)) || graph.edges.some((edge) => !canvas.has(edge.data.id));

export function addedMessage(nodes: number, edges: number, truncated: boolean): string {
  if (nodes === 0 && edges === 0)
    return truncated ? "Nothing new to add (the answer was capped)" : "Nothing new to add";
  return `Added ${plural(nodes, "node")}, ${plural(edges, "relationship")}${truncated ? " (capped by the server)" : ""}`;
}

/** Adds a node's relationship and its other end if missing, then selects the relationship. */
export const openRelationship =
  (from: string, edge: GraphEdge, other: GraphNode | undefined): Command =>
  ({ canvas }) => {
    const select = () => canvas.select(edge.data.id);
    if (canvas.has(edge.data.id))
      return {
        step: null,
        make: () => {
          select();
          return null;
        },
      };
    return {
      step: `Open ${edge.data.caption}`,
      edits: true,
      make: () => {
        const added = canvas.addGraph({ nodes: other ? [other] : [], edges: [edge] }, { kind: "near", id: from });
        select();
        return added.nodes + added.edges > 0 ? addedMessage(added.nodes, added.edges, false) : null;
      },
    };
  };

/** Said after an expansion whose answer left out relationships among the new neighbours. */
export const MORE_LINKS_NOTE = "; more links among the neighbours left out";

/**
 * Puts what an expansion fetched next to its origin, as one step when anything is new; collapse can
 * take it back. `moreLinks`: the server left out relationships among the neighbours (said).
 */
export const addExpansion =
  (id: string, graph: Graph & { moreLinks?: boolean }): Command =>
  (explorer) => {
    const { canvas, state } = explorer;
    const fresh = graph.nodes.map((node) => node.data.id).filter((other) => !canvas.has(other));
    const news = fresh.length > 0 || graph.edges.some((edge) => !canvas.has(edge.data.id));
    return {
      step: news ? `Expand ${captionOf(explorer, id)}` : null,
      edits: news,
      make: () => {
        const added = canvas.addGraph(graph, { kind: "near", id });
        if (fresh.length > 0) state.expansions.set(id, [...(state.expansions.get(id) ?? []), ...fresh]);
        return addedMessage(added.nodes, added.edges, graph.truncated) + (graph.moreLinks ? MORE_LINKS_NOTE : "");
      },
    };
  };

/** A node picked in the search: drawn at the centre if missing (`linkNeighbours` then ties it in). */
export const addNode =
  (node: GraphNode): Command =>
  ({ canvas }) =>
    canvas.has(node.data.id)
      ? null
      : {
          step: `Add ${node.data.caption}`,
          edits: true,
          make: () => {
            canvas.addGraph({ nodes: [node], edges: [] }, { kind: "centre" });
            return `Added ${node.data.caption} to the canvas`;
          },
        };

/** Links a newcomer to what is drawn (nodes not drawn stay out), part of its step; then selects and centres it. */
export const linkNeighbours =
  (id: string, edges: readonly GraphEdge[]): Command =>
  ({ canvas }) => ({
    step: null,
    make: () => {
      if (edges.length > 0) canvas.addGraph({ nodes: [], edges: [...edges] }, { kind: "near", id });
      canvas.select(id);
      canvas.centreOn(id);
      return null;
    },
  });

/** Claims named on the status line when they are all drawn already; the rest are selected. */
const LISTED_CLAIMS = 4;

/** Draws the relationships a Source vouches for, near it, as one step. */
export const addSourceClaims =
  (sourceId: string, graph: Graph): Command =>
  (explorer) => {
    const { canvas } = explorer;
    const name = graph.nodes.find((node) => node.data.id === sourceId)?.data.caption ?? captionOf(explorer, sourceId);
    const claims = plural(graph.edges.length, "claim");
    if (graph.edges.every((edge) => canvas.has(edge.data.id)))
      return {
        step: null,
        // All drawn already: selected (so highlighted) and named, rather than nothing to see.
        make: () => {
          canvas.cy.elements(":selected").unselect();
          for (const edge of graph.edges) canvas.cy.getElementById(edge.data.id).select();
          const caption = (id: string) =>
            graph.nodes.find((node) => node.data.id === id)?.data.caption ?? canvas.nodeCaption(id) ?? id;
          const named = graph.edges.map(
            (edge) => `${caption(edge.data.source)} ${edge.data.caption} ${caption(edge.data.target)}`,
          );
          const shown = named.slice(0, LISTED_CLAIMS).join("; ");
          const more = named.length > LISTED_CLAIMS ? `; and ${named.length - LISTED_CLAIMS} more` : "";
          return `${name} makes ${claims}, all on the canvas already and now selected: ${shown}${more}`;
        },
      };
    return {
      step: `Claims of ${name}`,
      edits: true,
      make: () => {
        const added = canvas.addGraph(
          graph,
          canvas.has(sourceId) ? { kind: "near", id: sourceId } : { kind: "centre" },
        );
        return (
          `${name} makes ${claims}${graph.truncated ? " (capped by the server)" : ""}: ` +
          `added ${plural(added.edges, "relationship")} and ${plural(added.nodes, "node")}${UNDO_HINT}`
        );
      },
    };
  };

/** Adds a path (or several) found between two nodes, near its start, when anything of it is new. */
export const addPath =
  (graph: GraphPart, near: string, label: string): Command =>
  (explorer) =>
    anyNew(explorer, graph)
      ? {
          step: label,
          edits: true,
          make: () => {
            explorer.canvas.addGraph(graph, { kind: "near", id: near });
            return null;
          },
        }
      : null;

/** The first graph of a session, before its layout runs: no step (there is nothing to go back to). */
export const addFirstGraph =
  (graph: Graph): Command =>
  ({ canvas }) => ({
    step: null,
    make: () => {
      canvas.addGraph(graph, { kind: "layout" });
      return null;
    },
  });
