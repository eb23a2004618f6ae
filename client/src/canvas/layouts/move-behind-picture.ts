import type { Core, NodeSingular, SingularElementArgument } from "cytoscape";
import type { Point } from "../place-around";

/**
 * Work in one frame, counted from its start, after which moving nodes, restyling or building the
 * layer bitmap stops until the next frame.
 */
export const BUILD_MS_PER_FRAME = 24;
/** Past this the picture is let go whatever is left: the renderer draws directly, as without a hold. */
export const HOLD_AT_MOST_MS = 4000;

/**
 * What is used of Cytoscape.js 3.34's canvas renderer (extensions/renderer/canvas and base): its
 * frame function and the work it does before each frame, the element order it draws in, and its
 * layered texture cache (layered-texture-cache.mjs). Internals: an upgrade of Cytoscape.js must
 * check them (tests/unit/move-behind-picture.test.ts runs on a stand-in,
 * tests/e2e/layout-landing.test.ts on the real renderer).
 */
export interface LayerCache {
  /** Set by the renderer when a change came in the last 250 ms: getLayers then builds nothing. */
  skipping: boolean;
  /** True: the next getLayers draws every element into the layers at once (one long frame). */
  firstGet: boolean;
  /** Returns complete layers, or queues every element missing from them and returns null. */
  getLayers(eles: unknown[], pxRatio: number): unknown[] | null;
  levelIsComplete(lvl: number, eles: unknown[]): boolean;
  /** Draws the next queued element into its layer. */
  dequeue(pxRatio: number): unknown[];
  layersQueue: { size(): number };
}

export interface CanvasRenderer {
  render(options?: { forcedContext?: unknown }): void;
  /** What runs at the start of every frame: element geometry, texture queues, animations. */
  beforeRenderCallbacks: Array<{ fn: unknown; priority: number }>;
  redraw(): void;
  redrawHint(group: "eles" | "drag", dirty: boolean): void;
  getPixelRatio(): number;
  /** Works out the rendered style of what changed and invalidates the layers it lies in. */
  flushRenderedStyleQueue(): void;
  /** Works out these elements' rendered style (geometry, label places) where it is stale. */
  recalculateRenderedStyle(elements: unknown): void;
  getCachedZSortedEles(): { nondrag: unknown[] };
  data: { lyrTxrCache?: LayerCache };
}

/** The layer level Cytoscape.js draws at this zoom (getLayers' own rule), or null when it draws without layers. */
export function layerLevel(zoom: number, pxRatio: number): number | null {
  const level = Math.ceil(Math.log2(zoom * pxRatio)) || 0;
  if (level < -4) return -4;
  return zoom >= 3.99 || level > 2 ? null : level;
}

export interface HoldOptions {
  /** Work per frame, counted from the frame's start. */
  budgetMs?: number;
  /** Lets the picture go after this long. */
  atMostMs?: number;
  /** Waits for the next frame and gives its start time (requestAnimationFrame's, in the page). */
  nextFrame?: () => Promise<number>;
  /** The renderer to hold (the canvas' own, canvasRendererOf). */
  renderer?: CanvasRenderer | null;
}

/**
 * How the move was shown: `layers` once its picture was built behind the last one and shown in one
 * frame that copies the layer bitmap; `direct` when the renderer drew it element by element. The
 * reason: `complete`, `no-layers` (no canvas renderer, or a layer would be too big or the zoom too
 * close for one), `view-moved` (the analyst moved the view meanwhile), `time` or `destroyed`.
 */
export interface Shown {
  shown: "layers" | "direct";
  reason: "complete" | "no-layers" | "view-moved" | "time" | "destroyed";
}

/** Nodes moved in the first frame; later frames move as many as the time the last batch took allows. */
const FIRST_BATCH = 50;

class Interrupted extends Error {
  constructor(readonly reason: Shown["reason"]) {
    super(reason);
  }
}

