import cytoscape, { type Core, type NodeSingular } from "cytoscape";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type CanvasRenderer,
  type LayerCache,
  layerLevel,
  moveBehindPicture,
} from "../../client/src/canvas/layouts/move-behind-picture";

/** A clock the stand-ins advance: each element drawn into a layer costs `DRAW_MS`. */
let clock = 0;
const DRAW_MS = 2;

/** Stand-in for Cytoscape.js' layered texture cache: `total` elements to draw, one per dequeue. */
class StandInLayers implements LayerCache {
  skipping = true;
  firstGet = true;
  built = 0;
  queued = 0;
  asks = 0;
  dequeuedPerFrame: number[] = [];
  readonly layersQueue = { size: () => this.queued };
  constructor(readonly total: number) {}
  getLayers(): null {
    this.asks += 1;
    // As in Cytoscape.js: nothing is queued while the renderer skips (a change in the last 250 ms).
    if (this.skipping && !this.firstGet) return null;
    this.queued = this.total - this.built;
    return null;
  }
  levelIsComplete(): boolean {
    return this.asks > 0 && this.built === this.total;
  }
  dequeue(): unknown[] {
    clock += DRAW_MS;
    this.queued -= 1;
    this.built += 1;
    this.dequeuedPerFrame[this.dequeuedPerFrame.length - 1] = (this.dequeuedPerFrame.at(-1) ?? 0) + 1;
    return [true];
  }
  /** Something changed again: the layer is thrown away, its queue with it. */
  invalidate(): void {
    this.built = 0;
    this.queued = 0;
  }
}

class StandInRenderer implements CanvasRenderer {
  /** Cytoscape.js' work before each frame; held while the picture is. */
  beforeRenderCallbacks: Array<{ fn: unknown; priority: number }> = [
    { fn: () => {}, priority: 300 },
    { fn: () => {}, priority: 150 },
  ];
  onScreen = 0;
  offScreen = 0;
  redraws = 0;
  readonly data: { lyrTxrCache: StandInLayers };
  constructor(layers: StandInLayers) {
    this.data = { lyrTxrCache: layers };
  }
  render(options?: { forcedContext?: unknown }): void {
    if (options?.forcedContext) this.offScreen += 1;
    else this.onScreen += 1;
  }
  redraw(): void {
    this.redraws += 1;
  }
  redrawHint(): void {}
  getPixelRatio(): number {
    return 1;
  }
  flushRenderedStyleQueue(): void {}
  recalculateRenderedStyle(): void {}
  getCachedZSortedEles(): { nondrag: unknown[] } {
    return { nondrag: [] };
  }
}

/** A fictional row of 120 nodes, and where a layout puts them: a 12-wide grid. */
function setUp(total: number) {
  const cy: Core = cytoscape({
    headless: true,
    elements: Array.from({ length: 120 }, (_, i) => ({ data: { id: `n${i}` }, position: { x: i, y: 0 } })),
  });
  const positions = new Map(cy.nodes().map((node, i) => [node.id(), { x: (i % 12) * 40, y: Math.floor(i / 12) * 40 }]));
  const layers = new StandInLayers(total);
  const renderer = new StandInRenderer(layers);
  let frames = 0;
  /** Each frame: the renderer's own frame asks to draw on screen; every third an export draws off screen. */
  const nextFrame = async () => {
    frames += 1;
    clock += 1;
    layers.dequeuedPerFrame.push(0);
    renderer.render();
    if (frames % 3 === 0) renderer.render({ forcedContext: {} });
    return clock;
  };
  return { cy, positions, layers, renderer, nextFrame, frames: () => frames };
}

beforeEach(() => {
  clock = 0;
  vi.spyOn(performance, "now").mockImplementation(() => clock);
});
afterEach(() => vi.restoreAllMocks());

const inPlace = (cy: Core, positions: Map<string, { x: number; y: number }>) =>
  (cy.nodes().toArray() as NodeSingular[]).every((node) => {
    const want = positions.get(node.id());
    return node.position("x") === want?.x && node.position("y") === want?.y;
  });

