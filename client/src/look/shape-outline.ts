import type { NodeShape } from "./label-styles";

export type Outline =
  | { kind: "circle"; cx: number; cy: number; r: number }
  | { kind: "rect"; x: number; y: number; width: number; height: number; radius: number }
  | { kind: "polygon"; points: Array<{ x: number; y: number }> };

const POLYGONS: Partial<Record<NodeShape, { sides: number; rotation: number }>> = {
  "round-diamond": { sides: 4, rotation: -90 },
  "round-hexagon": { sides: 6, rotation: 0 },
  "round-triangle": { sides: 3, rotation: -90 },
  "round-pentagon": { sides: 5, rotation: -90 },
  "round-octagon": { sides: 8, rotation: 22.5 },
};

/** The outline of a node shape of diameter `size` centred on (x, y), as the legend draws it. */
export function shapeOutline(shape: NodeShape, x: number, y: number, size: number): Outline {
  const radius = size / 2;
  if (shape === "round-rectangle") {
    const side = size * 0.8;
    return { kind: "rect", x: x - side / 2, y: y - side / 2, width: side, height: side, radius: side * 0.22 };
  }
  const polygon = POLYGONS[shape];
  if (!polygon) return { kind: "circle", cx: x, cy: y, r: radius * 0.85 };
  // Triangles look small in a square: move the centroid down a little.
  const shift = polygon.sides === 3 ? radius * 0.18 : 0;
  const points = Array.from({ length: polygon.sides }, (_, index) => {
    const angle = ((polygon.rotation + (360 / polygon.sides) * index) * Math.PI) / 180;
    return { x: x + radius * 0.9 * Math.cos(angle), y: y + shift + radius * 0.9 * Math.sin(angle) };
  });
  return { kind: "polygon", points };
}