/**
 * Moves the nodes to `positions`, then calls `fitView`, keeping the last picture on screen meanwhile
 * and showing the new one in a single frame that copies Cytoscape.js' layer bitmap. The work is
 * spread over frames, `budgetMs` each: nodes move in batches sized by how long the last one took
 * (each batch's geometry worked out at once); after the fit, styles that read the zoom (dash
 * patterns) are recomputed in steps; then the layer bitmap is built element by element. Without
 * this, the frame after the move works out every element and draws each one directly (any change
 * invalidates the layers): 0.2–0.45 s at 1,000 nodes / 2,000 relationships on a CPU-drawn canvas.
 * Exports (which draw into a context of their own) are not held. If the analyst moves the view
 * meanwhile, the rest moves at once and the picture is let go.
 */
export async function moveBehindPicture(
  cy: Core,
  positions: ReadonlyMap<string, Point>,
  fitView: () => void,
  options: HoldOptions = {},
): Promise<Shown> {
  const renderer = options.renderer === undefined ? canvasRendererOf(cy) : options.renderer;
  const cache = renderer?.data.lyrTxrCache;
  const nodes = cy.nodes().toArray() as NodeSingular[];
  let next = 0;
  const moveUpTo = (end: number) => {
    const slice = nodes.slice(next, end);
    next = Math.max(next, Math.min(end, nodes.length));
    cy.batch(() => {
      for (const node of slice) node.position(positions.get(node.id()) ?? node.position());
    });
  };
  if (!(renderer && cache)) {
    moveUpTo(nodes.length);
    fitView();
    return { shown: "direct", reason: "no-layers" };
  }
  const budgetMs = options.budgetMs ?? BUILD_MS_PER_FRAME;
  const atMostMs = options.atMostMs ?? HOLD_AT_MOST_MS;
  const nextFrame = options.nextFrame ?? animationFrame;
  const started = performance.now();
  let viewMoved = false;
  const onViewport = () => {
    viewMoved = true;
  };
  /** Waits for the next frame; gives its start, or throws why the hold ends. */
  const frame = async (): Promise<number> => {
    const start = await nextFrame();
    if (cy.destroyed()) throw new Interrupted("destroyed");
    if (viewMoved) throw new Interrupted("view-moved");
    if (performance.now() - started > atMostMs) throw new Interrupted("time");
    // The budget counts from the frame's start: whatever ran before in it counts too.
    return Math.min(start, performance.now());
  };
  let fitted = false;
  const fitOnce = () => {
    if (fitted) return;
    fitted = true;
    cy.off("viewport", onViewport);
    fitView();
    cy.on("viewport", onViewport);
  };

  const release = holdFrames(renderer);
  cy.on("viewport", onViewport);
  let result: Shown = { shown: "direct", reason: "no-layers" };
  try {
    // Nodes in batches; each batch's nodes and relationships are worked out in its own frame.
    let batch = FIRST_BATCH;
    while (next < nodes.length) {
      const frameStart = await frame();
      const movedAt = performance.now();
      const from = next;
      moveUpTo(next + batch);
      renderer.flushRenderedStyleQueue();
      const perNode = (performance.now() - movedAt) / Math.max(1, next - from);
      const left = budgetMs - (performance.now() - frameStart);
      batch = Math.max(FIRST_BATCH, Math.floor(Math.max(left, budgetMs / 2) / Math.max(perNode, 0.01)));
    }
    fitOnce();
    // Styles the fit made stale (dash patterns read the zoom) are recomputed a part per frame.
    const stale = cy.elements().filter(isStyleStale);
    for (let done = 0; done < stale.length; ) {
      const frameStart = await frame();
      do {
        const end = Math.min(stale.length, done + 20);
        cleanStyle(stale.slice(done, end));
        done = end;
      } while (done < stale.length && performance.now() - frameStart < budgetMs);
    }
    // Bounding boxes, a part per frame: a box computed after its element moved tells the renderer
    // it changed, which would throw away a layer queued before (getLayers reads every box).
    const elements = cy.elements();
    for (let done = 0; done < elements.length; ) {
      const frameStart = await frame();
      do {
        const end = Math.min(elements.length, done + 50);
        const part = elements.slice(done, end);
        part.forEach((element) => {
          element.boundingBox();
        });
        renderer.recalculateRenderedStyle(part);
        done = end;
      } while (done < elements.length && performance.now() - frameStart < budgetMs);
    }
    await frame();
    renderer.flushRenderedStyleQueue();
    // The layer bitmap: asked for once (it queues every element), then built a part per frame.
    let asked = false;
    for (;;) {
      const frameStart = await frame();
      renderer.flushRenderedStyleQueue();
      const pxRatio = renderer.getPixelRatio();
      const level = layerLevel(cy.zoom(), pxRatio);
      if (level === null) break;
      const eles = renderer.getCachedZSortedEles().nondrag;
      if (cache.levelIsComplete(level, eles)) {
        result = { shown: "layers", reason: "complete" };
        break;
      }
      if (cache.layersQueue.size() === 0) {
        // Nothing queued: ask (again, if something changed meanwhile); nothing queued after asking
        // means no layer can be made (too big).
        if (asked) break;
        cache.skipping = false;
        cache.firstGet = false;
        cache.getLayers(eles, pxRatio);
        asked = true;
        continue;
      }
      asked = false;
      // At least one element per frame, so a frame already over budget still moves the build on.
      do cache.dequeue(pxRatio);
      while (cache.layersQueue.size() > 0 && performance.now() - frameStart < budgetMs);
    }
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error;
    result = { shown: "direct", reason: error.reason };
  } finally {
    cy.off("viewport", onViewport);
    release();
    if (!cy.destroyed()) {
      moveUpTo(nodes.length);
      fitOnce();
      renderer.redrawHint("eles", true);
      renderer.redrawHint("drag", true);
      renderer.redraw();
    }
  }
  return result;
}

