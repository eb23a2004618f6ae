const MIN_HEIGHT = 260;
/** Room always left to the canvas above the drawer. */
const MIN_CANVAS = 180;
const KEY_STEP = 40;

/**
 * Lets the analyst drag (or move with the arrow keys; Home and End: smallest and largest) the drawer's
 * top edge. The height lives in the custom property `--workbench-height` on the drawer, which the
 * stylesheet uses. The handle is a focusable separator: its ARIA values (now, min, max) follow the
 * drawer's real height, whatever changed it (a drag, a key, the window).
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
  const describe = (height: number) => {
    handle.setAttribute("aria-valuemin", String(MIN_HEIGHT));
    handle.setAttribute("aria-valuemax", String(clamp(Number.POSITIVE_INFINITY)));
    handle.setAttribute("aria-valuenow", String(clamp(height)));
    handle.setAttribute("aria-valuetext", `${clamp(height)} pixels high`);
  };
  const apply = (height: number) => {
    const clamped = clamp(height);
    drawer.style.setProperty("--workbench-height", `${clamped}px`);
    describe(clamped);
    return clamped;
  };
  describe(initial ?? MIN_HEIGHT);
  if (initial !== null) apply(initial);
  new ResizeObserver(() => {
    const height = drawer.getBoundingClientRect().height;
    if (height > 0) describe(height);
  }).observe(drawer);

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
    const height = drawer.getBoundingClientRect().height;
    const to: Record<string, number> = {
      ArrowUp: height + KEY_STEP,
      ArrowDown: height - KEY_STEP,
      Home: MIN_HEIGHT,
      End: Number.POSITIVE_INFINITY,
    };
    const next = to[event.key];
    if (next === undefined) return;
    event.preventDefault();
    save(apply(next));
  });
}
