import type { Claim, Graph, PropertyValue } from "../contract/graph-contract";
import { propertyText } from "./property-text";
import { sourceFootnotes } from "./visible-sources";

/** A cell: text stays text (a leading "=" is never a formula), numbers and booleans keep their type. */
export type WorkbookCell = string | number | boolean | null;

export interface WorkbookSheet {
  name: string;
  rows: WorkbookCell[][];
  /** Column widths in characters. */
  widths: number[];
}

function cell(value: PropertyValue | undefined): WorkbookCell {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return propertyText(value);
}

/** Every property key used, in first-seen order, minus those given their own column. */
function propertyColumns(all: ReadonlyArray<{ [key: string]: PropertyValue }>, taken: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const props of all) for (const key of Object.keys(props)) if (!taken.includes(key)) keys.add(key);
  return [...keys];
}

const width = (header: string) => Math.min(Math.max(header.length + 2, 12), 40);

/**
 * The canvas as a workbook: a sheet of nodes, one of relationships (with provenance), one of
 * claims (sentence, its English rendering, source with grade and URL, certainty, dates).
 * `claims` holds the claims fetched for relationships that have them; a relationship without
 * claims but with an evidence sentence gets one row from its own properties.
 */
export function graphToWorkbook(graph: Graph, claims: ReadonlyMap<string, readonly Claim[]>): WorkbookSheet[] {
  const caption = new Map(graph.nodes.map((node) => [node.data.id, node.data.caption]));

  const nodeFixed = ["id", "labels", "caption"];
  const nodeKeys = propertyColumns(
    graph.nodes.map((node) => node.data.props),
    nodeFixed,
  );
  const nodeHeader = [...nodeFixed, ...nodeKeys];
  const nodes: WorkbookSheet = {
    name: "Nodes",
    rows: [
      nodeHeader,
      ...graph.nodes.map(({ data }) => [
        data.id,
        data.labels.join(";"),
        data.caption,
        ...nodeKeys.map((key) => cell(data.props[key])),
      ]),
    ],
    widths: nodeHeader.map(width),
  };

  const edgeFixed = ["id", "source", "target", "type", "certainty", "claimCount", "sources", "asOf"];
  const edgeKeys = propertyColumns(
    graph.edges.map((edge) => edge.data.props),
    [...edgeFixed, "id"],
  );
  const edgeHeader = [
    "id",
    "source",
    "source name",
    "type",
    "target",
    "target name",
    "certainty",
    "claims",
    "sources",
    "asOf",
    ...edgeKeys,
  ];
  const relationships: WorkbookSheet = {
    name: "Relationships",
    rows: [
      edgeHeader,
      ...graph.edges.map(({ data }) => [
        data.props.id === undefined ? data.id : propertyText(data.props.id),
        data.source,
        caption.get(data.source) ?? null,
        data.type,
        data.target,
        caption.get(data.target) ?? null,
        data.certainty ?? cell(data.props.certainty),
        cell(data.props.claimCount),
        cell(data.props.sources),
        cell(data.props.asOf),
        ...edgeKeys.map((key) => cell(data.props[key])),
      ]),
    ],
    widths: edgeHeader.map(width),
  };

  const claimHeader = [
    "relationship",
    "sentence",
    "language",
    "English rendering",
    "curator's note",
    "source",
    "source grade",
    "source URL",
    "certainty",
    "stance",
    "reported",
    "valid from",
    "valid to",
  ];
  const sourceNames = new Map(
    sourceFootnotes(graph).footnotes.map((footnote) => [footnote.sourceId, footnote.name] as const),
  );
  const claimRows: WorkbookCell[][] = [];
  for (const { data } of graph.edges) {
    const relationship = `${caption.get(data.source) ?? data.source} — ${data.caption} → ${caption.get(data.target) ?? data.target}`;
    const fetched = claims.get(data.id) ?? [];
    for (const claim of fetched) {
      claimRows.push([
        relationship,
        claim.quote,
        claim.quoteLang,
        claim.quoteEn,
        claim.note,
        claim.source.name,
        claim.source.grade,
        claim.source.url,
        claim.certainty,
        claim.stance,
        claim.reportedAt,
        claim.validFrom,
        claim.validTo,
      ]);
    }
    if (fetched.length === 0 && data.props.evidence !== undefined) {
      const cited = Array.isArray(data.props.sources) ? data.props.sources : [data.props.sources];
      claimRows.push([
        relationship,
        cell(data.props.evidence),
        cell(data.props.evidence_lang),
        cell(data.props.evidence_en),
        null,
        cited
          .filter((id): id is string => typeof id === "string")
          .map((id) => sourceNames.get(id) ?? id)
          .join("; ") || null,
        null,
        null,
        data.certainty ?? cell(data.props.certainty),
        null,
        cell(data.props.asOf),
        null,
        null,
      ]);
    }
  }
  const claimSheet: WorkbookSheet = {
    name: "Claims",
    rows: [claimHeader, ...claimRows],
    widths: claimHeader.map((header) => (header === "sentence" || header === "English rendering" ? 60 : width(header))),
  };
  return [nodes, relationships, claimSheet];
}
