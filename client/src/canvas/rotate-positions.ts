import type { Point } from "./place-around";

/**
 * Positions turned by `degrees` around their common centre. A force-directed layout means the
 * same at any angle, but captions are horizontal and screens are wide: turning picks the best fit.
 */
export function rotatePositions(positions: ReadonlyMap<string, Point>, degrees: number): Map<string, Point> {
  const points = [...positions.values()];
  if (points.length === 0 || degrees % 360 === 0) return new Map(positions);
  const centre = {
    x: points.reduce((sum, point) => sum + point.x, 0) / points.length,
    y: points.reduce((sum, point) => sum + point.y, 0) / points.length,
  };
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const turned = new Map<string, Point>();
  for (const [id, point] of positions) {
    const dx = point.x - centre.x;
    const dy = point.y - centre.y;
    turned.set(id, { x: centre.x + dx * cos - dy * sin, y: centre.y + dx * sin + dy * cos });
  }
  return turned;
}
