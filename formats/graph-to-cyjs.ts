import type { Graph, Properties, PropertyValue } from "../contract/graph-contract";

/** Keys Cytoscape Desktop gives a meaning of its own. */
const RESERVED = new Set(["id", "source", "target", "name", "shared_name", "interaction", "selected", "SUID"]);

type CyjsValue = string | number | boolean | Array<string | number | boolean>;

/** Cytoscape Desktop's tables hold primitives and lists of primitives: maps become JSON text. */
function cyjsValue(value: PropertyValue): CyjsValue | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    return value.every((item) => item !== null && typeof item !== "object")
      ? (value as Array<string | number | boolean>)
      : JSON.stringify(value);
  }
  return typeof value === "object" ? JSON.stringify(value) : value;
}

function flatten(props: Properties): { [key: string]: CyjsValue } {
  const data: { [key: string]: CyjsValue } = {};
  for (const [key, value] of Object.entries(props)) {
    const converted = cyjsValue(value);
    if (converted !== undefined) data[RESERVED.has(key) ? `neo4j_${key}` : key] = converted;
  }
  return data;
}

export interface CyjsOptions {
  name: string;
  positions?: ReadonlyMap<string, { x: number; y: number }>;
}

/**
 * Cytoscape JSON (.cyjs) that Cytoscape Desktop imports as a network with its layout, and that
 * Cytoscape.js reads back as elements. Neo4j properties become columns; a property that collides
 * with one of Cytoscape's own keys is prefixed `neo4j_`.
 */
export function graphToCyjs(graph: Graph, options: CyjsOptions) {
  const caption = new Map(graph.nodes.map((node) => [node.data.id, node.data.caption]));
  return {
    format_version: "1.0",
    generated_by: "graph-explorer",
    target_cytoscapejs_version: "~3.34",
    data: { name: options.name, shared_name: options.name },
    elements: {
      nodes: graph.nodes.map(({ data }) => {
        const position = options.positions?.get(data.id);
        return {
          data: { ...flatten(data.props), id: data.id, name: data.caption, labels: data.labels, label: data.label },
          ...(position ? { position: { x: position.x, y: position.y } } : {}),
        };
      }),
      edges: graph.edges.map(({ data }) => ({
        data: {
          ...flatten(data.props),
          id: data.id,
          source: data.source,
          target: data.target,
          interaction: data.type,
          name: `${caption.get(data.source) ?? data.source} (${data.type}) ${caption.get(data.target) ?? data.target}`,
        },
      })),
    },
  };
}
