import Graphology from "graphology";
import writeGexf from "graphology-gexf/browser/writer";
import type { Graph, GraphEdge, GraphNode, PropertyValue } from "../contract/graph-contract";
import { propertyText } from "./property-text";
import { xmlCharacters } from "./xml-text";

export interface GexfOptions {
  /** The graph's description in the file's <meta>. */
  title: string;
  /** The day written as the file's last modification, `YYYY-MM-DD`. */
  date: string;
  /** A node's fill on the canvas, `#rrggbb` (Gephi shows it; networkx reads it as `viz`). */
  nodeColor?: (node: GraphNode) => string;
  /** A relationship's colour, `#rrggbb`. */
  edgeColor?: (edge: GraphEdge) => string;
  /** Where the canvas drew each node, by id (model pixels, y down). */
  positions?: ReadonlyMap<string, { x: number; y: number }>;
}

/** What the writer reads back from a graphology element (see `format`). */
type Element = {
  label: string;
  color?: string;
  position?: { x: number; y: number };
  attributes: Record<string, string | number | boolean>;
};

const GEXF = "http://www.gexf.net/1.2draft";
/**
 * graphology-gexf 0.13.2 declares GEXF 1.2's viz namespace as `http:///www.gexf.net/1.1draft/viz`
 * (three slashes, and 1.1): Gephi reads viz elements by name, networkx by namespace and would miss
 * every colour. The file gets the namespace GEXF 1.2 names.
 */
const VIZ_AS_WRITTEN = 'xmlns:viz="http:///www.gexf.net/1.1draft/viz"';
const VIZ = 'xmlns:viz="http://www.gexf.net/1.2draft/viz"';

/** `2024` → `2024-01-01`, `2024-03` → `2024-03-01`: a partial date stands for its first day. */
export function gexfDay(value: PropertyValue | undefined): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(value));
  if (!match) return null;
  return `${match[1]}-${match[2] ?? "01"}-${match[3] ?? "01"}`;
}

type Scalar = string | number | boolean;

/**
 * Properties as attribute values the writer types itself (boolean, integer, long, double, string).
 * Lists and maps become one line of text, like in the other exports; a property whose values are of
 * different kinds across elements (a number here, text there) is text everywhere, so a reader that
 * casts by the declared type never meets "true" in a number column.
 */
function attributeRows(rows: Array<{ [key: string]: PropertyValue | undefined }>): Array<Record<string, Scalar>> {
  const kinds = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (value === null || value === undefined) continue;
      const kind = typeof value === "object" ? "string" : typeof value;
      kinds.set(name, (kinds.get(name) ?? new Set()).add(kind));
    }
  }
  return rows.map((row) => {
    const values: Record<string, Scalar> = {};
    for (const [name, value] of Object.entries(row)) {
      if (value === null || value === undefined) continue;
      const mixed = (kinds.get(name)?.size ?? 0) > 1;
      values[xmlCharacters(name)] =
        typeof value === "string" || typeof value === "object" || mixed ? xmlCharacters(propertyText(value)) : value;
    }
    return values;
  });
}

/** The element as graphology-gexf writes it: label, viz colour and position, typed attributes. */
function format(_key: string, attributes: Record<string, unknown>) {
  const element = attributes as unknown as Element;
  const viz = {
    ...(element.color ? { color: element.color } : {}),
    ...(element.position ? { x: element.position.x, y: element.position.y } : {}),
  };
  return {
    label: element.label,
    attributes: element.attributes,
    ...(Object.keys(viz).length > 0 ? { viz } : {}),
  };
}

/**
 * The library writes no time: the graph becomes dynamic with dates as days, and a relationship
 * known from a claim starts on the day it was first reported, so Gephi's timeline shows
 * relationships appear as the sources reported them. Done on the written XML through the DOM, not
 * by editing its text.
 */
function withStarts(text: string, starts: ReadonlyMap<string, string>): string {
  const document = new DOMParser().parseFromString(text.replace(VIZ_AS_WRITTEN, VIZ), "application/xml");
  const graph = document.getElementsByTagNameNS(GEXF, "graph")[0];
  if (!graph) throw new Error("GEXF: the writer produced no <graph> element");
  if (starts.size > 0) {
    graph.setAttribute("mode", "dynamic");
    graph.setAttribute("timeformat", "date");
    for (const edge of Array.from(document.getElementsByTagNameNS(GEXF, "edge"))) {
      const start = starts.get(edge.getAttribute("id") ?? "");
      if (start) edge.setAttribute("start", start);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(document.documentElement)}\n`;
}

/**
 * GEXF 1.2 for Gephi and networkx, written by graphology-gexf from a graphology graph: node
 * captions as labels with their Neo4j labels, colour and canvas position; relationship types as
 * labels with type, certainty, number of claims and sources; every property as a typed attribute;
 * relationships starting on their first report. Version 1.2 because Debian 12's networkx (2.8.8)
 * reads 1.1 and 1.2 only, and Gephi reads it as well as 1.3.
 */
export function graphToGexf(graph: Graph, options: GexfOptions): string {
  const model = new Graphology({ type: "directed", multi: true, allowSelfLoops: true });
  model.replaceAttributes({
    lastModifiedDate: options.date,
    creator: "Graph Explorer",
    description: xmlCharacters(options.title),
  });

  const nodeRows = attributeRows(
    graph.nodes.map(({ data }) => {
      // The node's id is the file's node id already; `labels` is the file's own attribute, as below.
      const { id, labels: _labels, ...props } = data.props;
      return { labels: data.labels.join(";"), ...props, ...(id === data.id ? {} : { id }) };
    }),
  );
  graph.nodes.forEach((node, index) => {
    const position = options.positions?.get(node.data.id);
    const element: Element = {
      label: xmlCharacters(node.data.caption),
      attributes: nodeRows[index] ?? {},
      ...(options.nodeColor ? { color: options.nodeColor(node) } : {}),
      // Gephi's y axis points up, the canvas' down: the same picture either way up.
      ...(position ? { position: { x: position.x, y: -position.y } } : {}),
    };
    model.addNode(xmlCharacters(node.data.id), element);
  });

  const edgeRows = attributeRows(
    graph.edges.map(({ data }) => {
      const { id, claimCount, certainty, type: _type, claims: _claims, ...props } = data.props;
      return {
        type: data.type,
        certainty: data.certainty ?? certainty,
        claims: typeof claimCount === "number" ? claimCount : undefined,
        ...props,
        ...(id === data.id ? {} : { id }),
      };
    }),
  );
  const starts = new Map<string, string>();
  graph.edges.forEach((edge, index) => {
    const key = xmlCharacters(edge.data.id);
    const start = gexfDay(edge.data.props.firstReported);
    if (start) starts.set(key, start);
    const element: Element = {
      label: xmlCharacters(edge.data.type),
      attributes: edgeRows[index] ?? {},
      ...(options.edgeColor ? { color: options.edgeColor(edge) } : {}),
    };
    model.addDirectedEdgeWithKey(key, xmlCharacters(edge.data.source), xmlCharacters(edge.data.target), element);
  });

  return withStarts(writeGexf(model, { version: "1.2", formatNode: format, formatEdge: format }), starts);
}
