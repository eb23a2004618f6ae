import { xmlText } from "../../../formats/xml-text";
import type { Box, EvidenceLayout } from "./evidence-layout";
import { opsToSvg } from "./ops-to-svg";

export interface SvgParts {
  layout: EvidenceLayout;
  /** cytoscape-svg's document for the graph, drawn at scale 1. */
  graphSvg: string;
  /** Nominal size: the file says width × scale (the drawing is vector anyway). */
  scale: number;
  /** A CSS colour, or null for transparent. */
  background: string | null;
  title: string;
}

/** One SVG document: background, the evidence block as <text> and shapes, and the graph's own <svg> in its box. */
export function composeSvg(parts: SvgParts): string {
  const { layout, scale } = parts;
  const width = round(layout.width * scale);
  const height = round(layout.height * scale);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${round(layout.width)} ${round(layout.height)}">`,
    `<title>${xmlText(parts.title)}</title>`,
    parts.background ? `<rect x="0" y="0" width="100%" height="100%" fill="${xmlText(parts.background)}"/>` : "",
    opsToSvg(layout.ops),
    placeSvg(parts.graphSvg, layout.graph),
    "</svg>",
    "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

/** The graph's SVG document as an element nested at `box`: prolog dropped, root position and size set. */
export function placeSvg(document: string, box: Box): string {
  const body = document
    .replace(/^\uFEFF/, "")
    .replace(/<\?xml[^?]*\?>/, "")
    .replace(/<!DOCTYPE[^>]*>/i, "")
    .trim();
  const root = /^<svg\b([^>]*?)(\/?)>/.exec(body);
  if (!root) throw new Error("The graph's SVG has no <svg> root");
  const kept = (root[1] ?? "").replace(/\s(x|y|width|height|viewBox)="[^"]*"/g, "");
  const placed = `<svg${kept} x="${round(box.x)}" y="${round(box.y)}" width="${round(box.width)}" height="${round(box.height)}"${root[2]}>`;
  return placed + body.slice(root[0].length);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
