import type { Graph, Properties } from "../contract/graph-contract";
import { propertyText } from "./property-text";

/** Put first in a CSV file meant for Excel: without it Excel reads UTF-8 as the system's code page. */
export const EXCEL_BOM = "\uFEFF";

// A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), +cmd, @SUM...):
// OWASP's list, plus the full-width forms some Excel locales read as the same signs.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** One CSV cell (RFC 4180), defused: a leading formula character gets a quote so it stays text. */
export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csv(header: string[], rows: string[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** Every property key used, in first-seen order, minus those already given their own column. */
function propertyColumns(all: Properties[], taken: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const props of all) for (const key of Object.keys(props)) if (!taken.includes(key)) keys.add(key);
  return [...keys];
}

/** Nodes: id, labels, caption, then one column per property key. */
export function nodesToCsv(graph: Graph): string {
  const fixed = ["id", "labels", "caption"];
  const keys = propertyColumns(
    graph.nodes.map((node) => node.data.props),
    fixed,
  );
  const rows = graph.nodes.map(({ data }) => [
    data.id,
    data.labels.join(";"),
    data.caption,
    ...keys.map((key) => propertyText(data.props[key])),
  ]);
  return csv([...fixed, ...keys], rows);
}

/** Relationships: id, source, target, type, the provenance columns, then the other properties. */
export function edgesToCsv(graph: Graph): string {
  const fixed = [
    "id",
    "source",
    "target",
    "type",
    "certainty",
    "sources",
    "asOf",
    "evidence",
    "evidence_lang",
    "evidence_en",
  ];
  const keys = propertyColumns(
    graph.edges.map((edge) => edge.data.props),
    fixed,
  );
  const rows = graph.edges.map(({ data }) => [
    data.props.id === undefined ? data.id : propertyText(data.props.id),
    data.source,
    data.target,
    data.type,
    data.certainty ?? propertyText(data.props.certainty),
    propertyText(data.props.sources),
    propertyText(data.props.asOf),
    propertyText(data.props.evidence),
    propertyText(data.props.evidence_lang),
    propertyText(data.props.evidence_en),
    ...keys.map((key) => propertyText(data.props[key])),
  ]);
  return csv([...fixed, ...keys], rows);
}
