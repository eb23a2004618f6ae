import type { Overlays } from "./create-canvas";

export interface OverlayElements {
  /** A full-height sheet along the right edge (the details panel). */
  sheet: HTMLElement;
  /** Boxes floating over the canvas, each with the room to keep around it (px). */
  floating: ReadonlyArray<{ element: HTMLElement; marginX: number; marginY: number }>;
}

/**
 * The page's overlays as fitting avoids them: the details sheet, the legend, the status line (room for
 * longer messages), and the floating panels (minimap, time bar, paths) once created.
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
        { element: parts.status, marginX: 90, marginY: 6 },
        ...parts.floating.map((element) => ({ element, marginX: 8, marginY: 8 })),
      ],
    });
}

/** A floating panel this close to the canvas' left edge and this tall narrows the area instead of being a box. */
const LEFT_EDGE_PX = 48;
const TALL_SHARE = 0.35;

/**
 * Measures what the page draws over the canvas, in canvas pixels; hidden elements cover nothing. A
 * tall panel along the left edge (the paths panel) narrows the area from the left, as the details
 * sheet does from the right: fitting into what is left then centres there rather than under it.
 */
export function measureOverlays(canvas: HTMLElement, overlays: OverlayElements): Overlays {
  const area = canvas.getBoundingClientRect();
  let left = 0;
  const boxes = overlays.floating
    .filter(({ element }) => !element.hidden)
    .flatMap(({ element, marginX, marginY }) => {
      const box = element.getBoundingClientRect();
      if (box.left - area.left <= LEFT_EDGE_PX && box.height >= area.height * TALL_SHARE) {
        left = Math.max(left, box.right - area.left + marginX);
        return [];
      }
      return [
        {
          x1: box.left - area.left - marginX,
          y1: box.top - area.top - marginY,
          x2: box.right - area.left + marginX,
          y2: box.bottom - area.top + marginY,
        },
      ];
    });
  return {
    right: overlays.sheet.hidden ? 0 : Math.max(0, area.right - overlays.sheet.getBoundingClientRect().left),
    left,
    boxes,
  };
}
