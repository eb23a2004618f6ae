import { svgEl } from "../dom/el";
import type { LabelStyle } from "./label-styles";
import { type Outline, shapeOutline } from "./shape-outline";

/** A small SVG of a label's node shape and colours, as drawn on the canvas (same outline as exports). */
export function shapeIcon(style: LabelStyle, size = 14): SVGSVGElement {
  const paint = { fill: style.color, stroke: style.borderColor, "stroke-width": 1.6, "stroke-linejoin": "round" };
  return svgEl(
    "svg",
    { width: size, height: size, viewBox: "0 0 20 20", class: "shape-icon", "aria-hidden": "true" },
    outlineElement(shapeOutline(style.shape, 10, 10, 19), paint),
  );
}

function outlineElement(outline: Outline, paint: Record<string, string | number>): SVGElement {
  switch (outline.kind) {
    case "circle":
      return svgEl("circle", { cx: outline.cx, cy: outline.cy, r: outline.r, ...paint });
    case "rect":
      return svgEl("rect", {
        x: outline.x,
        y: outline.y,
        width: outline.width,
        height: outline.height,
        rx: outline.radius,
        ...paint,
      });
    case "polygon":
      return svgEl("polygon", {
        points: outline.points.map((point) => `${point.x.toFixed(2)},${point.y.toFixed(2)}`).join(" "),
        ...paint,
      });
  }
}
