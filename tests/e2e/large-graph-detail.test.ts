/**
 * On big graphs the canvas trades detail for speed by itself (client/src/canvas/performance-options.ts):
 * gestures pan a bitmap (drawn at the screen's resolution), small captions are skipped, edges go
 * straight; and it goes back when the graph shrinks. Speed itself is measured by `npm run bench`,
 * not here.
 */
import { describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";

const session = useAppInBrowser();

interface DetailState {
  elements: number;
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  leanRules: boolean;
  screenRatio: number;
  forcedPixelRatio: number | null;
  /** The drawing canvases' backing width, and the container's width in CSS pixels. */
  canvasWidths: number[];
  containerWidth: number;
}

const readDetail = () =>
  `(() => {
    const cy = window.cy;
    const renderer = cy.renderer();
    return {
      elements: cy.elements().length,
      textureOnViewport: renderer.textureOnViewport === true,
      hideEdgesOnViewport: renderer.hideEdgesOnViewport === true,
      leanRules: cy.style().json().some((rule) => rule.selector === "node[?id]"),
      screenRatio: window.devicePixelRatio,
      forcedPixelRatio: renderer.forcedPixelRatio,
      canvasWidths: [...cy.container().querySelectorAll("canvas")].map((canvas) => canvas.width),
      containerWidth: cy.container().clientWidth,
    };
  })()`;

describe("level of detail", () => {
  it("switches to bitmap gestures and lean rules past 3,000 elements, and back when they are gone", async () => {
    const page = await session.open();
    const small = (await page.evaluate(readDetail())) as DetailState;
    expect(small.textureOnViewport).toBe(false);
    expect(small.leanRules).toBe(false);
    expect(small.forcedPixelRatio).toBeNull();

    await page.evaluate(() => {
      const nodes = Array.from({ length: 3000 }, (_, index) => ({
        group: "nodes" as const,
        data: { id: `bulk-${index}`, label: "Company", labels: ["Company"], caption: `Bulk ${index}`, props: {} },
        position: { x: (index % 60) * 40, y: Math.floor(index / 60) * 40 },
      }));
      window.cy.add(nodes);
    });
    await page.waitForFunction(() => window.cy.elements().length >= 3000);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const big = (await page.evaluate(readDetail())) as DetailState;
    expect(big.elements).toBeGreaterThanOrEqual(3000);
    expect(big.textureOnViewport).toBe(true);
    expect(big.hideEdgesOnViewport).toBe(false);
    expect(big.leanRules).toBe(true);
    // On this 1x screen the gesture bitmap is drawn at the screen's resolution: a ratio just above
    // 1, which leaves the canvases their size.
    expect(big.screenRatio).toBe(1);
    expect(big.forcedPixelRatio).toBeGreaterThan(1);
    expect(big.forcedPixelRatio).toBeLessThan(1.001);
    expect(new Set(big.canvasWidths)).toEqual(new Set([big.containerWidth]));

    await page.evaluate(() => {
      window.cy.remove('[id ^= "bulk-"]');
    });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const again = (await page.evaluate(readDetail())) as DetailState;
    expect(again.elements).toBe(small.elements);
    expect(again.textureOnViewport).toBe(false);
    expect(again.forcedPixelRatio).toBeNull();
    await page.close();
  });
});
