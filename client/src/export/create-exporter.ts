import type { Claim, Graph, GraphNode } from "../../../contract/graph-contract";
import { exportFilename } from "../../../formats/export-filename";
import { sourceFootnotes } from "../../../formats/visible-sources";
import type { CanvasExport, ExportArea } from "../canvas/canvas-export";
import { citeMark } from "./cite-mark";
import { type DataFormat, dataExport } from "./data-export";
import { describeExport, type ExportContext } from "./describe-export";
import { legendEntries, MARK_CLASSES } from "./legend-entries";
import { type ImageFormat, renderImage } from "./render-image";

export interface ImageSettings {
  area: ExportArea;
  scale: number;
  transparent: boolean;
  /** Title, date, legend, numbered sources and how to reproduce, around the graph. */
  evidence: boolean;
  /** The analyst's own title and subtitle; null: the automatic ones. */
  title: string | null;
  subtitle: string | null;
}

export interface ExporterDeps {
  canvas: CanvasExport;
  /** Async: the view is saved for its link ("saved") when asked, not read from an address bar that may lag. */
  context(link: "saved" | "none"): Promise<ExportContext>;
  /** Source nodes that are not on the canvas, for the footnotes' names and dates; may find fewer. */
  fetchSources(ids: readonly string[]): Promise<GraphNode[]>;
  /** The claims behind relationships (by their `id` property); may find fewer. */
  fetchClaims(ids: readonly string[]): Promise<ReadonlyMap<string, readonly Claim[]>>;
  /** Says what happened (file written, scale lowered, nothing to export). */
  notify(message: string): void;
  fail(message: string, error: unknown): void;
}

export interface Exporter {
  image(format: ImageFormat, settings: ImageSettings): Promise<void>;
  data(format: DataFormat): Promise<void>;
  /** The title and subtitle an image of `area` would get unless the analyst sets their own. */
  automaticTitles(area: ExportArea): Promise<{ title: string; subtitle: string }>;
}

const SOURCE_LABEL = "Source";
const FORMAT_NAMES: Record<ImageFormat, string> = { png: "PNG", jpeg: "JPEG", svg: "SVG" };

