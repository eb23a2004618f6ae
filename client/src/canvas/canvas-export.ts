import type { Core, EdgeSingular, NodeSingular } from "cytoscape";
import type { EdgeData, Graph, GraphEdge, GraphNode, NodeData, Properties } from "../../../contract/graph-contract";
import { FILTERED } from "../look/canvas-classes";
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

export interface CanvasExport {
  /** The contract DTOs of what is drawn: everything, or what the window shows. */
  visibleGraph(area: ExportArea): Graph;
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

export function createCanvasExport(cy: Core): CanvasExport {
  const inView = () => {
    const view = cy.extent();
    return (box: { x1: number; y1: number; x2: number; y2: number }) =>
      box.x2 >= view.x1 && box.x1 <= view.x2 && box.y2 >= view.y1 && box.y1 <= view.y2;
  };
  return {
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
      const noted = cy.collection();
      cy.batch(() => {
        selected.unselect();
        incident.removeClass("incident");
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
      const box = shown.boundingBox({});
      const size = full
        ? { width: Math.ceil(box.w), height: Math.ceil(box.h) }
        : { width: cy.width(), height: cy.height() };
      const limits = { maxWidth: NO_PIXEL_RATIO, maxHeight: NO_PIXEL_RATIO };
      try {
        return draw({
          size,
          png: (scale, background) =>
            cy.png({ output: "blob-promise", full, scale, ...limits, ...(background ? { bg: background } : {}) }),
          // cy.png draws the whole graph shifted by its box, or the view with its pan and zoom.
          scene: () =>
            readScene(shown, {
              ...size,
              translate: full ? { x: -box.x1, y: -box.y1 } : cy.pan(),
              zoom: full ? 1 : cy.zoom(),
            }),
        });
      } finally {
        cy.batch(() => {
          noted.removeStyle("label");
          selected.select();
          incident.addClass("incident");
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
