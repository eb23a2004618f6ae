import type { Graph, PropertyValue } from "../contract/graph-contract";
import { propertyText } from "./property-text";
import { xmlText } from "./xml-text";

type GexfType = "boolean" | "long" | "double" | "string";

interface Attribute {
  id: string;
  title: string;
  type: GexfType;
}

export interface GexfOptions {
  /** The graph's description in the file's <meta>. */
  title: string;
  /** The day written as the file's last modification, `YYYY-MM-DD`. */
  date: string;
}

/** GEXF 1.2: the version Gephi reads and writes alike, and the newest that every networkx in use reads. */
const NAMESPACE = "http://www.gexf.net/1.2draft";

/** The narrowest type that holds every value seen (lists and maps become text). */
function typeOf(values: PropertyValue[]): GexfType {
  if (values.every((value) => typeof value === "boolean")) return "boolean";
  if (values.every((value) => typeof value === "number" && Number.isInteger(value))) return "long";
  if (values.every((value) => typeof value === "number")) return "double";
  return "string";
}

function attributesFor(
  prefix: string,
  fixed: Array<[string, GexfType]>,
  rows: Array<{ [key: string]: PropertyValue }>,
  skip: readonly string[] = [],
): Attribute[] {
  const taken = new Set([...fixed.map(([title]) => title), ...skip]);
  const values = new Map<string, PropertyValue[]>();
  for (const props of rows) {
    for (const [name, value] of Object.entries(props)) {
      if (taken.has(name) || value === null) continue;
      values.set(name, [...(values.get(name) ?? []), value]);
    }
  }
  return [
    ...fixed.map(([title, type], index) => ({ id: `${prefix}${index}`, title, type })),
    ...[...values].map(([title, seen], index) => ({
      id: `${prefix}${fixed.length + index}`,
      title,
      type: typeOf(seen),
    })),
  ];
}

function declarations(owner: "node" | "edge", attributes: Attribute[]): string {
  return [
    `    <attributes class="${owner}" mode="static">`,
    ...attributes.map(
      (attribute) =>
        `      <attribute id="${attribute.id}" title="${xmlText(attribute.title)}" type="${attribute.type}"/>`,
    ),
    "    </attributes>",
  ].join("\n");
}

function valueText(value: PropertyValue | undefined, type: GexfType): string | null {
  if (value === undefined || value === null) return null;
  if (type === "string") return propertyText(value);
  return String(value);
}

function attvalues(attributes: Attribute[], values: { [title: string]: PropertyValue | undefined }): string {
  const lines = attributes.flatMap((attribute) => {
    const text = valueText(values[attribute.title], attribute.type);
    return text === null ? [] : [`          <attvalue for="${attribute.id}" value="${xmlText(text)}"/>`];
  });
  return lines.length === 0 ? "" : ["        <attvalues>", ...lines, "        </attvalues>"].join("\n");
}

/** `2024` → `2024-01-01`, `2024-03` → `2024-03-01`: a partial date stands for its first day. */
export function gexfDay(value: PropertyValue | undefined): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(value));
  if (!match) return null;
  return `${match[1]}-${match[2] ?? "01"}-${match[3] ?? "01"}`;
}

/**
 * GEXF for Gephi and networkx: labels and relationship types, certainty and number of claims as
 * typed attributes, every property as an attribute of its own. A relationship known from a claim
 * starts on the day it was first reported (the graph is dynamic, with dates as days), so Gephi's
 * timeline shows relationships appear as the sources reported them.
 */
export function graphToGexf(graph: Graph, options: GexfOptions): string {
  const nodeAttributes = attributesFor(
    "n",
    [["labels", "string"]],
    graph.nodes.map((node) => node.data.props),
  );
  const edgeAttributes = attributesFor(
    "e",
    [
      ["type", "string"],
      ["certainty", "string"],
      ["claims", "long"],
    ],
    graph.edges.map((edge) => edge.data.props),
    // Written as `claims`.
    ["claimCount"],
  );
  const starts = new Map(graph.edges.map((edge) => [edge.data.id, gexfDay(edge.data.props.firstReported)]));
  const dynamic = [...starts.values()].some((day) => day !== null);

  const nodes = graph.nodes.map(({ data }) =>
    [
      `      <node id="${xmlText(data.id)}" label="${xmlText(data.caption)}">`,
      attvalues(nodeAttributes, { ...data.props, labels: data.labels.join(";") }),
      "      </node>",
    ]
      .filter((line) => line !== "")
      .join("\n"),
  );
  const edges = graph.edges.map(({ data }) => {
    const start = starts.get(data.id);
    const claims = data.props.claimCount;
    return [
      `      <edge id="${xmlText(data.id)}" source="${xmlText(data.source)}" target="${xmlText(data.target)}" label="${xmlText(data.type)}"${start ? ` start="${start}"` : ""}>`,
      attvalues(edgeAttributes, {
        ...data.props,
        type: data.type,
        certainty: data.certainty ?? data.props.certainty,
        claims: typeof claims === "number" ? claims : undefined,
      }),
      "      </edge>",
    ]
      .filter((line) => line !== "")
      .join("\n");
  });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf xmlns="${NAMESPACE}" version="1.2">`,
    `  <meta lastmodifieddate="${xmlText(options.date)}">`,
    "    <creator>Graph Explorer</creator>",
    `    <description>${xmlText(options.title)}</description>`,
    "  </meta>",
    `  <graph defaultedgetype="directed" mode="${dynamic ? "dynamic" : "static"}"${dynamic ? ' timeformat="date"' : ""}>`,
    declarations("node", nodeAttributes),
    declarations("edge", edgeAttributes),
    "    <nodes>",
    ...nodes,
    "    </nodes>",
    "    <edges>",
    ...edges,
    "    </edges>",
    "  </graph>",
    "</gexf>",
    "",
  ].join("\n");
}
