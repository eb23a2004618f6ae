export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** The part of the screen the graph is fitted into. */
export interface ScreenArea {
  /** Visible area, in screen pixels. */
  width: number;
  height: number;
  /** Screen rectangles drawn over the canvas (legend...) that items should not sit under. */
  obstacles: readonly Box[];
  padding: number;
  minZoom: number;
  maxZoom: number;
}

export interface FitRequest extends ScreenArea {
  /** Bounding box of everything, in model coordinates. */
  bounds: Box;
  /** Boxes (with captions) that must stay clear of the obstacles, in model coordinates. */
  items: readonly Box[];
}

const SHRINK = 0.95;
const LOWEST_SHARE = 0.55;

/**
 * The largest zoom (and a pan) that shows all of `bounds` with no item under an obstacle: tries
 * the plain fit first, then the same zoom shifted into the free slack, then smaller zooms. Pure.
 */
export function fitViewport(request: FitRequest): Viewport {
  const { bounds, width, height, padding } = request;
  const boundsWidth = Math.max(bounds.x2 - bounds.x1, 1);
  const boundsHeight = Math.max(bounds.y2 - bounds.y1, 1);
  const clamp = (zoom: number) => Math.min(request.maxZoom, Math.max(request.minZoom, zoom));
  const full = clamp(Math.min((width - 2 * padding) / boundsWidth, (height - 2 * padding) / boundsHeight));

  const at = (zoom: number, shareX: number, shareY: number): Viewport => {
    const slackX = Math.max(0, width - 2 * padding - zoom * boundsWidth);
    const slackY = Math.max(0, height - 2 * padding - zoom * boundsHeight);
    const x = padding + slackX * shareX - zoom * bounds.x1;
    const y = padding + slackY * shareY - zoom * bounds.y1;
    // A graph wider than the screen even at the lowest zoom is centred on its box.
    return {
      zoom,
      pan: {
        x: zoom * boundsWidth > width ? width / 2 - zoom * (bounds.x1 + boundsWidth / 2) : x,
        y: zoom * boundsHeight > height ? height / 2 - zoom * (bounds.y1 + boundsHeight / 2) : y,
      },
    };
  };
  const clear = (view: Viewport) =>
    request.items.every((item) => {
      const screen = {
        x1: item.x1 * view.zoom + view.pan.x,
        y1: item.y1 * view.zoom + view.pan.y,
        x2: item.x2 * view.zoom + view.pan.x,
        y2: item.y2 * view.zoom + view.pan.y,
      };
      return request.obstacles.every((obstacle) => !overlaps(screen, obstacle));
    });

  const shares = [0.5, 1, 0] as const;
  for (let zoom = full; zoom >= full * LOWEST_SHARE; zoom *= SHRINK) {
    for (const shareX of shares) {
      for (const shareY of shares) {
        const view = at(zoom, shareX, shareY);
        if (clear(view)) return view;
      }
    }
  }
  return at(clamp(full * LOWEST_SHARE), 1, 0.5);
}

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}
