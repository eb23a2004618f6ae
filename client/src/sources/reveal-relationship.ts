import type { GraphPart } from "../canvas/to-cy-elements";
import { addedMessage } from "../explorer/add-commands";
import type { Command } from "../explorer/command";

/**
 * Selects a relationship read in an article. When it is not drawn, adds it (with whichever of its
 * ends is missing, next to the one that is) as one undoable step, then selects it and centres on
 * its subject; the details panel follows the selection.
 */
export const revealRelationship =
  (edgeId: string, graph: GraphPart, caption: string): Command =>
  ({ canvas }) => {
    const edge = graph.edges.find((candidate) => candidate.data.id === edgeId);
    const centre = () => {
      if (edge) canvas.centreOn(canvas.has(edge.data.source) ? edge.data.source : edge.data.target);
    };
    if (canvas.has(edgeId))
      return {
        step: null,
        make: () => {
          canvas.select(edgeId);
          centre();
          return null;
        },
      };
    if (!edge) return null;
    const ends = graph.nodes.filter((node) => node.data.id === edge.data.source || node.data.id === edge.data.target);
    const drawn = ends.find((node) => canvas.has(node.data.id));
    return {
      step: `Open ${caption}`,
      edits: true,
      make: () => {
        const added = canvas.addGraph(
          { nodes: ends, edges: [edge] },
          drawn ? { kind: "near", id: drawn.data.id } : { kind: "centre" },
        );
        canvas.select(edgeId);
        centre();
        return addedMessage(added.nodes, added.edges, false);
      },
    };
  };
