import cytoscape from "cytoscape";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  HUGE_GRAPH_ELEMENTS,
  holdLayers,
  LARGE_GRAPH_ELEMENTS,
  tuneForSize,
} from "../../client/src/canvas/performance-options";

/**
 * The renderer switches tuneForSize sets, on a headless Cytoscape.js whose renderer is given the
 * layer cache the canvas renderer has. The browser spec (large-graph-detail) checks the real one.
 */
function tunedRenderer(count: number, screenRatio: number) {
  vi.stubGlobal("window", { devicePixelRatio: screenRatio });
  const cy = cytoscape({ headless: true, styleEnabled: true });
  const renderer = (cy as unknown as { renderer(): Record<string, unknown> }).renderer();
  renderer.data = { lyrTxrCache: { firstGet: false } };
  tuneForSize(cy, count);
  return renderer as {
    textureOnViewport: boolean;
    hideEdgesOnViewport: boolean;
    forcedPixelRatio: number | null;
    data: { lyrTxrCache: { firstGet: boolean } };
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("tuneForSize", () => {
  it("leaves small graphs to Cytoscape.js' defaults", () => {
    const renderer = tunedRenderer(LARGE_GRAPH_ELEMENTS - 1, 1);
    expect(renderer.textureOnViewport).toBe(false);
    expect(renderer.hideEdgesOnViewport).toBe(false);
    expect(renderer.forcedPixelRatio).toBeNull();
    expect(renderer.data.lyrTxrCache.firstGet).toBe(false);
  });

  it("on large graphs: gesture bitmap at the screen's resolution, layer bitmaps built at the next frame", () => {
    const renderer = tunedRenderer(LARGE_GRAPH_ELEMENTS, 1);
    expect(renderer.textureOnViewport).toBe(true);
    expect(renderer.hideEdgesOnViewport).toBe(false);
    expect(renderer.forcedPixelRatio).toBeGreaterThan(1);
    expect(renderer.forcedPixelRatio).toBeLessThan(1.001);
    expect(renderer.data.lyrTxrCache.firstGet).toBe(true);
  });

  it("keeps a HiDPI screen's own ratio, which already draws the bitmap at the screen's resolution", () => {
    expect(tunedRenderer(LARGE_GRAPH_ELEMENTS, 2).forcedPixelRatio).toBeNull();
  });

  it("hides edges during gestures on huge graphs", () => {
    const renderer = tunedRenderer(HUGE_GRAPH_ELEMENTS, 1);
    expect(renderer.hideEdgesOnViewport).toBe(true);
    expect(renderer.textureOnViewport).toBe(true);
  });
});

describe("holdLayers", () => {
  function largeCanvas() {
    vi.stubGlobal("window", { devicePixelRatio: 1 });
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const renderer = (cy as unknown as { renderer(): Record<string, unknown> }).renderer();
    const cache = { firstGet: true };
    renderer.data = { lyrTxrCache: cache };
    tuneForSize(cy, LARGE_GRAPH_ELEMENTS);
    return { cy, cache };
  }

  it("keeps the layer bitmaps from being built while held, also through re-tuning, and asks for them when let go", () => {
    const { cy, cache } = largeCanvas();
    const release = holdLayers(cy);
    expect(cache.firstGet).toBe(false);
    tuneForSize(cy, LARGE_GRAPH_ELEMENTS);
    expect(cache.firstGet).toBe(false);
    release();
    expect(cache.firstGet).toBe(true);
  });

  it("waits for every hold: two big additions in a row build the bitmaps once both are drawn", () => {
    const { cy, cache } = largeCanvas();
    const first = holdLayers(cy);
    const second = holdLayers(cy);
    first();
    first();
    tuneForSize(cy, LARGE_GRAPH_ELEMENTS);
    expect(cache.firstGet).toBe(false);
    second();
    expect(cache.firstGet).toBe(true);
  });
});
