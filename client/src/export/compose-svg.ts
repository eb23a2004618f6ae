import { xmlText } from "../../../formats/xml-text";
import type { DrawOp } from "./draw-ops";
import type { Box, EvidenceLayout } from "./evidence-layout";
import { opsToSvg } from "./ops-to-svg";

/** The graph's drawing in model coordinates, and how the picture shifts and zooms it. */
export interface GraphDrawing {
  ops: readonly DrawOp[];
  translate: { x: number; y: number };
  zoom: number;
}

export interface SvgParts {
  layout: EvidenceLayout;
  graph: GraphDrawing;
  /** Nominal size: the file says width × scale (the drawing is vector anyway). */
  scale: number;
  /** A CSS colour, or null for transparent. */
  background: string | null;
  title: string;
}

/** One SVG document: background, the evidence block as <text> and shapes, and the graph in its own <svg> box. */
export function composeSvg(parts: SvgParts): string {
  const { layout, scale } = parts;
  const width = round(layout.width * scale);
  const height = round(layout.height * scale);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${round(layout.width)} ${round(layout.height)}">`,
    `<title>${xmlText(parts.title)}</title>`,
    parts.background ? `<rect x="0" y="0" width="100%" height="100%" fill="${xmlText(parts.background)}"/>` : "",
    opsToSvg(layout.ops, "evidence-mask-"),
    graphSvg(parts.graph, layout.graph),
    "</svg>",
    "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

/** The graph as a nested <svg> at `box` (which clips it, as the PNG's edges do), shifted and zoomed as drawn. */
export function graphSvg(graph: GraphDrawing, box: Box): string {
  return [
    `<svg x="${round(box.x)}" y="${round(box.y)}" width="${round(box.width)}" height="${round(box.height)}" overflow="hidden">`,
    `<g transform="translate(${round(graph.translate.x)} ${round(graph.translate.y)}) scale(${graph.zoom})">`,
    opsToSvg(graph.ops, "graph-mask-"),
    "</g>",
    "</svg>",
  ].join("\n");
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
