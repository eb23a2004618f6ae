export interface CanvasLimits {
  /** Longest side of a canvas, in pixels. */
  readonly maxSide: number;
  /** Most pixels in one canvas. */
  readonly maxArea: number;
}

/**
 * Chromium refuses canvases over 16,384 px on a side or 268 M pixels (a refused canvas exports as a
 * blank file). The area budget here is a quarter of that: the export holds the graph's canvas, the
 * composed canvas and the encoded file at once, and 67 M pixels (256 MB each) is what a laptop's
 * browser tab survives; past it, SVG keeps every detail.
 */
export const CANVAS_LIMITS: CanvasLimits = { maxSide: 16_384, maxArea: 16_384 * 4_096 };

export interface ScaleChoice {
  /** The scale to draw at: the one asked for, or the largest that fits the limits. */
  scale: number;
  clamped: boolean;
  /** Output size at the scale asked for, and at the chosen one, in whole pixels. */
  requested: { width: number; height: number };
  size: { width: number; height: number };
}

/** Picks the export scale: `requested` unless the image (`base` at scale 1) would pass the canvas limits. */
export function clampScale(
  base: { width: number; height: number },
  requested: number,
  limits: CanvasLimits = CANVAS_LIMITS,
): ScaleChoice {
  const sized = (scale: number) => ({
    width: Math.max(1, Math.ceil(base.width * scale)),
    height: Math.max(1, Math.ceil(base.height * scale)),
  });
  const fits = (scale: number) => {
    const { width, height } = sized(scale);
    return width <= limits.maxSide && height <= limits.maxSide && width * height <= limits.maxArea;
  };
  if (fits(requested)) return { scale: requested, clamped: false, requested: sized(requested), size: sized(requested) };
  const largest = Math.min(
    limits.maxSide / Math.max(base.width, 1),
    limits.maxSide / Math.max(base.height, 1),
    Math.sqrt(limits.maxArea / Math.max(base.width * base.height, 1)),
  );
  // Two decimals, rounded down, then stepped down until rounding up the pixels fits too.
  let scale = Math.floor(largest * 100) / 100;
  while (scale > 0.01 && !fits(scale)) scale = Math.round((scale - 0.01) * 100) / 100;
  scale = Math.max(scale, 0.01);
  return { scale, clamped: true, requested: sized(requested), size: sized(scale) };
}
