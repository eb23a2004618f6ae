import type { Theme } from "../look/canvas-palette";

const KEY = "graph-explorer.theme";

interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The analyst's own choice when they made one, else what the system prefers. */
export function resolveTheme(stored: string | null, prefersDark: boolean): Theme {
  if (stored === "light" || stored === "dark") return stored;
  return prefersDark ? "dark" : "light";
}

/**
 * Light and dark themes: the page (data-theme on <html>, read by the CSS) and the canvas follow
 * the system until the toolbar's toggle is used; that choice is remembered.
 */
export function createThemeSwitch(
  button: HTMLButtonElement,
  storage: Storage,
  applyToCanvas: (theme: Theme) => void,
): void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  let theme: Theme = "light";
  const apply = (next: Theme) => {
    theme = next;
    document.documentElement.dataset.theme = next;
    applyToCanvas(next);
    const other = next === "dark" ? "light" : "dark";
    button.setAttribute("aria-pressed", String(next === "dark"));
    button.title = `Switch to the ${other} theme`;
    button.setAttribute("aria-label", `Dark theme`);
  };
  apply(resolveTheme(storage.getItem(KEY), media.matches));
  media.addEventListener("change", () => apply(resolveTheme(storage.getItem(KEY), media.matches)));
  button.addEventListener("click", () => {
    const next: Theme = theme === "dark" ? "light" : "dark";
    storage.setItem(KEY, next);
    apply(next);
  });
}
