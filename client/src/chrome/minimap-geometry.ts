export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** How model coordinates map onto the minimap: scale, then offset (minimap pixels). */
export interface MinimapTransform {
  scale: number;
  dx: number;
  dy: number;
}

/** Fits `bounds` (the graph, model coordinates) into a width × height minimap, centred, with padding. */
export function minimapTransform(bounds: Rect, width: number, height: number, padding = 8): MinimapTransform {
  const w = Math.max(bounds.x2 - bounds.x1, 1);
  const h = Math.max(bounds.y2 - bounds.y1, 1);
  const scale = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  return {
    scale,
    dx: (width - w * scale) / 2 - bounds.x1 * scale,
    dy: (height - h * scale) / 2 - bounds.y1 * scale,
  };
}

/** The model point under a minimap pixel. */
export function toModel(t: MinimapTransform, x: number, y: number): { x: number; y: number } {
  return { x: (x - t.dx) / t.scale, y: (y - t.dy) / t.scale };
}
