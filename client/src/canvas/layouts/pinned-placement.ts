import type { Point } from "../place-around";
import type { PinnedPositions } from "./layout-catalog";

/** A node's drawn size, for telling whether two nodes sit on each other. */
export interface NodeSize {
  width: number;
  height: number;
}

/**
 * Fits a layout that cannot hold nodes in place (grid, hierarchical, circle, concentric) around the
 * pinned ones. The layout gives every node, pinned ones included, a slot; the whole layout is moved
 * so that the pinned nodes' slots fall, on average, where they are pinned (one pinned node: exactly),
 * so a pinned node keeps its neighbours around it instead of being stranded apart from them. A pinned
 * node then goes back to where it is pinned; a node the layout put there gets the slot the pinned
 * node leaves, so nothing sits on top of a pinned node. Pure.
 */
export function placeAroundPinned(
  laidOut: ReadonlyMap<string, Point>,
  pinned: PinnedPositions,
  sizeOf: (id: string) => NodeSize,
): Map<string, Point> {
  const anchored = [...pinned].filter(([id]) => laidOut.has(id));
  if (anchored.length === 0) {
    const result = new Map(laidOut);
    for (const [id, position] of pinned) result.set(id, { ...position });
    return result;
  }
  let dx = 0;
  let dy = 0;
  for (const [id, at] of anchored) {
    const slot = laidOut.get(id) as Point;
    dx += at.x - slot.x;
    dy += at.y - slot.y;
  }
  dx /= anchored.length;
  dy /= anchored.length;
  const result = new Map([...laidOut].map(([id, point]) => [id, { x: point.x + dx, y: point.y + dy }]));

  for (const [id, at] of pinned) {
    const slot = result.get(id);
    result.set(id, { ...at });
    if (!slot) continue;
    const own = sizeOf(id);
    // Whoever the layout put on the pinned node (the nearest one) moves to the slot it leaves.
    let nearest: string | null = null;
    let nearestDistance = Number.POSITIVE_INFINITY;
    for (const [other, point] of result) {
      if (other === id || pinned.has(other)) continue;
      const size = sizeOf(other);
      const overlaps =
        Math.abs(point.x - at.x) < (own.width + size.width) / 2 &&
        Math.abs(point.y - at.y) < (own.height + size.height) / 2;
      const distance = Math.hypot(point.x - at.x, point.y - at.y);
      if (overlaps && distance < nearestDistance) {
        nearest = other;
        nearestDistance = distance;
      }
    }
    if (nearest) result.set(nearest, slot);
  }
  return result;
}
