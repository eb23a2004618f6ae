import type { DrawOp } from "./draw-ops";

/** A piece of a flowing row: its width, and how to draw it with its left edge at x and its middle at y. */
export interface FlowItem {
  readonly width: number;
  draw(x: number, middle: number): DrawOp[];
}

/**
 * Lays items left to right from `x`, wrapping to a new line of `lineHeight` when the next one would
 * pass `x + width`. Returns the drawing and the height used.
 */
export function flowRow(
  items: readonly FlowItem[],
  area: { x: number; y: number; width: number },
  lineHeight: number,
  gap: number,
): { ops: DrawOp[]; height: number } {
  const ops: DrawOp[] = [];
  let left = area.x;
  let line = 0;
  for (const item of items) {
    if (left > area.x && left + item.width > area.x + area.width) {
      line += 1;
      left = area.x;
    }
    ops.push(...item.draw(left, area.y + line * lineHeight + lineHeight / 2));
    left += item.width + gap;
  }
  return { ops, height: items.length === 0 ? 0 : (line + 1) * lineHeight };
}
