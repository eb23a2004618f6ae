import type { StylesheetJson } from "cytoscape";
import {
  FADED_CLASS,
  FILTERED_CLASS,
  LABELS_OFF_CLASS,
  MENU_TARGET_CLASS,
  PATH_EDGE_CLASS,
  PATH_FADED_CLASS,
  PATH_NODE_CLASS,
  PINNED_CLASS,
} from "../look/canvas-classes";
import type { CanvasPalette } from "../look/canvas-palette";

const FADED_OPACITY = 0.16;

/** Canvas rules of exploring: the selected neighbourhood and found paths stand out, the rest fades. */
export function exploreStylesheet(palette: CanvasPalette): StylesheetJson {
  return [
    { selector: `.${FADED_CLASS}, .${PATH_FADED_CLASS}`, style: { opacity: FADED_OPACITY } },
    {
      selector: `node.${PATH_NODE_CLASS}`,
      style: {
        "border-color": palette.path,
        "border-width": 3.5,
        "underlay-color": palette.path,
        "underlay-opacity": 0.22,
        "underlay-padding": 8,
        "underlay-shape": "ellipse",
      },
    },
    {
      selector: `edge.${PATH_EDGE_CLASS}`,
      style: {
        width: 3.4,
        "line-color": palette.path,
        "target-arrow-color": palette.path,
        color: palette.ink,
        "font-weight": 700,
        "z-index": 15,
      },
    },
    {
      selector: `node.${MENU_TARGET_CLASS}`,
      style: {
        "underlay-color": palette.accent,
        "underlay-opacity": 0.28,
        "underlay-padding": 9,
        "underlay-shape": "ellipse",
      },
    },
    { selector: `.${LABELS_OFF_CLASS}`, style: { label: "" } },
  ];
}

/** Canvas rules of the view tools: filtered elements are not drawn, pinned nodes wear a double ring. */
export function viewStylesheet(): StylesheetJson {
  return [
    { selector: `.${FILTERED_CLASS}`, style: { display: "none" } },
    { selector: `node.${PINNED_CLASS}`, style: { "border-style": "double", "border-width": 5.5 } },
  ];
}
