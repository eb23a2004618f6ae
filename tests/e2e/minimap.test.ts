/**
 * The overview map (client/src/chrome/minimap.ts): draws the graph once and only its frame when the
 * view moves, follows graph changes (not class changes that are not a filter's), and moves the view
 * when clicked.
 */
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { pageProblems } from "../support/browser";

const session = useAppInBrowser();
const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

/** Counts the minimap's drawn pixels: all of them, and those in the colour of Company nodes. */
const drawnPixels = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector("[data-testid=minimap-canvas]") as HTMLCanvasElement;
    const data = (canvas.getContext("2d") as CanvasRenderingContext2D).getImageData(
      0,
      0,
      canvas.width,
      canvas.height,
    ).data;
    let drawn = 0;
    for (let index = 3; index < data.length; index += 4) if ((data[index] as number) > 0) drawn += 1;
    return { drawn, image: canvas.toDataURL() };
  });

const twoFrames = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

describe("overview map", () => {
  it("shows the graph, moves its frame with the view, redraws when nodes go, and pans the view on a click", async () => {
    const page = await session.open();
    opened.push(page);
    await twoFrames(page);
    const start = await drawnPixels(page);
    expect(start.drawn).toBeGreaterThan(200);

    // Zooming in shrinks the frame: the picture changes, the graph in it stays.
    await page.evaluate(() => window.cy.zoom({ level: window.cy.zoom() * 3, renderedPosition: { x: 700, y: 450 } }));
    await twoFrames(page);
    const zoomed = await drawnPixels(page);
    expect(zoomed.image).not.toBe(start.image);
    expect(zoomed.drawn).toBeGreaterThan(100);

    // Removing half of the nodes redraws the graph itself.
    await page.evaluate(() => {
      window.cy
        .nodes()
        .slice(0, Math.floor(window.cy.nodes().length / 2))
        .remove();
    });
    await twoFrames(page);
    const fewer = await drawnPixels(page);
    expect(fewer.image).not.toBe(zoomed.image);

    // A click in the map centres the view there.
    const panBefore = await page.evaluate(() => ({ ...window.cy.pan() }));
    const box = await page.getByTestId("minimap-canvas").boundingBox();
    if (!box) throw new Error("the minimap is not shown");
    await page.mouse.click(box.x + 10, box.y + 10);
    await expect
      .poll(async () => {
        const panAfter = await page.evaluate(() => ({ ...window.cy.pan() }));
        return Math.hypot(panAfter.x - panBefore.x, panAfter.y - panBefore.y);
      })
      .toBeGreaterThan(20);
    expect(pageProblems(page)).toEqual([]);
  });

  it("draws its picture of the graph again when a filter changes, not on every class change", async () => {
    const page = await session.open();
    opened.push(page);
    await twoFrames(page);
    // The picture is an off-page canvas the map's size: count how often it is drawn into.
    await page.evaluate(() => {
      const counted = window as unknown as { pictureDraws: number };
      counted.pictureDraws = 0;
      const original = HTMLCanvasElement.prototype.getContext;
      const ratio = window.devicePixelRatio || 1;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
        if (!this.isConnected && this.width === 200 * ratio && this.height === 136 * ratio) counted.pictureDraws += 1;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
    });
    const draws = () => page.evaluate(() => (window as unknown as { pictureDraws: number }).pictureDraws);
    const before = await drawnPixels(page);

    // Highlights and other classes change how the canvas looks, not what the map shows.
    await page.evaluate(() => {
      window.cy.nodes().addClass("minimap-test-mark");
      window.cy.edges().slice(0, 5).addClass("minimap-test-mark");
    });
    await twoFrames(page);
    expect(await draws()).toBe(0);
    expect((await drawnPixels(page)).image).toBe(before.image);

    // A filter taking half of the nodes off does change it.
    await page.evaluate(() => {
      window.cy
        .nodes()
        .slice(0, Math.floor(window.cy.nodes().length / 2))
        .addClass("filtered-out");
    });
    await expect.poll(draws).toBeGreaterThan(0);
    await twoFrames(page);
    expect((await drawnPixels(page)).image).not.toBe(before.image);
    expect(pageProblems(page)).toEqual([]);
  });
});