describe("a layout moved behind the last picture", () => {
  it("keeps the picture on screen while nodes move and the layer is built, a frame's budget at a time, then shows it", async () => {
    const { cy, positions, layers, renderer, nextFrame, frames } = setUp(100);
    const callbacks = renderer.beforeRenderCallbacks;
    let fits = 0;
    let heldDuringMove = true;
    const shown = await moveBehindPicture(
      cy,
      positions,
      () => {
        fits += 1;
        // The fit comes after every node is in place, while the picture is still held.
        expect(inPlace(cy, positions)).toBe(true);
        heldDuringMove = renderer.beforeRenderCallbacks.length === 0;
      },
      { renderer, nextFrame, budgetMs: 20 },
    );
    expect(shown).toEqual({ shown: "layers", reason: "complete" });
    expect(fits).toBe(1);
    expect(heldDuringMove).toBe(true);
    expect(layers.built).toBe(100);
    // Nothing was drawn on screen meanwhile; exports (their own context) were.
    expect(renderer.onScreen).toBe(0);
    expect(renderer.offScreen).toBeGreaterThan(0);
    // Queued without drawing anything at once, then at most a budget's worth per frame (2 ms each).
    expect(layers.firstGet).toBe(false);
    expect(Math.max(...layers.dequeuedPerFrame)).toBeLessThanOrEqual(10);
    expect(frames()).toBeGreaterThanOrEqual(10);
    // Let go: Cytoscape.js' own work runs again and the next frame draws on screen.
    expect(renderer.beforeRenderCallbacks.map((callback) => callback.priority)).toEqual(
      callbacks.map((callback) => callback.priority),
    );
    expect(renderer.redraws).toBe(1);
    renderer.render();
    expect(renderer.onScreen).toBe(1);
    cy.destroy();
  });

  it("queues the layer even when the renderer would skip it after a recent change", async () => {
    const { cy, positions, layers, renderer, nextFrame } = setUp(10);
    layers.skipping = true;
    layers.firstGet = false;
    expect((await moveBehindPicture(cy, positions, () => {}, { renderer, nextFrame })).shown).toBe("layers");
    cy.destroy();
  });

  it("asks for the layer again when another change threw it away meanwhile", async () => {
    const { cy, positions, layers, renderer, nextFrame } = setUp(40);
    let invalidated = false;
    const frameWithInvalidation = async () => {
      const time = await nextFrame();
      if (!invalidated && layers.built >= 20) {
        invalidated = true;
        layers.invalidate();
      }
      return time;
    };
    const shown = await moveBehindPicture(cy, positions, () => {}, {
      renderer,
      nextFrame: frameWithInvalidation,
      budgetMs: 20,
    });
    expect(shown.shown).toBe("layers");
    expect(layers.asks).toBe(2);
    expect(layers.built).toBe(40);
    cy.destroy();
  });

  it("lets the picture go when the analyst moves the view, with every node moved and the view fitted", async () => {
    const { cy, positions, layers, renderer, nextFrame } = setUp(100);
    let frame = 0;
    const frameWithPan = async () => {
      frame += 1;
      if (frame === 2) cy.pan({ x: 30, y: 0 });
      return nextFrame();
    };
    let fits = 0;
    const shown = await moveBehindPicture(
      cy,
      positions,
      () => {
        fits += 1;
      },
      { renderer, nextFrame: frameWithPan, budgetMs: 20 },
    );
    expect(shown).toEqual({ shown: "direct", reason: "view-moved" });
    expect(inPlace(cy, positions)).toBe(true);
    expect(fits).toBe(1);
    expect(layers.built).toBeLessThan(100);
    renderer.render();
    expect(renderer.onScreen).toBe(1);
    cy.destroy();
  });

  it("lets the picture go after at most the time allowed", async () => {
    const { cy, positions, layers, renderer, nextFrame } = setUp(1_000);
    const shown = await moveBehindPicture(cy, positions, () => {}, {
      renderer,
      nextFrame,
      budgetMs: 20,
      atMostMs: 100,
    });
    expect(shown).toEqual({ shown: "direct", reason: "time" });
    expect(inPlace(cy, positions)).toBe(true);
    expect(layers.built).toBeLessThan(1_000);
    renderer.render();
    expect(renderer.onScreen).toBe(1);
    cy.destroy();
  });

  it("moves every node at once and fits where there is no canvas renderer (headless, WebGL)", async () => {
    const { cy, positions } = setUp(0);
    let fits = 0;
    const shown = await moveBehindPicture(cy, positions, () => {
      fits += 1;
    });
    expect(shown).toEqual({ shown: "direct", reason: "no-layers" });
    expect(inPlace(cy, positions)).toBe(true);
    expect(fits).toBe(1);
    cy.destroy();
  });

  it("uses Cytoscape.js' own layer level for the zoom, none when zoomed in far", () => {
    expect(layerLevel(1, 1)).toBe(0);
    expect(layerLevel(0.1, 1)).toBe(-3);
    expect(layerLevel(0.01, 1)).toBe(-4);
    expect(layerLevel(0.3, 2)).toBe(0);
    expect(layerLevel(4, 1)).toBeNull();
  });
});
