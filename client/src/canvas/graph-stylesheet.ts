import type { EdgeSingular, SingularElementArgument, StylesheetJson } from "cytoscape";
import { CANVAS_PALETTES, type CanvasPalette } from "../look/canvas-palette";
import { CERTAINTY_STYLES, type CertaintyStyle } from "../look/certainty-styles";
import {
  EDGE_FONT_PX,
  hiddenBelowPx,
  legibleFontSize,
  NODE_FONT_PX,
  NODE_NAME_GAP_PX,
  NODE_NAME_WRAP_PX,
} from "../look/label-legibility";
import { DEFAULT_LABEL_STYLE, LABEL_STYLES, type LabelStyle, labelClass } from "../look/label-styles";
import { relationshipTypeColor } from "../look/relationship-type-colors";
import { REPORTED_DASH, SPECULATIVE_DOTS, screenDashPattern, speculativeLineStyle } from "./screen-dashes";

export const FONT_FAMILY =
  '"Inter", "Segoe UI", "Helvetica Neue", "Liberation Sans", "DejaVu Sans", "Noto Sans CJK SC", Arial, sans-serif';

/**
 * Every visual rule of the canvas, derived from the label and certainty tables and the theme's
 * palette. `zoom` is read whenever the style is recomputed: captions grow in the model as the view
 * zooms out so that they stay legible on screen, and are not drawn once they would be smaller than
 * MIN_LABEL_PX (look/label-legibility.ts).
 */
export function graphStylesheet(
  labels: readonly LabelStyle[] = LABEL_STYLES,
  certainties: readonly CertaintyStyle[] = CERTAINTY_STYLES,
  palette: CanvasPalette = CANVAS_PALETTES.light,
  zoom: () => number = () => 1,
): StylesheetJson {
  const { ink: INK, accent: ACCENT, added: ADDED } = palette;
  return [
    {
      selector: "node",
      style: {
        ...nodeLook(DEFAULT_LABEL_STYLE),
        "border-width": 2,
        label: "data(display)",
        "font-family": FONT_FAMILY,
        "font-size": () => legibleFontSize(NODE_FONT_PX, zoom()),
        "min-zoomed-font-size": (element: SingularElementArgument) => hiddenBelowPx(zoom(), pixelRatioOf(element)),
        "font-weight": 600,
        color: INK,
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": NODE_NAME_GAP_PX,
        "text-wrap": "wrap",
        "text-max-width": `${NODE_NAME_WRAP_PX}px`,
        "text-background-color": palette.captionBackground,
        "text-background-opacity": 0.82,
        "text-background-padding": "2px",
        "text-background-shape": "roundrectangle",
        "overlay-padding": 4,
        "z-index": 10,
      },
    },
    ...labels.map((style) => ({ selector: `node.${labelClass(style.label)}`, style: nodeLook(style) })),
    {
      selector: "edge",
      style: {
        width: 1.6,
        "curve-style": "bezier",
        "control-point-step-size": 48,
        "line-color": palette.edge,
        "target-arrow-color": palette.edge,
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.95,
        label: "data(caption)",
        "font-family": FONT_FAMILY,
        "font-size": () => legibleFontSize(EDGE_FONT_PX, zoom()),
        "min-zoomed-font-size": (element: SingularElementArgument) => hiddenBelowPx(zoom(), pixelRatioOf(element)),
        color: palette.edgeCaption,
        "text-rotation": "autorotate",
        "text-background-color": palette.edgeCaptionBackground,
        "text-background-opacity": 0.92,
        "text-background-padding": "2px",
        "text-background-shape": "roundrectangle",
        "z-index": 1,
      },
    },
    ...certainties.map((style) => ({
      selector: `edge.certainty-${style.certainty}`,
      style: {
        "line-style": style.lineStyle,
        "line-color": palette.certaintyLines[style.certainty],
        "target-arrow-color": palette.certaintyLines[style.certainty],
        // Dashes keep their length on screen as the view zooms out (screen-dashes.ts).
        ...(style.lineStyle === "dashed"
          ? { "line-dash-pattern": () => screenDashPattern(REPORTED_DASH, zoom()) }
          : {}),
        ...(style.lineStyle === "dotted"
          ? {
              width: 2,
              color: palette.speculativeCaption,
              "line-style": () => speculativeLineStyle(zoom()),
              "line-dash-pattern": () => screenDashPattern(SPECULATIVE_DOTS, zoom()),
            }
          : {}),
      },
    })),
    // The line says how certain, the arrowhead which type: any type, one added a minute ago too.
    {
      selector: "edge[type]",
      style: { "target-arrow-color": (edge: EdgeSingular) => relationshipTypeColor(String(edge.data("type"))) },
    },
    {
      selector: "edge.incident",
      style: {
        width: 2.4,
        "line-color": palette.incident,
        "target-arrow-color": palette.incident,
        color: INK,
        "z-index": 5,
      },
    },
    {
      selector: "node:selected",
      style: {
        "border-color": ACCENT,
        "border-width": 3.5,
        "underlay-color": ACCENT,
        "underlay-opacity": 0.18,
        "underlay-padding": 7,
        "underlay-shape": "ellipse",
        "z-index": 20,
      },
    },
    {
      selector: "edge:selected",
      style: {
        width: 3,
        "line-color": ACCENT,
        "target-arrow-color": ACCENT,
        color: ACCENT,
        "font-weight": 700,
        "z-index": 20,
      },
    },
    {
      selector: "node.just-added",
      style: { "underlay-color": ADDED, "underlay-opacity": 0.45, "underlay-padding": 9, "underlay-shape": "ellipse" },
    },
    {
      selector: "edge.just-added",
      style: { "line-color": ADDED, "target-arrow-color": ADDED, width: 2.6 },
    },
  ];
}

function nodeLook(style: LabelStyle) {
  return {
    shape: style.shape,
    width: style.size,
    height: style.size,
    "background-color": style.color,
    "border-color": style.borderColor,
  };
}

/** The pixel ratio the canvas draws at (1 where there is no renderer: a headless canvas in tests). */
function pixelRatioOf(element: SingularElementArgument): number {
  const renderer = (element.cy() as unknown as { renderer(): { getPixelRatio?(): number } | null }).renderer();
  return renderer?.getPixelRatio?.() ?? 1;
}
