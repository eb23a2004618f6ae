import type { Graph, PropertyValue } from "../contract/graph-contract";
import { propertyText } from "./property-text";
import { xmlText } from "./xml-text";

type GraphmlType = "boolean" | "long" | "double" | "string";

interface Key {
  id: string;
  owner: "node" | "edge";
  name: string;
  type: GraphmlType;
}

/** The narrowest GraphML type that holds every value seen (lists and maps become strings). */
function typeOf(values: PropertyValue[]): GraphmlType {
  if (values.every((value) => typeof value === "boolean")) return "boolean";
  if (values.every((value) => typeof value === "number" && Number.isInteger(value))) return "long";
  if (values.every((value) => typeof value === "number")) return "double";
  return "string";
}

function keysFor(owner: "node" | "edge", fixed: string[], propsList: Array<{ [key: string]: PropertyValue }>): Key[] {
  const values = new Map<string, PropertyValue[]>();
  for (const props of propsList) {
    for (const [name, value] of Object.entries(props)) {
      if (fixed.includes(name) || value === null) continue;
      values.set(name, [...(values.get(name) ?? []), value]);
    }
  }
  const prefix = owner === "node" ? "n" : "e";
  return [
    ...fixed.map((name, index) => ({ id: `${prefix}${index}`, owner, name, type: "string" as const })),
    ...[...values].map(([name, seen], index) => ({
      id: `${prefix}${fixed.length + index}`,
      owner,
      name,
      type: typeOf(seen),
    })),
  ];
}

function dataElements(keys: Key[], values: { [name: string]: PropertyValue | undefined }): string {
  return keys
    .filter((key) => values[key.name] !== undefined && values[key.name] !== null)
    .map((key) => `      <data key="${key.id}">${xmlText(propertyText(values[key.name]))}</data>`)
    .join("\n");
}

/**
 * GraphML with every property as a typed key, for Gephi, yEd and networkx.
 * Labels and relationship types travel as the `labels` and `type` keys; lists are joined with "; ".
 */
export function graphToGraphml(graph: Graph): string {
  const nodeKeys = keysFor(
    "node",
    ["labels", "caption"],
    graph.nodes.map((node) => node.data.props),
  );
  const edgeKeys = keysFor(
    "edge",
    ["type"],
    graph.edges.map((edge) => edge.data.props),
  );
  const keyLines = [...nodeKeys, ...edgeKeys].map(
    (key) => `  <key id="${key.id}" for="${key.owner}" attr.name="${xmlText(key.name)}" attr.type="${key.type}"/>`,
  );
  const nodes = graph.nodes.map(({ data }) =>
    [
      `    <node id="${xmlText(data.id)}">`,
      dataElements(nodeKeys, { ...data.props, labels: data.labels.join(":"), caption: data.caption }),
      "    </node>",
    ]
      .filter((line) => line !== "")
      .join("\n"),
  );
  const edges = graph.edges.map(({ data }) =>
    [
      `    <edge id="${xmlText(data.id)}" source="${xmlText(data.source)}" target="${xmlText(data.target)}">`,
      dataElements(edgeKeys, { ...data.props, type: data.type }),
      "    </edge>",
    ]
      .filter((line) => line !== "")
      .join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines,
    '  <graph id="G" edgedefault="directed">',
    ...nodes,
    ...edges,
    "  </graph>",
    "</graphml>",
    "",
  ].join("\n");
}
