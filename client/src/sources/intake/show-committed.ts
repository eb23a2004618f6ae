import type { GraphPart } from "../../canvas/to-cy-elements";
import { addedMessage } from "../../explorer/add-commands";
import type { Command } from "../../explorer/command";

/**
 * Draws what a commit stands behind: the article's relationships and their ends (one undoable
 * step), then selects the first relationship, so the details panel shows its claims and provenance.
 */
export const showCommitted =
  (graph: GraphPart, relationshipIds: readonly string[]): Command =>
  ({ canvas }) => {
    const wanted = new Set(relationshipIds);
    // Edges are keyed by element id; a commit names relationships by their `id` property.
    const edges = graph.edges.filter((edge) => wanted.has(edge.data.id) || wanted.has(String(edge.data.props.id)));
    const first = edges[0]?.data.id;
    return {
      step: "Show the committed article's relationships",
      edits: true,
      make: () => {
        const added = canvas.addGraph({ nodes: graph.nodes, edges }, { kind: "centre" });
        if (first) canvas.select(first);
        return addedMessage(added.nodes, added.edges, false);
      },
    };
  };
