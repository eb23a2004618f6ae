import type { Claim, Graph } from "../../../contract/graph-contract";
import { EXCEL_BOM, edgesToCsv, nodesToCsv } from "../../../formats/graph-to-csv";
import { graphToCyjs } from "../../../formats/graph-to-cyjs";
import { evidenceTableHtml, evidenceTableMarkdown } from "../../../formats/graph-to-evidence-table";
import { graphToGraphml } from "../../../formats/graph-to-graphml";
import { graphToWorkbook } from "../../../formats/graph-to-workbook";
import { workbookToXlsx } from "../../../formats/workbook-to-xlsx";
import { labelStyleFor } from "../look/label-styles";
import { relationshipTypeColor } from "../look/relationship-type-colors";

export type DataFormat =
  | "cyjs"
  | "graphml"
  | "gexf"
  | "xlsx"
  | "csv-nodes"
  | "csv-edges"
  | "evidence-md"
  | "evidence-html";

export interface DataFile {
  blob: Blob;
  /** As the server's /api/export names them: "graphml", "nodes.csv"... */
  extension: string;
}

export interface DataOptions {
  /** Network name (.cyjs), page title (HTML), description (GEXF). */
  title: string;
  /** Node positions on the canvas (.cyjs, GEXF). */
  positions: ReadonlyMap<string, { x: number; y: number }>;
  date: Date;
  /** Claims behind relationships, by edge id (the workbook's claims sheet). */
  claims: ReadonlyMap<string, readonly Claim[]>;
}

const text = (type: string, render: (graph: Graph, options: DataOptions) => string) => ({
  render: async (graph: Graph, options: DataOptions) => new Blob([render(graph, options)], { type }),
});

const RENDER: Record<DataFormat, { extension: string; render(graph: Graph, options: DataOptions): Promise<Blob> }> = {
  cyjs: {
    extension: "cyjs",
    ...text("application/json", (graph, options) =>
      JSON.stringify(graphToCyjs(graph, { name: options.title, positions: options.positions }), null, 2),
    ),
  },
  graphml: { extension: "graphml", ...text("application/graphml+xml", (graph) => graphToGraphml(graph)) },
  gexf: {
    extension: "gexf",
    // graphology and graphology-gexf load on the first GEXF export, not with the page.
    render: async (graph, options) => {
      const { graphToGexf } = await import("../../../formats/graph-to-gexf");
      const gexf = graphToGexf(graph, {
        title: options.title,
        date: options.date.toISOString().slice(0, 10),
        nodeColor: (node) => labelStyleFor(node.data.label).color,
        edgeColor: (edge) => relationshipTypeColor(edge.data.type),
        positions: options.positions,
      });
      return new Blob([gexf], { type: "application/gexf+xml" });
    },
  },
  xlsx: { extension: "xlsx", render: (graph, options) => workbookToXlsx(graphToWorkbook(graph, options.claims)) },
  // Excel reads a CSV as UTF-8 only when it starts with a byte-order mark (else 华为 comes out garbled).
  "csv-nodes": { extension: "nodes.csv", ...text("text/csv;charset=utf-8", (graph) => EXCEL_BOM + nodesToCsv(graph)) },
  "csv-edges": { extension: "edges.csv", ...text("text/csv;charset=utf-8", (graph) => EXCEL_BOM + edgesToCsv(graph)) },
  "evidence-md": {
    extension: "evidence.md",
    ...text("text/markdown;charset=utf-8", (graph) => evidenceTableMarkdown(graph)),
  },
  "evidence-html": {
    extension: "evidence.html",
    ...text("text/html;charset=utf-8", (graph, options) => evidenceTableHtml(graph, options.title)),
  },
};

/** The canvas' graph as a data file, through the serializers the server uses too. */
export async function dataExport(format: DataFormat, graph: Graph, options: DataOptions): Promise<DataFile> {
  const { extension, render } = RENDER[format];
  return { blob: await render(graph, options), extension };
}
