import { el } from "../dom/el";

/**
 * The words of the keyboard walk on the graph (canvas/keyboard-walk.ts): a polite live region
 * right after the canvas, so screen readers say each step, shown as a caption on the canvas while
 * the canvas has the keyboard focus (for sighted keyboard users), hidden otherwise.
 */
export function createCanvasAnnouncer(canvasRoot: HTMLElement): (text: string) => void {
  const region = el("div", {
    class: "canvas-announcer",
    "data-testid": "canvas-announcer",
    "aria-live": "polite",
    "aria-atomic": "true",
  });
  canvasRoot.after(region);
  return (text) => {
    region.textContent = text;
  };
}
