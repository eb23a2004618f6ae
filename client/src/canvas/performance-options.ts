import type { Core } from "cytoscape";
import { MIN_LABEL_PX } from "../look/label-legibility";
import type { RendererKind } from "./renderer-choice";

/** From this many elements on, gestures draw a cached bitmap and small captions are left out. */
export const LARGE_GRAPH_ELEMENTS = 3_000;
/**
 * From this many on, edges are hidden while the view moves too: measured at 20,000 elements
 * (7,000 nodes) in headless Chromium without a GPU, drawing the edges and their arrows is half of
 * a full frame, and panning went from under 2 to about 19 frames per second without them.
 */
export const HUGE_GRAPH_ELEMENTS = 15_000;

/**
 * The renderer's switches that Cytoscape.js reads on every frame (set from its init options
 * `textureOnViewport`, `hideEdgesOnViewport` and `pixelRatio`); set here so they can follow the
 * graph's size and the screen.
 */
interface RendererSwitches {
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  /** null: the screen's own ratio, read on every frame. */
  forcedPixelRatio: number | null;
  /** Cytoscape.js' cache of the whole graph as a few bitmaps per zoom level ("layers"). */
  data: { lyrTxrCache?: { firstGet: boolean } };
}

/**
 * On a 1x screen Cytoscape.js draws the gesture bitmap at twice the screen's resolution, so the
 * first frame of a gesture renders every node's cached image again at another size: 2.1 s for
 * 15,000 nodes, 1.5 s for 7,000, measured here. A ratio just above 1 makes it draw the bitmap at
 * the screen's resolution, from the images the last frame used, as it does on HiDPI screens; the
 * canvas keeps its size (1440 px stay 1440) and the bitmap is only softer while a wheel zoom lasts.
 */
const JUST_ABOVE_ONE = 1.0001;

function pixelRatioFor(large: boolean): number | null {
  return large && (window.devicePixelRatio || 1) <= 1 ? JUST_ABOVE_ONE : null;
}

// Selectors no other rule uses, so the lean rules can be found again and are added only once.
const LEAN_NODE = "node[?id]";
const LEAN_EDGE = "edge[?id]";

/**
 * Level of detail for big graphs, applied after elements are added: while panning or zooming the
 * renderer moves a bitmap of the graph (and hides edges on huge ones) instead of drawing 20,000
 * elements per frame; captions too small to read at the current zoom are not drawn; edges are
 * straight (no bundle geometry) and their captions show only when zoomed in. `count` is the number
 * of elements to tune for: the canvas passes what it is about to hold before adding them.
 */
export function tuneForSize(cy: Core, count = cy.elements().length): void {
  const renderer = (cy as Core & { renderer(): RendererSwitches }).renderer();
  renderer.textureOnViewport = count >= LARGE_GRAPH_ELEMENTS;
  renderer.hideEdgesOnViewport = count >= HUGE_GRAPH_ELEMENTS;
  renderer.forcedPixelRatio = pixelRatioFor(renderer.textureOnViewport);
  // Cytoscape.js builds its layer bitmaps at once only on their first request, and the canvas'
  // first frame is empty (graphs arrive later). Otherwise each zoom level's layers are queued, and
  // building them asks for redraws that draw every element directly, which starves the queue:
  // every gesture's end and every pause in a wheel zoom drew 20,000 elements twice (1.8 s and
  // 1.5 s). Asked again here, the next full frame builds them instead of drawing directly; later
  // frames at that zoom copy them, and zooming scales the nearest complete level meanwhile.
  // While a big addition is painted in steps (holdLayers), its frames draw directly, as plain
  // Cytoscape.js does: the bitmaps are built once it is all drawn.
  if (renderer.textureOnViewport && renderer.data.lyrTxrCache && !layersHeld.has(cy))
    renderer.data.lyrTxrCache.firstGet = true;
  if (count < LARGE_GRAPH_ELEMENTS || hasLeanRules(cy)) return;
  cy.style()
    .selector(LEAN_NODE)
    .style({ "min-zoomed-font-size": MIN_LABEL_PX })
    .selector(LEAN_EDGE)
    .style({ "curve-style": "straight", "min-zoomed-font-size": 12 })
    .update();
}

