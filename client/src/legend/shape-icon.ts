import type { LabelStyle, NodeShape } from "../canvas/label-styles";
import { svgEl } from "../dom/el";

/** A small SVG of a label's node shape and colours, as drawn on the canvas. */
export function shapeIcon(style: LabelStyle, size = 14): SVGSVGElement {
  return svgEl(
    "svg",
    { width: size, height: size, viewBox: "0 0 20 20", class: "shape-icon", "aria-hidden": "true" },
    shapeElement(style.shape, {
      fill: style.color,
      stroke: style.borderColor,
      "stroke-width": 1.6,
      "stroke-linejoin": "round",
    }),
  );
}

const POLYGONS: Partial<Record<NodeShape, { sides: number; rotation: number }>> = {
  "round-diamond": { sides: 4, rotation: -90 },
  "round-hexagon": { sides: 6, rotation: 0 },
  "round-triangle": { sides: 3, rotation: -90 },
  "round-pentagon": { sides: 5, rotation: -90 },
  "round-octagon": { sides: 8, rotation: 22.5 },
};

function shapeElement(shape: NodeShape, paint: Record<string, string | number>): SVGElement {
  if (shape === "round-rectangle") return svgEl("rect", { x: 2.5, y: 2.5, width: 15, height: 15, rx: 3.5, ...paint });
  const polygon = POLYGONS[shape];
  if (!polygon) return svgEl("circle", { cx: 10, cy: 10, r: 8, ...paint });
  const points = Array.from({ length: polygon.sides }, (_, index) => {
    const angle = ((polygon.rotation + (360 / polygon.sides) * index) * Math.PI) / 180;
    return `${(10 + 8.5 * Math.cos(angle)).toFixed(2)},${(10 + 8.5 * Math.sin(angle)).toFixed(2)}`;
  });
  // Triangles look small in a square box: move the centroid down a little.
  const shift = polygon.sides === 3 ? { transform: "translate(0 1.8)" } : {};
  return svgEl("polygon", { points: points.join(" "), ...paint, ...shift });
}
