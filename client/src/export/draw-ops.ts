import type { NodeShape } from "../look/label-styles";

/**
 * Sans-serif text of the exports; CJK names need a font that has them (Noto Sans CJK on Debian).
 * Unquoted, so the list sits as is in an SVG attribute and in a canvas' font.
 */
export const EXPORT_FONT =
  "Inter, Segoe UI, Helvetica Neue, Liberation Sans, DejaVu Sans, Noto Sans CJK SC, Microsoft YaHei, PingFang SC, Arial, sans-serif";
export const EXPORT_MONO_FONT =
  "JetBrains Mono, DejaVu Sans Mono, Liberation Mono, Noto Sans Mono CJK SC, Menlo, Consolas, monospace";

export const INK = "#1d2736";
export const INK_2 = "#475467";
export const INK_3 = "#667085";
export const RULE = "#dfe3ea";

export interface FontSpec {
  readonly size: number;
  readonly weight: 400 | 600 | 700;
  readonly mono?: boolean;
}

/** Width of a text in pixels at scale 1, in a given font (a canvas measures it in the browser). */
export type Measure = (text: string, font: FontSpec) => number;

/**
 * What the evidence block draws, in pixels at scale 1: one list that both the 2D canvas
 * (PNG, JPEG) and the SVG writer turn into pixels or elements, so the two look alike.
 */
export type DrawOp =
  /** `y` is the alphabetic baseline. */
  | { kind: "text"; x: number; y: number; text: string; font: FontSpec; color: string }
  /** A node swatch centred on (x, y). */
  | { kind: "shape"; x: number; y: number; size: number; shape: NodeShape; fill: string; stroke: string }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; color: string; width: number; dash: number[] }
  | { kind: "rect"; x: number; y: number; width: number; height: number; stroke: string };

/** The CSS / canvas `font` shorthand of a font spec. */
export function cssFont(font: FontSpec): string {
  return `${font.weight} ${font.size}px ${font.mono ? EXPORT_MONO_FONT : EXPORT_FONT}`;
}
