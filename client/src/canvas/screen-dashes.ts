import type { Core } from "cytoscape";
import { DRAW_LATER_CLASS } from "../look/canvas-classes";
import { CERTAINTY_STYLES } from "../look/certainty-styles";

/**
 * Dashed and dotted relationships keep their dashes' length on screen as the view zooms out.
 * Cytoscape.js sets a line's dash pattern in model pixels (and draws "dotted" as 1-pixel dashes),
 * so at the zoom that fits 1,000 nodes (about 0.1) every dash was a tenth of a screen pixel: the
 * software rasteriser drew millions of them, a second per frame after a circle layout, and the
 * dashes could not be seen anyway. Measured on 1,000 nodes / 2,000 relationships: 1.0–1.3 s per
 * frame as before, 0.13–0.2 s with dashes at screen size, the same as solid lines.
 */

/** The reported line's dashes at 100 %, in model pixels. */
export const REPORTED_DASH: readonly number[] = [6, 4];
/** The speculative line's dots once the view is out far enough to draw them as dashes (the legend's pattern). */
export const SPECULATIVE_DOTS: readonly number[] = [1.5, 3.5];

/**
 * How much a dash pattern grows in the model at `zoom`: the power of two at least 1/zoom (1 from
 * 100 % up), so patterns change, and dashed lines are restyled, only when the zoom crosses a power
 * of two. Pure.
 */
export function dashScale(zoom: number): number {
  if (!(zoom > 0) || zoom >= 1) return 1;
  return 2 ** Math.ceil(Math.log2(1 / zoom) - 1e-9);
}

export function screenDashPattern(pattern: readonly number[], zoom: number): number[] {
  const scale = dashScale(zoom);
  return pattern.map((length) => length * scale);
}

/** Speculative lines: dotted from 100 % up; further out, dashes as short as dots, at screen size. */
export function speculativeLineStyle(zoom: number): "dotted" | "dashed" {
  return dashScale(zoom) > 1 ? "dashed" : "dotted";
}

const PATTERNED = CERTAINTY_STYLES.filter((style) => style.lineStyle !== "solid")
  .map((style) => `edge.certainty-${style.certainty}`)
  .join(", ");

/** Cytoscape.js waits this long after the last wheel notch before it draws the graph again (its own constant). */
const WHEEL_SETTLE_MS = 150;

/** What Cytoscape.js' canvas renderer says about a gesture under way (internal, missing from the typings). */
interface GestureState {
  textureOnViewport?: boolean;
  pinching?: boolean;
  data?: { wheelZooming?: boolean };
}

/**
 * Whether the renderer shows the graph as one bitmap while the analyst zooms (large graphs,
 * performance-options.ts): then nothing is drawn from the styles until the gesture ends.
 */
function showingABitmap(cy: Core): boolean {
  const renderer = (cy as unknown as { renderer(): GestureState | undefined }).renderer();
  return Boolean(renderer?.textureOnViewport && (renderer.pinching || renderer.data?.wheelZooming));
}

/**
 * Restyles the dashed and dotted relationships when the zoom crosses a power of two (the
 * stylesheet's patterns read the zoom). Synchronous on the zoom event, so a fit (a layout landing)
 * is drawn with the new patterns in its first frame. While a wheel or pinch zoom shows a large graph
 * as a bitmap, the restyle waits for the gesture's end instead: restyling thousands of relationships
 * at each power of two crossed made zooming 50,000 elements run at 15 FPS (53 without), for lines
 * that are not drawn until the gesture ends anyway.
 */
export function keepDashesScreenSized(cy: Core): void {
  let styledScale = dashScale(cy.zoom());
  let waiting: ReturnType<typeof setTimeout> | undefined;
  const restyle = () => {
    const scale = dashScale(cy.zoom());
    if (scale === styledScale) return;
    styledScale = scale;
    // Recomputes those edges' style (their functions read the zoom); updateStyle is missing from
    // the typings. Edges not drawn now are restyled when drawn (taking the class off restyles them).
    (cy.edges(PATTERNED).not(`.${DRAW_LATER_CLASS}`) as unknown as { updateStyle(): void }).updateStyle();
  };
  // Set on each zoom of the gesture, after the renderer's own timer: it fires just before the
  // renderer's last redraw, so that redraw has the new patterns.
  const afterGesture = () => {
    clearTimeout(waiting);
    waiting = setTimeout(() => {
      waiting = undefined;
      if (showingABitmap(cy)) afterGesture();
      else restyle();
    }, WHEEL_SETTLE_MS);
  };
  cy.on("zoom", () => {
    if (!showingABitmap(cy)) {
      clearTimeout(waiting);
      waiting = undefined;
      restyle();
    } else if (waiting !== undefined || dashScale(cy.zoom()) !== styledScale) afterGesture();
  });
  cy.on("destroy", () => clearTimeout(waiting));
}
