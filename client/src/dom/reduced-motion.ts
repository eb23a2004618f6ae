/**
 * Whether the analyst asked the system for less motion (prefers-reduced-motion: reduce): layouts
 * and fits then jump to where they end instead of animating. Read at each use, so a change of the
 * setting counts at once. False outside a browser (headless tests).
 */
export function prefersReducedMotion(): boolean {
  return typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches === true;
}
