import { el } from "../dom/el";
import { relationshipTypeColor } from "./relationship-type-colors";

/** A small arrowhead in the type's colour, as the canvas draws it: for the legend and the vocabulary editor. */
export function typeSwatch(type: string): HTMLElement {
  const swatch = el("span", { class: "type-swatch", "aria-hidden": "true" });
  swatch.style.setProperty("--type-color", relationshipTypeColor(type));
  return swatch;
}
