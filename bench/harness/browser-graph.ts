import type { GraphEdge, GraphNode } from "../../contract/graph-contract";
import { seededRandom } from "../generator/seeded-random";
import { syntheticGraph } from "../generator/synthetic-graph";
import type { BenchGraphFile } from "../pages/bench-data";

/** Room per node on the random plane, in model pixels. */
const SPACING = 60;

/**
 * A generated graph in the contract's element form (what the API sends), with random positions:
 * the same file for the app's canvas and for plain Cytoscape.js.
 */
export function browserGraph(nodeCount: number, edgeCount: number, seed: number): BenchGraphFile {
  const graph = syntheticGraph({ nodes: nodeCount, relationships: edgeCount, seed, specialNodes: false });
  const random = seededRandom(seed + 1);
  const side = Math.sqrt(nodeCount) * SPACING;
  const nodes: GraphNode[] = graph.nodes.map((node, index) => ({
    data: {
      id: node.id,
      elementId: `4:bench:${index}`,
      labels: [node.label],
      label: node.label,
      caption: node.name,
      props: { id: node.id, name: node.name },
    },
  }));
  const edges: GraphEdge[] = [];
  let index = 0;
  for (const relationship of graph.relationships()) {
    edges.push({
      data: {
        id: relationship.id,
        elementId: `5:bench:${index}`,
        source: relationship.from.id,
        target: relationship.to.id,
        type: relationship.type,
        caption: relationship.type.toLowerCase().replaceAll("_", " "),
        certainty: relationship.props.certainty,
        props: { ...relationship.props },
      },
    });
    index += 1;
  }
  const positions = Object.fromEntries(
    graph.nodes.map((node) => [node.id, { x: random.next() * side, y: random.next() * side }]),
  );
  return { nodes, edges, positions };
}
