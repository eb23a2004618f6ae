import type { Graph } from "../../../contract/graph-contract";
import { edgesToCsv, nodesToCsv } from "../../../formats/graph-to-csv";
import { graphToCyjs } from "../../../formats/graph-to-cyjs";
import { evidenceTableHtml, evidenceTableMarkdown } from "../../../formats/graph-to-evidence-table";
import { graphToGraphml } from "../../../formats/graph-to-graphml";

export type DataFormat = "cyjs" | "graphml" | "csv-nodes" | "csv-edges" | "evidence-md" | "evidence-html";

export interface DataFile {
  text: string;
  /** MIME type of the blob. */
  type: string;
  /** As the server's /api/export names them: "graphml", "nodes.csv"... */
  extension: string;
}

interface DataOptions {
  /** Network name (.cyjs) and page title (HTML). */
  title: string;
  positions: ReadonlyMap<string, { x: number; y: number }>;
}

const RENDER: Record<
  DataFormat,
  { type: string; extension: string; render(graph: Graph, options: DataOptions): string }
> = {
  cyjs: {
    type: "application/json",
    extension: "cyjs",
    render: (graph, options) =>
      JSON.stringify(graphToCyjs(graph, { name: options.title, positions: options.positions }), null, 2),
  },
  graphml: { type: "application/graphml+xml", extension: "graphml", render: (graph) => graphToGraphml(graph) },
  "csv-nodes": { type: "text/csv;charset=utf-8", extension: "nodes.csv", render: (graph) => nodesToCsv(graph) },
  "csv-edges": { type: "text/csv;charset=utf-8", extension: "edges.csv", render: (graph) => edgesToCsv(graph) },
  "evidence-md": {
    type: "text/markdown;charset=utf-8",
    extension: "evidence.md",
    render: (graph) => evidenceTableMarkdown(graph),
  },
  "evidence-html": {
    type: "text/html;charset=utf-8",
    extension: "evidence.html",
    render: (graph, options) => evidenceTableHtml(graph, options.title),
  },
};

/** The canvas' graph as a data file, through the serializers the server uses too. */
export function dataExport(format: DataFormat, graph: Graph, options: DataOptions): DataFile {
  const { type, extension, render } = RENDER[format];
  return { text: render(graph, options), type, extension };
}