/** The canvas renderer of `cy` with its layer cache, or null (headless, WebGL). */
export function canvasRendererOf(cy: Core): CanvasRenderer | null {
  const withRenderer = cy as Core & { renderer?: () => unknown };
  const renderer = typeof withRenderer.renderer === "function" ? withRenderer.renderer() : null;
  if (!renderer || typeof renderer !== "object") return null;
  const candidate = renderer as Partial<CanvasRenderer> & { data?: { lyrTxrCache?: unknown } };
  const options = (cy as unknown as { _private?: { options?: { renderer?: { webgl?: boolean } } } })._private?.options;
  if (options?.renderer?.webgl === true) return null;
  if (
    typeof candidate.render !== "function" ||
    !Array.isArray(candidate.beforeRenderCallbacks) ||
    !candidate.data?.lyrTxrCache
  )
    return null;
  return candidate as CanvasRenderer;
}

/** Cytoscape.js recomputes an element's style lazily, on its next frame, when this flag is up. */
function isStyleStale(element: SingularElementArgument): boolean {
  return (element as unknown as { _private: { styleDirty?: boolean } })._private.styleDirty === true;
}

function cleanStyle(elements: unknown): void {
  (elements as { cleanStyle(): void }).cleanStyle();
}

/**
 * Stops the renderer's frames (the canvas keeps its last picture, and the work Cytoscape.js does
 * before each frame waits: it is done here, in parts) until the returned function is called.
 * Drawing into another context (exports) goes on.
 */
function holdFrames(renderer: CanvasRenderer): () => void {
  const own = Object.hasOwn(renderer, "render");
  const draw = renderer.render;
  const before = renderer.beforeRenderCallbacks;
  renderer.beforeRenderCallbacks = [];
  renderer.render = (options) => {
    if (options?.forcedContext) draw.call(renderer, options);
  };
  return () => {
    if (own) renderer.render = draw;
    else delete (renderer as Partial<CanvasRenderer>).render;
    // Anything registered meanwhile is kept, in Cytoscape.js' order (higher priority first).
    renderer.beforeRenderCallbacks = [...before, ...renderer.beforeRenderCallbacks].sort(
      (a, b) => b.priority - a.priority,
    );
  };
}

function animationFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}
