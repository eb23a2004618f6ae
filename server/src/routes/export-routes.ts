import { Router } from "express";
import { z } from "zod";
import type { Graph } from "../../../contract/graph-contract";
import { exportFilename } from "../../../formats/export-filename";
import { edgesToCsv, nodesToCsv } from "../../../formats/graph-to-csv";
import { graphToCyjs } from "../../../formats/graph-to-cyjs";
import { evidenceTableHtml, evidenceTableMarkdown } from "../../../formats/graph-to-evidence-table";
import { graphToGraphml } from "../../../formats/graph-to-graphml";
import type { GraphRepository } from "../graph/graph-repository";
import { abortOnClose } from "./abort-on-close";
import { graphQuerySchema, neighborsQuerySchema, nodeIdSchema } from "./request-schemas";

interface Rendering {
  extension: string;
  contentType: string;
  render: (graph: Graph, title: string) => string;
}

/** Every data format the server exports, by the name `?format=` takes. */
const FORMATS: { [format: string]: Rendering } = {
  graphml: { extension: "graphml", contentType: "application/graphml+xml", render: (graph) => graphToGraphml(graph) },
  cyjs: {
    extension: "cyjs",
    contentType: "application/json",
    render: (graph, title) => JSON.stringify(graphToCyjs(graph, { name: title }), null, 2),
  },
  json: { extension: "json", contentType: "application/json", render: (graph) => JSON.stringify(graph, null, 2) },
  "csv-nodes": { extension: "nodes.csv", contentType: "text/csv", render: (graph) => nodesToCsv(graph) },
  "csv-edges": { extension: "edges.csv", contentType: "text/csv", render: (graph) => edgesToCsv(graph) },
  markdown: { extension: "md", contentType: "text/markdown", render: (graph) => evidenceTableMarkdown(graph) },
  html: { extension: "html", contentType: "text/html", render: (graph, title) => evidenceTableHtml(graph, title) },
};

const exportQuerySchema = z.object({
  format: z.enum(Object.keys(FORMATS) as [string, ...string[]], {
    error: `format must be one of: ${Object.keys(FORMATS).join(", ")}`,
  }),
  /** With a node: its neighbourhood (types, direction, limit as for /nodes/:id/neighbors); without: the graph. */
  node: nodeIdSchema.optional(),
});

/** `GET /api/export?format=...`: the same selections as the graph endpoints, as a file. */
export function exportRoutes(repository: GraphRepository): Router {
  const router = Router();
  router.get("/export", async (req, res) => {
    const { format, node } = exportQuerySchema.parse(req.query);
    const signal = abortOnClose(res);
    const graph = node
      ? await repository.neighbors(node, neighborsQuerySchema.parse(req.query), signal)
      : await repository.graph(graphQuerySchema.parse(req.query).limit, signal);
    const rendering = FORMATS[format] as Rendering;
    const title = node ? `${node} neighbourhood` : "Graph Explorer graph";
    const filename = exportFilename({
      subject: node ?? "graph",
      what: node ? "neighbourhood" : "all",
      date: new Date(),
      extension: rendering.extension,
    });
    res.setHeader(
      "Content-Disposition",
      `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );
    res.type(rendering.contentType).send(rendering.render(graph, title));
  });
  return router;
}
