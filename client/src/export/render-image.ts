import type { CanvasExport, ExportArea } from "../canvas/canvas-export";
import { clampScale, type ScaleChoice } from "./clamp-scale";
import { composeSvg } from "./compose-svg";
import { type EvidenceText, evidenceLayout } from "./evidence-layout";
import { canvasLabelMeasure, canvasMeasure, drawOps } from "./ops-to-canvas";
import { sceneOps } from "./scene-ops";

export type ImageFormat = "png" | "jpeg" | "svg";

export interface ImageRequest {
  format: ImageFormat;
  area: ExportArea;
  scale: number;
  transparent: boolean;
  /** The evidence block's words, or null for the graph alone. */
  evidence: EvidenceText | null;
  /** Edge id → footnote mark appended to its label. */
  edgeNotes: ReadonlyMap<string, string>;
  /** Title of the SVG document. */
  title: string;
}

export interface RenderedImage {
  blob: Blob;
  width: number;
  height: number;
  /** For PNG and JPEG: the scale used, and whether the canvas limits lowered it. */
  choice: ScaleChoice | null;
}

const WHITE = "#ffffff";
const JPEG_QUALITY = 0.92;

/** Draws the export: the graph from Cytoscape (its PNG, or its scene as SVG elements), composed with its evidence block on a 2D canvas or in SVG. */
export async function renderImage(canvas: CanvasExport, request: ImageRequest): Promise<RenderedImage> {
  const measure = canvasMeasure();
  // JPEG has no transparency: transparent pixels would turn black.
  const background = request.format === "jpeg" || !request.transparent ? WHITE : null;
  if (request.format === "svg") {
    return canvas.shoot(request.area, request.edgeNotes, (shot) => {
      const layout = evidenceLayout(shot.size, request.evidence, measure);
      const scene = shot.scene();
      const text = composeSvg({
        layout,
        graph: { ops: sceneOps(scene, canvasLabelMeasure()), translate: scene.translate, zoom: scene.zoom },
        scale: request.scale,
        background,
        title: request.title,
      });
      const blob = new Blob([text], { type: "image/svg+xml;charset=utf-8" });
      return { blob, width: layout.width * request.scale, height: layout.height * request.scale, choice: null };
    });
  }
  // Size, scale and Cytoscape's drawing are decided inside shoot: the export look holds only there.
  const { layout, choice, graph } = canvas.shoot(request.area, request.edgeNotes, (shot) => {
    const laid = evidenceLayout(shot.size, request.evidence, measure);
    const chosen = clampScale(laid, request.scale);
    return { layout: laid, choice: chosen, graph: shot.png(chosen.scale, background ?? undefined) };
  });
  const bitmap = await createImageBitmap(await graph);
  const page = document.createElement("canvas");
  page.width = choice.size.width;
  page.height = choice.size.height;
  const context = page.getContext("2d");
  if (!context) throw new Error(`The browser refused a ${page.width} × ${page.height} px canvas`);
  if (background) {
    context.fillStyle = background;
    context.fillRect(0, 0, page.width, page.height);
  }
  context.scale(choice.scale, choice.scale);
  context.drawImage(bitmap, layout.graph.x, layout.graph.y, layout.graph.width, layout.graph.height);
  bitmap.close();
  drawOps(context, layout.ops);
  const type = request.format === "jpeg" ? "image/jpeg" : "image/png";
  const blob = await new Promise<Blob | null>((resolve) => page.toBlob(resolve, type, JPEG_QUALITY));
  // Let the memory go now rather than at the next garbage collection.
  page.width = 0;
  page.height = 0;
  if (!blob || blob.size === 0) throw new Error("The browser could not encode the image");
  return { blob, width: choice.size.width, height: choice.size.height, choice };
}
