import type { StylesheetJson } from "cytoscape";
import { FILTERED_CLASS, PINNED_CLASS } from "../look/canvas-classes";

/** Canvas rules of the view tools: filtered elements are not drawn, pinned nodes wear a double ring. */
export function viewStylesheet(): StylesheetJson {
  return [
    { selector: `.${FILTERED_CLASS}`, style: { display: "none" } },
    { selector: `node.${PINNED_CLASS}`, style: { "border-style": "double", "border-width": 5.5 } },
  ];
}
