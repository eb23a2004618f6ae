import { Router } from "express";
import type { Graph } from "../../../contract/graph-contract";
import { graphEndpoints } from "../../../contract/graph-endpoints";
import {
  type ExportFormat,
  graphQuerySchema,
  MAX_EXPANSION_LINKS,
  type NeighborsRequest,
  neighborsQuerySchema,
} from "../../../contract/request-schemas";
import { exportFilename } from "../../../formats/export-filename";
import { edgesToCsv, nodesToCsv } from "../../../formats/graph-to-csv";
import { graphToCyjs } from "../../../formats/graph-to-cyjs";
import { evidenceTableHtml, evidenceTableMarkdown } from "../../../formats/graph-to-evidence-table";
import { graphToGraphml } from "../../../formats/graph-to-graphml";
import type { GraphRepository } from "../graph/graph-repository";
import { route } from "../http/route";
import { abortOnClose } from "./abort-on-close";

interface Rendering {
  extension: string;
  contentType: string;
  render: (graph: Graph, title: string) => string;
}

/** How each data format of the contract is written. */
const FORMATS: { [format in ExportFormat]: Rendering } = {
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

/** `GET /api/export?format=...`: the same selections as the graph endpoints, as a file. */
export function exportRoutes(repository: GraphRepository): Router {
  const router = Router();
  route(router, graphEndpoints.export, async (req, res) => {
    const { format, node } = graphEndpoints.export.query.parse(req.query);
    const signal = abortOnClose(res);
    const graph = node
      ? await repository.neighbors(node, exportedNeighbourhood(neighborsQuerySchema.parse(req.query)), signal)
      : await repository.graph(graphQuerySchema.parse(req.query).limit, signal);
    const rendering = FORMATS[format];
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

/** A file of a neighbourhood holds every relationship among the neighbours unless `links` says otherwise (the server's cap holds). */
function exportedNeighbourhood(request: NeighborsRequest): NeighborsRequest {
  return { ...request, links: request.links ?? MAX_EXPANSION_LINKS };
}