/** Turns the menu's choices into files: images drawn in the browser, data through the shared serializers. */
export function createExporter(deps: ExporterDeps): Exporter {
  const nothing = (area: ExportArea | "canvas", graph: Graph) => {
    if (graph.nodes.length > 0) return false;
    deps.notify(
      area === "view"
        ? "Nothing to export: no node is in view. Choose “Whole graph” or bring the graph into view."
        : "Nothing to export: the canvas is empty. Search for a node or run a query first.",
    );
    return true;
  };

  /** The shown graph plus every Source node it cites that can be found, so footnotes carry names and dates. */
  const withSources = async (shown: Graph): Promise<Graph> => {
    const have = new Set(shown.nodes.map((node) => node.data.id));
    const extra = deps.canvas
      .visibleGraph("whole")
      .nodes.filter((node) => node.data.label === SOURCE_LABEL && !have.has(node.data.id));
    for (const node of extra) have.add(node.data.id);
    const cited = new Set(sourceFootnotes(shown).footnotes.map((footnote) => footnote.sourceId));
    const missing = [...cited].filter((id) => !have.has(id));
    const fetched = missing.length > 0 ? await deps.fetchSources(missing).catch(() => []) : [];
    return { ...shown, nodes: [...shown.nodes, ...extra, ...fetched] };
  };

  /** The claims of the relationships that have some, keyed by the canvas' edge id. */
  const claimsOf = async (graph: Graph): Promise<Map<string, readonly Claim[]>> => {
    const byProperty = new Map<string, string>();
    for (const { data } of graph.edges) {
      if (typeof data.props.claimCount !== "number" || data.props.claimCount === 0) continue;
      byProperty.set(typeof data.props.id === "string" ? data.props.id : data.id, data.id);
    }
    if (byProperty.size > 0) deps.notify(`Reading the claims of ${byProperty.size} relationships…`);
    const fetched = await deps.fetchClaims([...byProperty.keys()]).catch(() => new Map<string, readonly Claim[]>());
    return new Map([...fetched].map(([id, claims]) => [byProperty.get(id) ?? id, claims]));
  };

  return {
    async image(format, settings) {
      const shown = deps.canvas.visibleGraph(settings.area);
      if (nothing(settings.area, shown)) return;
      const now = new Date();
      const words = describeExport(
        await deps.context(settings.evidence ? "saved" : "none"),
        settings.area,
        { nodes: shown.nodes.length, edges: shown.edges.length },
        now,
      );
      const title = settings.title?.trim() || words.title;
      const ownSubtitle = settings.subtitle?.trim() || null;
      const { footnotes, edgeNumbers } = settings.evidence
        ? sourceFootnotes(await withSources(shown))
        : { footnotes: [], edgeNumbers: new Map<string, number[]>() };
      const edgeNotes = new Map([...edgeNumbers].map(([id, numbers]) => [id, citeMark(numbers)]));
      const filename = exportFilename({
        subject: words.subject,
        what: words.what,
        date: now,
        extension: format === "jpeg" ? "jpg" : format,
      });
      deps.notify(`Exporting ${FORMAT_NAMES[format]}…`);
      try {
        const image = await renderImage(deps.canvas, {
          format,
          area: settings.area,
          scale: settings.scale,
          transparent: settings.transparent,
          evidence: settings.evidence
            ? {
                title,
                subtitle: ownSubtitle ?? words.subtitle,
                ...(ownSubtitle ? { stamp: words.subtitle } : {}),
                legend: legendEntries(
                  shown,
                  deps.canvas.marks(
                    settings.area,
                    MARK_CLASSES.map((mark) => mark.className),
                  ),
                ),
                footnotes,
                reproduce: words.reproduce,
              }
            : null,
          edgeNotes,
          title,
        });
        downloadFile(filename, image.blob);
        const size = `${Math.round(image.width).toLocaleString("en-US")} × ${Math.round(image.height).toLocaleString("en-US")} px`;
        const choice = image.choice;
        deps.notify(
          choice?.clamped
            ? `Exported ${filename} at ${choice.scale}× instead of ${settings.scale}×: ${choice.requested.width.toLocaleString("en-US")} × ${choice.requested.height.toLocaleString("en-US")} px is over the browser's canvas limit. SVG keeps every detail.`
            : `Exported ${filename} (${size})`,
        );
      } catch (error) {
        deps.fail(`Exporting ${FORMAT_NAMES[format]} failed`, error);
      }
    },

    async automaticTitles(area) {
      const shown = deps.canvas.visibleGraph(area);
      const words = describeExport(
        await deps.context("none"),
        area,
        { nodes: shown.nodes.length, edges: shown.edges.length },
        new Date(),
      );
      return { title: words.title, subtitle: words.subtitle };
    },

    async data(format) {
      const graph = deps.canvas.visibleGraph("whole");
      if (nothing("canvas", graph)) return;
      const now = new Date();
      const words = describeExport(
        await deps.context("none"),
        "canvas",
        { nodes: graph.nodes.length, edges: graph.edges.length },
        now,
      );
      try {
        const claims = format === "xlsx" ? await claimsOf(graph) : new Map<string, readonly Claim[]>();
        const file = await dataExport(format, graph, {
          title: words.title,
          positions: deps.canvas.positions(),
          date: now,
          claims,
        });
        const filename = exportFilename({
          subject: words.subject,
          what: words.what,
          date: now,
          extension: file.extension,
        });
        downloadFile(filename, file.blob);
        deps.notify(`Exported ${filename}`);
      } catch (error) {
        deps.fail("Exporting the data failed", error);
      }
    },
  };
}

/** Hands a file to the browser's downloads through a temporary <a download> and a blob: URL. */
export function downloadFile(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by then; a minute is generous for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
