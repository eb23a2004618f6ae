/**
 * How big captions are drawn on screen. A caption smaller than MIN_LABEL_PX is not drawn at all
 * (it comes back on hover, on selection, or zoomed in); between that and its own size, a caption
 * is drawn larger in the model so that it stays MIN_LABEL_PX on screen, up to MAX_BOOST times its
 * own size (beyond that, enlarged captions would cover the graph they name).
 */
export const MIN_LABEL_PX = 11;
export const MAX_BOOST = 2;

/** Node and relationship captions' own sizes, in model pixels (what a 1:1 zoom shows). */
export const NODE_FONT_PX = 13;
export const EDGE_FONT_PX = 11;

/** A node's name: wrapped at this width (model pixels), or this narrower one where that frees it; this far from its node. */
export const NODE_NAME_WRAP_PX = 130;
export const NODE_NAME_NARROW_WRAP_PX = 80;
export const NODE_NAME_GAP_PX = 4;

/** The model font size of a caption of size `base` at `zoom`: never under MIN_LABEL_PX on screen while it can help it. Pure. */
export function legibleFontSize(base: number, zoom: number): number {
  if (!(zoom > 0) || base * zoom >= MIN_LABEL_PX) return base;
  return Math.min(base * MAX_BOOST, MIN_LABEL_PX / zoom);
}

/**
 * The `min-zoomed-font-size` that makes Cytoscape.js leave out exactly the captions smaller than
 * MIN_LABEL_PX on screen. Cytoscape.js multiplies a caption's size by the zoom rounded UP to a power
 * of two (its bitmap level, 2^ceil(log2(zoom × pixel ratio))), not by the zoom: at zoom 0.42 it drew
 * 9 px captions as if they were 11 px, and the pass that lets colliding captions give way, which
 * judges by the real size, took them for hidden and let them overlap. Scaling the threshold by the
 * same rounding cancels it. Pure.
 */
export function hiddenBelowPx(zoom: number, pixelRatio: number): number {
  if (!(zoom > 0) || !(pixelRatio > 0)) return MIN_LABEL_PX;
  const level = 2 ** Math.ceil(Math.log2(zoom * pixelRatio));
  return (MIN_LABEL_PX * level) / zoom;
}

/** A fit may take a zoom this much closer than it asked for, so that node names stay drawn. */
const NAMES_KEPT_SHARE = 0.01;

/**
 * The zoom a fit takes: its own, or, when that is a hair (under 1 %) below the zoom at which node names
 * at their largest boost are still MIN_LABEL_PX on screen, that zoom instead. A graph that just misses
 * would otherwise lose every name for a few pixels of margin (the seed with a relationship open at
 * 1366×768 fits at 0.4224; names are drawn from 0.4231). A thousandth over it: exactly at it, Cytoscape.js
 * clipped the captions' bitmaps. Pure.
 */
export function zoomKeepingNames(zoom: number): number {
  const names = MIN_LABEL_PX / (NODE_FONT_PX * MAX_BOOST);
  return zoom < names && zoom >= names * (1 - NAMES_KEPT_SHARE) ? names * 1.001 : zoom;
}

/** A caption the analyst points at or picked: MIN_LABEL_PX on screen at least, however far out the view is. Pure. */
export function focusedFontSize(base: number, zoom: number): number {
  if (!(zoom > 0)) return base;
  return Math.max(base, MIN_LABEL_PX / zoom);
}
