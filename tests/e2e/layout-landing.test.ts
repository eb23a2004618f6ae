/**
 * A layout of a big graph lands without a frame that draws every element one by one: the last
 * picture stays on screen while Cytoscape.js' layer bitmap is built over frames
 * (client/src/canvas/layouts/hold-picture.ts), then the new picture is shown from it. Checked on
 * the bench's page of the app's canvas, on the real renderer; how long the frames take is measured
 * by `npm run bench:layouts`, not here.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserGraph } from "../../bench/harness/browser-graph";
import { buildBenchPages } from "../../bench/harness/build-bench-pages";
import { startStaticServer } from "../../bench/harness/static-server";
import { launchChromium } from "../../scripts/browser/launch-chromium";

let outDir: string;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Browser;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "layout-landing-pages-"));
  const failed = buildBenchPages(outDir);
  if (failed) throw new Error(failed);
  const data = new Map([["/data/big.json", JSON.stringify(browserGraph(1_000, 2_000, 7))]]);
  server = await startStaticServer(outDir, data);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

interface Drawn {
  /** Sizes of the element lists the renderer drew one by one (its fallback when the layer is not ready). */
  oneByOne: number[];
  /** Frames the renderer drew on screen. */
  frames: number;
}

/** Records what the canvas renderer draws from now on. */
function watchDrawing(): void {
  type Renderer = {
    drawCachedElements(context: unknown, eles: unknown[], pxRatio: number, extent: unknown): void;
  };
  const renderer = (window.cy as unknown as { renderer(): Renderer }).renderer();
  const drawn: Drawn = { oneByOne: [], frames: 0 };
  (window as unknown as { drawn: Drawn }).drawn = drawn;
  const oneByOne = renderer.drawCachedElements;
  renderer.drawCachedElements = (context, eles, pxRatio, extent) => {
    if (eles.length > 0) drawn.oneByOne.push(eles.length);
    oneByOne.call(renderer, context, eles, pxRatio, extent);
  };
  window.cy.on("render", () => {
    drawn.frames += 1;
  });
}

async function openBigGraph(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  (page as Page & { problems: string[] }).problems = problems;
  await page.goto(`${server.baseUrl}/app-canvas.html`);
  await page.waitForFunction(() => document.body.dataset.benchReady === "true");
  await page.evaluate(() => window.bench.load("/data/big.json"));
  return page;
}

describe("a layout landing on 1,000 nodes and 2,000 relationships", () => {
  // Grid: its layer fits the 4000x4000 px Cytoscape.js allows at the fit's zoom (circle and
  // concentric on this graph do not: their last frame draws what is in view directly).
  for (const name of ["grid"]) {
    it(`${name}: moves every node and shows the new picture from the layer bitmap, never element by element`, async () => {
      const page = await openBigGraph({ width: 1366, height: 768 });
      const before = await page.evaluate(() => window.cy.nodes().map((node) => ({ ...node.position() })));
      await page.evaluate(watchDrawing);
      await page.evaluate((layout) => window.bench.layout(layout), name);
      // The frame after the layout settled is on screen (bench.layout waits for it).
      const after = await page.evaluate(() => ({
        positions: window.cy.nodes().map((node) => ({ ...node.position() })),
        hidden: window.cy.edges().filter((edge) => edge.style("display") === "none").length,
        drawn: (window as unknown as { drawn: Drawn }).drawn,
      }));
      const moved = after.positions.filter((point, i) => point.x !== before[i]?.x || point.y !== before[i]?.y);
      expect(moved.length).toBeGreaterThan(900);
      expect(after.hidden).toBe(0);
      // The landing was drawn on screen, and no frame drew the graph one element at a time.
      expect(after.drawn.frames).toBeGreaterThan(0);
      expect(after.drawn.oneByOne).toEqual([]);
      expect((page as Page & { problems: string[] }).problems).toEqual([]);
      if (process.env.LAYOUT_LANDING_SHOT)
        await page.screenshot({ path: `${process.env.LAYOUT_LANDING_SHOT}-${name}.png` });
      await page.close();
    });
  }
});
