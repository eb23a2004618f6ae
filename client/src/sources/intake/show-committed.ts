import type { GraphPart } from "../../canvas/to-cy-elements";
import { addedMessage } from "../../explorer/add-commands";
import type { Command } from "../../explorer/command";

/**
 * Draws what a commit stands behind: the article's relationships and their ends (one undoable
 * step), selects the first relationship, so the details panel shows its claims and provenance, and
 * fits them into the part of the canvas the panels leave visible: the relationships may join nodes
 * already drawn anywhere, even outside the view (the Sources sheet narrows the canvas).
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
        const ends = edges.flatMap((edge) => [edge.data.source, edge.data.target]);
        canvas.fitElements([...new Set([...edges.map((edge) => edge.data.id), ...ends])]);
        return addedMessage(added.nodes, added.edges, false);
      },
    };
  };
