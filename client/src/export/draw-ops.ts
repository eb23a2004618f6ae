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
  | { kind: "rect"; x: number; y: number; width: number; height: number; stroke: string }
  /** Any outline in SVG path syntax (a canvas reads the same string through Path2D). */
  | PathOp
  /** Lines of text with one font, each line's alphabetic baseline given, optionally turned about (x, y). */
  | TextBlockOp;

/** A colour and its opacity (0–1). */
export interface Paint {
  readonly color: string;
  readonly opacity: number;
}

/** A stroke's look; `dash` empty for a solid line. */
export interface StrokeSpec extends Paint {
  readonly width: number;
  readonly dash: readonly number[];
  readonly cap: "butt" | "round" | "square";
  readonly join: "miter" | "round" | "bevel";
}

export interface PathOp {
  readonly kind: "path";
  readonly d: string;
  readonly fill: Paint | null;
  readonly stroke: StrokeSpec | null;
  /**
   * Width of a line cut out along the middle of the stroke (a double border): the pixels under it
   * become transparent, as Cytoscape's canvas makes them.
   */
  readonly cutout?: number;
}

export interface TextBlockOp {
  readonly kind: "textblock";
  /** CSS font shorthand parts. */
  readonly font: { readonly style: string; readonly weight: string; readonly size: number; readonly family: string };
  readonly fill: Paint;
  readonly anchor: "start" | "middle" | "end";
  /**
   * Each line and its position, in the block's own (unrotated) frame, and its advance as measured
   * where it was laid out: an SVG viewer spaces the line to that width, so it fits its box in any font.
   */
  readonly lines: ReadonlyArray<{
    readonly text: string;
    readonly x: number;
    readonly y: number;
    readonly width?: number;
  }>;
  /** Radians, turned about `origin`. */
  readonly rotation: number;
  readonly origin: { readonly x: number; readonly y: number };
  /** A halo: the text's outline drawn under its fill (paint-order stroke), or null. */
  readonly halo: (Paint & { readonly width: number }) | null;
  /** A box behind the text, in the same turned frame, or null. */
  readonly box: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly radius: number;
    readonly fill: Paint | null;
    readonly stroke: StrokeSpec | null;
  } | null;
}

/** The CSS / canvas `font` shorthand of a font spec. */
export function cssFont(font: FontSpec): string {
  return `${font.weight} ${font.size}px ${font.mono ? EXPORT_MONO_FONT : EXPORT_FONT}`;
}

/** The CSS / canvas `font` shorthand of a text block's font. */
export function blockFont(font: TextBlockOp["font"]): string {
  return `${font.style} ${font.weight} ${font.size}px ${font.family}`;
}
