/**
 * What the page draws over the canvas, as fitting sees it (measureOverlays): boxes in the corners,
 * a tall panel along the left edge narrowing the area, and a bar along the top or bottom edge across
 * the middle (the time bar) narrowing it from that edge. Fake elements stand in for the DOM.
 */
import { describe, expect, it } from "vitest";
import { measureOverlays } from "../../client/src/canvas/measure-overlays";

/** An element laid out at page pixels [left, top, right, bottom]. */
function laidOut(left: number, top: number, right: number, bottom: number, hidden = false): HTMLElement {
  const rect = { left, top, right, bottom, width: right - left, height: bottom - top };
  return { hidden, getBoundingClientRect: () => rect } as unknown as HTMLElement;
}

/** The canvas at 1366×768 with the workbench drawer open: 370 px tall under a 52 px top bar. */
const canvas = laidOut(0, 52, 1366, 422);
const sheet = laidOut(994, 52, 1366, 422, true);
const float = (element: HTMLElement) => ({ element, marginX: 8, marginY: 8 });

describe("measureOverlays", () => {
  it("takes a bar along the top edge across the middle as an inset from the top, not a box", () => {
    const timeBar = laidOut(365, 64, 1001, 104);
    const measured = measureOverlays(canvas, { sheet, floating: [float(timeBar)] });
    expect(measured).toEqual({ right: 0, left: 0, top: 60, bottom: 0, boxes: [] });
  });

  it("keeps boxes in the corners as boxes: the folded legend, the overview map", () => {
    const legend = laidOut(14, 369, 266, 408);
    const minimap = laidOut(1138, 238, 1352, 408);
    const measured = measureOverlays(canvas, { sheet, floating: [float(legend), float(minimap)] });
    expect(measured.top).toBe(0);
    expect(measured.bottom).toBe(0);
    expect(measured.boxes).toEqual([
      { x1: 6, y1: 309, x2: 274, y2: 364 },
      { x1: 1130, y1: 178, x2: 1360, y2: 364 },
    ]);
  });

  it("takes a bar along the bottom edge across the middle as an inset from the bottom", () => {
    const banner = laidOut(500, 370, 900, 410);
    expect(measureOverlays(canvas, { sheet, floating: [float(banner)] }).bottom).toBe(60);
  });

  it("judges the middle between the side panels: a bar beside it is a box", () => {
    const open = laidOut(994, 52, 1366, 422);
    // The middle of what the sheet leaves is x = 497; a bar from 520 to 980 stays a box.
    const bar = laidOut(520, 64, 980, 104);
    const measured = measureOverlays(canvas, { sheet: open, floating: [float(bar)] });
    expect(measured.right).toBe(372);
    expect(measured.top).toBe(0);
    expect(measured.boxes).toHaveLength(1);
  });

  it("takes a tall panel along the left edge as an inset from the left, and ignores what is hidden", () => {
    const paths = laidOut(14, 66, 384, 408);
    const hidden = laidOut(400, 64, 900, 104, true);
    const measured = measureOverlays(canvas, { sheet, floating: [float(paths), float(hidden)] });
    expect(measured).toEqual({ right: 0, left: 392, top: 0, bottom: 0, boxes: [] });
  });
});
