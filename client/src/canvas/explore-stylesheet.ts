import type { StylesheetJson } from "cytoscape";
import {
  DRAW_LATER_CLASS,
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

/** A drawing pin (red head, dark needle) on a white disc, legible on every node colour and both themes. */
const PIN_MARK = `data:image/svg+xml;utf8,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">' +
    '<circle cx="8" cy="8" r="7.5" fill="#ffffff" stroke="#374151" stroke-width="1"/>' +
    '<path d="M8 9.5 L8 13.5" stroke="#374151" stroke-width="1.6" stroke-linecap="round"/>' +
    '<circle cx="8" cy="6.5" r="3.4" fill="#c62828"/></svg>',
)}`;

/** Canvas rules of the view tools: filtered elements are not drawn, pinned nodes wear a double ring and a pin mark. */
export function viewStylesheet(): StylesheetJson {
  return [
    { selector: `.${FILTERED_CLASS}`, style: { display: "none" } },
    // Not drawn yet (add-elements.ts: nodes first, relationships over the next frames).
    { selector: `edge.${DRAW_LATER_CLASS}`, style: { display: "none" } },
    // Its name is not drawn (nor measured) yet: it comes in the frame after the nodes.
    { selector: `node.${DRAW_LATER_CLASS}`, style: { label: "" } },
    {
      selector: `node.${PINNED_CLASS}`,
      style: {
        "border-style": "double",
        "border-width": 5.5,
        // A pin mark at the top right corner, outside the shape, so a pinned node reads as pinned.
        "background-image": PIN_MARK,
        "background-width": "16px",
        "background-height": "16px",
        "background-position-x": "100%",
        "background-position-y": "0%",
        "background-offset-x": 10,
        "background-offset-y": -10,
        "background-clip": "none",
        "background-image-containment": "over",
        "bounds-expansion": 12,
      },
    },
  ];
}
