import type { Graph, GraphEdge } from "../contract/graph-contract";
import { propertyText } from "./property-text";
import { sourceFootnotes } from "./visible-sources";
import { xmlText } from "./xml-text";

interface EvidenceRow {
  relationship: string;
  sources: string;
  certainty: string;
  asOf: string;
  evidence: string;
  /** The language of `evidence`; empty when the relationship does not say. */
  evidenceLang: string;
  evidenceEn: string;
}

/** One row per relationship that carries provenance: who says what, in which words, how sure. */
function evidenceRows(graph: Graph): EvidenceRow[] {
  const caption = new Map(graph.nodes.map((node) => [node.data.id, node.data.caption]));
  const { footnotes, edgeNumbers } = sourceFootnotes(graph);
  const sourceName = new Map(footnotes.map((footnote) => [footnote.number, footnote.name]));
  const withProvenance = (edge: GraphEdge) =>
    edge.data.props.evidence !== undefined || edge.data.props.sources !== undefined;
  return graph.edges.filter(withProvenance).map(({ data }) => ({
    relationship: `${caption.get(data.source) ?? data.source} — ${data.caption} → ${caption.get(data.target) ?? data.target}`,
    sources: (edgeNumbers.get(data.id) ?? []).map((number) => sourceName.get(number) ?? "").join("; "),
    certainty: data.certainty ?? propertyText(data.props.certainty),
    asOf: propertyText(data.props.asOf),
    evidence: propertyText(data.props.evidence),
    evidenceLang: propertyText(data.props.evidence_lang),
    evidenceEn: propertyText(data.props.evidence_en),
  }));
}

const HEADERS = ["Relationship", "Sources", "Certainty", "As of", "Evidence (original)", "English rendering"];

function cells(row: EvidenceRow): string[] {
  return [row.relationship, row.sources, row.certainty, row.asOf, row.evidence, row.evidenceEn];
}

/** Markdown cell: pipes escaped, line breaks folded, Markdown and HTML markup neutralised. */
function markdownCell(text: string): string {
  return text
    .replace(/\r?\n/g, " ")
    .replace(/([\\|*_`[\]<>#])/g, "\\$1")
    .trim();
}

export function evidenceTableMarkdown(graph: Graph): string {
  const lines = [
    `| ${HEADERS.join(" | ")} |`,
    `| ${HEADERS.map(() => "---").join(" | ")} |`,
    ...evidenceRows(graph).map((row) => `| ${cells(row).map(markdownCell).join(" | ")} |`),
  ];
  return `${lines.join("\n")}\n`;
}

/** A standalone HTML page (no script, no external resource) with the evidence table. */
export function evidenceTableHtml(graph: Graph, title: string): string {
  const head = HEADERS.map((header) => `<th>${xmlText(header)}</th>`).join("");
  const body = evidenceRows(graph)
    .map((row) => {
      const [relationship, sources, certainty, asOf, evidence, evidenceEn] = cells(row).map(xmlText);
      // A language code is letters, digits and hyphens (BCP 47); anything else is left unsaid.
      const lang = /^[A-Za-z0-9-]{1,35}$/.test(row.evidenceLang) ? ` lang="${row.evidenceLang}"` : "";
      return `<tr><td>${relationship}</td><td>${sources}</td><td>${certainty}</td><td>${asOf}</td><td${lang}>${evidence}</td><td lang="en">${evidenceEn}</td></tr>`;
    })
    .join("\n");
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${xmlText(title)}</title>`,
    "<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}</style>",
    "</head><body>",
    `<h1>${xmlText(title)}</h1>`,
    `<table><thead><tr>${head}</tr></thead><tbody>`,
    body,
    "</tbody></table></body></html>",
    "",
  ].join("\n");
}