/** Canvases whose layer bitmaps wait (holdLayers), with how many holds are open. */
const layersHeld = new WeakMap<Core, number>();

/**
 * Puts off building the layer bitmaps until the returned function is called, and then builds them
 * in a frame of their own. For a big addition painted in steps (add-elements.ts): building them in
 * the first frame drew every node twice (into the bitmaps, then the bitmaps onto the screen), and
 * each step of relationships that follows made them out of date anyway. Measured on 1,000 nodes /
 * 2,000 relationships: the bitmaps were 40 % of the first frame.
 */
export function holdLayers(cy: Core): () => void {
  layersHeld.set(cy, (layersHeld.get(cy) ?? 0) + 1);
  const held = (cy as Core & { renderer(): Partial<RendererSwitches> | null }).renderer()?.data?.lyrTxrCache;
  if (held) held.firstGet = false;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (layersHeld.get(cy) ?? 1) - 1;
    if (left > 0) {
      layersHeld.set(cy, left);
      return;
    }
    layersHeld.delete(cy);
    if (cy.destroyed()) return;
    const renderer = (cy as Core & { renderer(): Partial<RendererSwitches> | null }).renderer();
    const cache = renderer?.data?.lyrTxrCache;
    if (!(renderer?.textureOnViewport && cache)) return;
    cache.firstGet = true;
    cy.forceRender();
  };
}

/**
 * Keeps the level of detail in step with the graph: re-tuned once per frame after elements come or
 * go (expansion, undo, a query result, a view opened), after the stylesheet is replaced (theme),
 * and when the screen's pixel ratio changes (browser zoom, another monitor).
 */
export function keepTunedForSize(cy: Core): () => void {
  let pending = false;
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      tuneForSize(cy);
    });
  };
  cy.on("add remove", schedule);
  onPixelRatioChange(schedule);
  return () => tuneForSize(cy);
}

/** Calls `changed` each time window.devicePixelRatio changes: a query on the current ratio stops matching. */
function onPixelRatioChange(changed: () => void): void {
  const watch = () => {
    const query = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    query.addEventListener(
      "change",
      () => {
        changed();
        watch();
      },
      { once: true },
    );
  };
  watch();
}

function hasLeanRules(cy: Core): boolean {
  const rules = (cy.style() as unknown as { json(): Array<{ selector: string }> }).json();
  return rules.some((rule) => rule.selector === LEAN_NODE);
}

interface CoreInternals {
  _private: { options: { renderer: Record<string, unknown> }; style: unknown };
}

/** The renderer Cytoscape.js draws with now: its canvas renderer, with WebGL on or off. */
export function currentRenderer(cy: Core): RendererKind {
  return (cy as unknown as CoreInternals)._private.options.renderer.webgl === true ? "webgl" : "canvas";
}

/**
 * Draws with the other renderer: Cytoscape.js reads `webgl` only when it mounts, so the instance is
 * unmounted and mounted again on its container (elements, viewport and handlers stay). Mounting
 * applies the stylesheet it was created with, so the current one (theme, level of detail) is put
 * back; children of the container that are not Cytoscape.js' own are put back too. Sets internals of
 * the pinned Cytoscape.js (`_private.options.renderer`, `_private.style`): an upgrade must check them.
 */
export function switchRenderer(cy: Core, kind: RendererKind): void {
  const container = cy.container();
  if (!container || currentRenderer(cy) === kind) return;
  const internals = (cy as unknown as CoreInternals)._private;
  const style = cy.style();
  const viewport = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  const others = [...container.children].filter((child) => child.querySelector("canvas[data-id]") === null);
  internals.options.renderer = { ...internals.options.renderer, name: "canvas", webgl: kind === "webgl" };
  cy.mount(container);
  internals.style = style;
  style.update();
  container.append(...others);
  cy.viewport(viewport);
  tuneForSize(cy);
}
