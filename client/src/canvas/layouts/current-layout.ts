import { isLayoutName, type LayoutName } from "./layout-catalog";

let current: LayoutName = "fcose";
const listeners: Array<(name: LayoutName) => void> = [];

/** The layout the canvas was last laid out with (what the URL and saved views record). */
export function currentLayout(): LayoutName {
  return current;
}

/**
 * Records the layout without running it (a restored view brings its own positions); unknown
 * names fall back to force-directed. The toolbar's picker follows.
 */
export function setLayout(name: string): void {
  current = isLayoutName(name) ? name : "fcose";
  for (const listener of listeners) listener(current);
}

export function onLayoutChange(listener: (name: LayoutName) => void): void {
  listeners.push(listener);
}
