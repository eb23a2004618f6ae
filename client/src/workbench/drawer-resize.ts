const MIN_HEIGHT = 260;
/** Room always left to the canvas above the drawer. */
const MIN_CANVAS = 180;
const KEY_STEP = 40;

/**
 * Lets the analyst drag (or move with the arrow keys) the drawer's top edge. The height lives in
 * the custom property `--workbench-height` on the drawer, which the stylesheet uses.
 */
export function enableDrawerResize(
  drawer: HTMLElement,
  handle: HTMLElement,
  initial: number | null,
  save: (height: number) => void,
): void {
  const clamp = (height: number) => {
    const max = Math.max(MIN_HEIGHT, window.innerHeight - 52 - MIN_CANVAS);
    return Math.round(Math.min(max, Math.max(MIN_HEIGHT, height)));
  };
  const apply = (height: number) => {
    const clamped = clamp(height);
    drawer.style.setProperty("--workbench-height", `${clamped}px`);
    handle.setAttribute("aria-valuenow", String(clamped));
    return clamped;
  };
  if (initial !== null) apply(initial);

  handle.addEventListener("pointerdown", (event) => {
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    const startY = event.clientY;
    const startHeight = drawer.getBoundingClientRect().height;
    const move = (moved: PointerEvent) => apply(startHeight + startY - moved.clientY);
    const up = (ended: PointerEvent) => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
      handle.removeEventListener("pointercancel", up);
      save(apply(startHeight + startY - ended.clientY));
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
    handle.addEventListener("pointercancel", up);
  });
  handle.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    event.preventDefault();
    const height = drawer.getBoundingClientRect().height;
    save(apply(height + (event.key === "ArrowUp" ? KEY_STEP : -KEY_STEP)));
  });
}
