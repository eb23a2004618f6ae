/** Phones and windows this narrow: the legend and the overview start folded, so the graph gets the screen. */
export const SMALL_SCREEN_QUERY = "(max-width: 640px)";

export function isSmallScreen(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(SMALL_SCREEN_QUERY).matches;
}
