import type { Core, EdgeSingular, NodeSingular } from "cytoscape";
import type { EdgeData, Graph, GraphEdge, GraphNode, NodeData, Properties } from "../../../contract/graph-contract";
import { CAPTION_YIELDS_CLASS, FILTERED, NAME_GIVES_WAY_CLASS, NAME_KEPT_CLASS } from "../look/canvas-classes";
import { type GraphScene, readScene } from "./graph-scene";
import type { Point } from "./place-around";

/** What an image shows: the part of the graph in the window, or all of it at zoom 1. */
export type ExportArea = "view" | "whole";

/** The graph drawn for an export, valid only inside `CanvasExport.shoot`'s callback. */
export interface ExportShot {
  /** Size of the drawing at scale 1, in pixels. */
  readonly size: { readonly width: number; readonly height: number };
  /** The drawing as a PNG; `background` is a CSS colour, none for transparent. */
  png(scale: number, background?: string): Promise<Blob>;
  /** What the drawing holds, read from Cytoscape as plain values, for the export's own SVG. */
  scene(): GraphScene;
}

/** How many shown elements carry a mark class, and how the first is drawn with it. */
export interface MarkSample {
  readonly className: string;
  readonly count: number;
  /** The halo's colour and opacity (`underlay-*`); null when the mark draws none. */
  readonly halo: { readonly color: string; readonly opacity: number } | null;
  /** The element's opacity with the mark (a faded relationship: below 1). */
  readonly opacity: number;
  /** Its line colour (a relationship) or border colour (a node). */
  readonly color: string;
}

export interface CanvasExport {
  /** The contract DTOs of what is drawn: everything, or what the window shows. */
  visibleGraph(area: ExportArea): Graph;
  /** The mark classes (the timeline's) carried by what `visibleGraph(area)` holds: only those present. */
  marks(area: ExportArea, classes: readonly string[]): MarkSample[];
  /** Node positions in model coordinates. */
  positions(): Map<string, Point>;
  /**
   * Runs `draw` (synchronously) with the export look: no selection or highlight, and the labels of
   * the edges in `edgeNotes` followed by their note ("sources from [1, 2]"). Everything is put back after.
   */
  shoot<T>(area: ExportArea, edgeNotes: ReadonlyMap<string, string>, draw: (shot: ExportShot) => T): T;
}

/** Above any real size: giving Cytoscape a maximum keeps it from multiplying by the screen's pixel ratio. */
const NO_PIXEL_RATIO = Number.MAX_SAFE_INTEGER;
/** Captions (relationships' and nodes') are never printed smaller than this (pixels at scale 1), whatever the zoom. */
export const MIN_PRINTED_LABEL_PX = 12;
/** Room kept around the drawing when an export of the view is cropped to it. */
const CROP_MARGIN_PX = 16;

interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of the window the drawing covers (rendered pixels), with a margin; the whole window when it fills it. */
export function cropToDrawing(
  drawn: { x1: number; y1: number; x2: number; y2: number },
  window: { width: number; height: number },
  margin = CROP_MARGIN_PX,
): Crop {
  const x1 = Math.max(0, Math.floor(drawn.x1 - margin));
  const y1 = Math.max(0, Math.floor(drawn.y1 - margin));
  const x2 = Math.min(window.width, Math.ceil(drawn.x2 + margin));
  const y2 = Math.min(window.height, Math.ceil(drawn.y2 + margin));
  if (x2 - x1 < 1 || y2 - y1 < 1) return { x: 0, y: 0, ...window };
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/** Cuts `crop` (in pixels at scale 1) out of a PNG drawn at `scale`. */
async function cropPng(blob: Blob, crop: Crop, scale: number): Promise<Blob> {
  const bitmap = await createImageBitmap(
    blob,
    Math.round(crop.x * scale),
    Math.round(crop.y * scale),
    Math.round(crop.width * scale),
    Math.round(crop.height * scale),
  );
  const page = document.createElement("canvas");
  page.width = bitmap.width;
  page.height = bitmap.height;
  page.getContext("2d")?.drawImage(bitmap, 0, 0);
  bitmap.close();
  const cropped = await new Promise<Blob | null>((resolve) => page.toBlob(resolve, "image/png"));
  page.width = 0;
  page.height = 0;
  if (!cropped) throw new Error("The browser could not crop the image");
  return cropped;
}

export function createCanvasExport(cy: Core): CanvasExport {
  const inView = () => {
    const view = cy.extent();
    return (box: { x1: number; y1: number; x2: number; y2: number }) =>
      box.x2 >= view.x1 && box.x1 <= view.x2 && box.y2 >= view.y1 && box.y1 <= view.y2;
  };
  return {
    marks: (area, classes) => {
      const shown = area === "whole" ? () => true : inView();
      const elements = cy
        .elements()
        .not(FILTERED)
        .filter((element) => shown(element.boundingBox({})));
      return classes.flatMap((className): MarkSample[] => {
        const marked = elements.filter(`.${className}`);
        const first = marked[0];
        if (first === undefined) return [];
        const halo = Number(first.style("underlay-opacity"));
        return [
          {
            className,
            count: marked.length,
            halo: halo > 0 ? { color: String(first.style("underlay-color")), opacity: halo } : null,
            opacity: Number(first.style("opacity")),
            color: String(first.style(first.isEdge() ? "line-color" : "border-color")),
          },
        ];
      });
    },
    visibleGraph: (area) => {
      const shown = area === "whole" ? () => true : inView();
      return {
        nodes: cy
          .nodes()
          .not(FILTERED)
          .filter((node) => shown(node.boundingBox({})))
          .map(toNodeDto),
        edges: cy
          .edges()
          .not(FILTERED)
          .filter((edge) => shown(edge.boundingBox({})))
          .map(toEdgeDto),
        truncated: false,
      };
    },
    positions: () =>
      new Map(
        cy
          .nodes()
          .not(FILTERED)
          .nodes()
          .map((node) => [node.id(), { ...node.position() }]),
      ),
    shoot: (area, edgeNotes, draw) => {
      const selected = cy.elements(":selected");
      const incident = cy.edges(".incident");
      // A caption that gives way on screen is still printed: it carries the footnote of its sources.
      // Names keep the places the screen gave them; one that gave way is printed under its node.
      const yielded = cy.elements(`.${CAPTION_YIELDS_CLASS}, .${NAME_GIVES_WAY_CLASS}`);
      // Names kept while zoomed out are printed like every other name, at the printed size.
      const kept = cy.nodes(`.${NAME_KEPT_CLASS}`);
      const noted = cy.collection();
      cy.batch(() => {
        selected.unselect();
        incident.removeClass("incident");
        yielded.removeClass([CAPTION_YIELDS_CLASS, NAME_GIVES_WAY_CLASS]);
        kept.removeClass(NAME_KEPT_CLASS);
        cy.elements(".just-added").removeClass("just-added");
        for (const [id, note] of edgeNotes) {
          const edge = cy.getElementById(id);
          if (edge.empty() || !edge.isEdge()) continue;
          edge.style("label", `${String(edge.data("caption"))} ${note}`);
          noted.merge(edge);
        }
      });
      const full = area === "whole";
      const shown = cy.elements().not(FILTERED);
      // Captions at a printable size: at the view's zoom they may be a few pixels high.
      const printedZoom = full ? 1 : cy.zoom();
      const enlarged = cy.collection();
      cy.batch(() => {
        for (const element of shown) {
          const size = Number.parseFloat(String(element.style("font-size")));
          if (!(size * printedZoom < MIN_PRINTED_LABEL_PX)) continue;
          element.style("font-size", MIN_PRINTED_LABEL_PX / printedZoom);
          enlarged.merge(element);
        }
      });
      const box = shown.boundingBox({});
      const window = { width: cy.width(), height: cy.height() };
      // The view, cropped to what is drawn in it: no wide empty margins around a small graph.
      const crop = full ? null : cropToDrawing(shown.renderedBoundingBox({}), window);
      const size = crop
        ? { width: crop.width, height: crop.height }
        : { width: Math.ceil(box.w), height: Math.ceil(box.h) };
      const limits = { maxWidth: NO_PIXEL_RATIO, maxHeight: NO_PIXEL_RATIO };
      const pan = cy.pan();
      try {
        return draw({
          size,
          png: async (scale, background) => {
            const drawn = await cy.png({
              output: "blob-promise",
              full,
              scale,
              ...limits,
              ...(background ? { bg: background } : {}),
            });
            return crop ? cropPng(drawn, crop, scale) : drawn;
          },
          // cy.png draws the whole graph shifted by its box, or the view with its pan and zoom.
          scene: () =>
            readScene(shown, {
              ...size,
              translate: crop ? { x: pan.x - crop.x, y: pan.y - crop.y } : { x: -box.x1, y: -box.y1 },
              zoom: printedZoom,
            }),
        });
      } finally {
        cy.batch(() => {
          enlarged.removeStyle("font-size");
          noted.removeStyle("label");
          selected.select();
          incident.addClass("incident");
          yielded.edges().addClass(CAPTION_YIELDS_CLASS);
          yielded.nodes().addClass(NAME_GIVES_WAY_CLASS);
          kept.addClass(NAME_KEPT_CLASS);
        });
      }
    },
  };
}

/** Back from element data to the contract's node: the fields the server sent, not the canvas' own. */
function toNodeDto(node: NodeSingular): GraphNode {
  const data = node.data() as Partial<NodeData>;
  const label = data.label ?? data.labels?.[0] ?? "";
  const nodeData: NodeData = {
    id: node.id(),
    elementId: data.elementId ?? node.id(),
    labels: data.labels ?? (label ? [label] : []),
    label,
    caption: data.caption ?? node.id(),
    props: propsOf(data.props),
  };
  return { data: nodeData };
}

function toEdgeDto(edge: EdgeSingular): GraphEdge {
  const data = edge.data() as Partial<EdgeData>;
  const type = data.type ?? "";
  const dto: EdgeData = {
    id: edge.id(),
    elementId: data.elementId ?? edge.id(),
    source: edge.source().id(),
    target: edge.target().id(),
    type,
    caption: data.caption ?? type,
    props: propsOf(data.props),
  };
  if (data.certainty) dto.certainty = data.certainty;
  return { data: dto };
}

function propsOf(value: unknown): Properties {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? { ...(value as Properties) } : {};
}
