import type { StylesheetJson } from "cytoscape";
import { CERTAINTY_STYLES, type CertaintyStyle } from "./certainty-styles";
import { DEFAULT_LABEL_STYLE, LABEL_STYLES, type LabelStyle, labelClass } from "./label-styles";

export const FONT_FAMILY =
  '"Inter", "Segoe UI", "Helvetica Neue", "Liberation Sans", "DejaVu Sans", "Noto Sans CJK SC", Arial, sans-serif';

const INK = "#1d2736";
/** Relationships without a known certainty. */
export const EDGE_COLOR = "#8a94a3";
const ACCENT = "#1f5fbf";
const ADDED = "#e39b1b";

/** Every visual rule of the canvas, derived from the label and certainty tables. */
export function graphStylesheet(
  labels: readonly LabelStyle[] = LABEL_STYLES,
  certainties: readonly CertaintyStyle[] = CERTAINTY_STYLES,
): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        ...nodeLook(DEFAULT_LABEL_STYLE),
        "border-width": 2,
        label: "data(display)",
        "font-family": FONT_FAMILY,
        "font-size": 13,
        "font-weight": 600,
        color: INK,
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": 4,
        "text-wrap": "wrap",
        "text-max-width": "130px",
        "text-background-color": "#ffffff",
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
        "line-color": EDGE_COLOR,
        "target-arrow-color": EDGE_COLOR,
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.95,
        label: "data(caption)",
        "font-family": FONT_FAMILY,
        "font-size": 11,
        color: "#4a5566",
        "text-rotation": "autorotate",
        "text-background-color": "#f7f8fa",
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
        "line-color": style.lineColor,
        "target-arrow-color": style.lineColor,
        ...(style.lineStyle === "dashed" ? { "line-dash-pattern": [6, 4] } : {}),
        ...(style.lineStyle === "dotted" ? { width: 2, color: "#6b7587" } : {}),
      },
    })),
    {
      selector: "edge.incident",
      style: { width: 2.4, "line-color": "#3e5f8f", "target-arrow-color": "#3e5f8f", color: INK, "z-index": 5 },
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
        "font-size": 12,
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
