import type { Overlays } from "./create-canvas";

export interface OverlayElements {
  /** A full-height sheet along the right edge (the details panel). */
  sheet: HTMLElement;
  /** Boxes floating over the canvas, each with the room to keep around it (px). */
  floating: ReadonlyArray<{ element: HTMLElement; marginX: number; marginY: number }>;
}

/**
 * The page's overlays as fitting avoids them: the details sheet, the legend, an error banner of the
 * status line (room for longer messages), and the floating panels (minimap, time bar, paths) once
 * created. The line's passing messages ("Loaded 24 nodes…") do not count: they are replaced at the
 * next step, and fitting around them pushed the graph into a corner of a short canvas.
 */
export function pageOverlays(
  canvas: HTMLElement,
  parts: { sheet: HTMLElement; legend: HTMLElement; status: HTMLElement; floating: readonly HTMLElement[] },
): () => Overlays {
  return () =>
    measureOverlays(canvas, {
      sheet: parts.sheet,
      floating: [
        { element: parts.legend, marginX: 8, marginY: 8 },
        ...(parts.status.dataset.kind === "error" ? [{ element: parts.status, marginX: 90, marginY: 6 }] : []),
        ...parts.floating.map((element) => ({ element, marginX: 8, marginY: 8 })),
      ],
    });
}

/** A floating panel this close to the canvas' left edge and this tall narrows the area instead of being a box. */
const LEFT_EDGE_PX = 48;
const TALL_SHARE = 0.35;
/** A bar this close to the canvas' top or bottom edge, across the middle of what is left, narrows the area from that edge. */
const BAR_EDGE_PX = 48;

/**
 * Measures what the page draws over the canvas, in canvas pixels; hidden elements cover nothing. A
 * tall panel along the left edge (the paths panel) narrows the area from the left, as the details
 * sheet does from the right; a bar along the top or bottom edge across the middle of what is left
 * (the time bar, an error banner) narrows it from that edge: fitting into what is left then centres
 * there rather than under them or in a corner beside them.
 */
export function measureOverlays(canvas: HTMLElement, overlays: OverlayElements): Overlays {
  const area = canvas.getBoundingClientRect();
  // A sheet that steps aside (display: none, not [hidden]) has an empty box and takes no room either.
  const sheet = overlays.sheet.hidden ? null : overlays.sheet.getBoundingClientRect();
  const right = !sheet || sheet.width === 0 ? 0 : Math.max(0, area.right - sheet.left);
  const shown = overlays.floating
    .filter(({ element }) => !element.hidden)
    .map((floating) => ({ ...floating, box: floating.element.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0 && box.height > 0);
  let left = 0;
  for (const { box, marginX } of shown)
    if (box.left - area.left <= LEFT_EDGE_PX && box.height >= area.height * TALL_SHARE)
      left = Math.max(left, box.right - area.left + marginX);
  // The middle of what the side panels leave, where a bar across it would sit over the graph.
  const middle = (left + area.width - right) / 2;
  let top = 0;
  let bottom = 0;
  const boxes = shown.flatMap(({ box, marginX, marginY }) => {
    const x1 = box.left - area.left;
    const x2 = box.right - area.left;
    if (x1 <= LEFT_EDGE_PX && box.height >= area.height * TALL_SHARE) return [];
    if (x1 < middle && middle < x2) {
      if (box.top - area.top <= BAR_EDGE_PX) {
        top = Math.max(top, box.bottom - area.top + marginY);
        return [];
      }
      if (area.bottom - box.bottom <= BAR_EDGE_PX) {
        bottom = Math.max(bottom, area.bottom - box.top + marginY);
        return [];
      }
    }
    return [
      { x1: x1 - marginX, y1: box.top - area.top - marginY, x2: x2 + marginX, y2: box.bottom - area.top + marginY },
    ];
  });
  return { right, left, top, bottom, boxes };
}
