/**
 * A big graph is painted nodes first, its relationships over the next frames
 * (client/src/canvas/add-elements.ts), and a hardware GPU switches the canvas to Cytoscape.js'
 * WebGL renderer (renderer-choice.ts). Checked on the bench's page of the app's canvas; the time
 * it takes is measured by `npm run bench:first-paint`, not here.
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

const HARDWARE_GPU = "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)";
let outDir: string;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Browser;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "first-paint-pages-"));
  const failed = buildBenchPages(outDir);
  if (failed) throw new Error(failed);
  const data = new Map([
    ["/data/big.json", JSON.stringify(browserGraph(1_000, 2_000, 7))],
    ["/data/small.json", JSON.stringify(browserGraph(40, 60, 7))],
  ]);
  server = await startStaticServer(outDir, data);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

async function openCanvas(query = ""): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  (page as Page & { problems: string[] }).problems = problems;
  await page.goto(`${server.baseUrl}/app-canvas.html${query}`);
  await page.waitForFunction(() => document.body.dataset.benchReady === "true");
  return page;
}

const drawnNow = () =>
  window.cy.edges().filter((edge) => edge.style("display") !== "none" && !edge.hasClass("draw-later")).length;

describe("first paint", () => {
  it("paints every node in the first frame and the relationships over the next ones, all on the canvas at once", async () => {
    const page = await openCanvas();
    // What each drawn frame held, from the canvas' own render events.
    await page.evaluate(() => {
      const frames: Array<{ nodes: number; edges: number; drawn: number; named: number }> = [];
      (window as unknown as { frames: typeof frames }).frames = frames;
      window.cy.on("render", () => {
        const edges = window.cy.edges();
        const nodes = window.cy.nodes();
        frames.push({
          nodes: nodes.length,
          edges: edges.length,
          drawn: edges.not(".draw-later").length,
          named: nodes.not(".draw-later").length,
        });
      });
    });
    const result = await page.evaluate(() => window.bench.load("/data/big.json"));
    expect(result.nodes).toBe(1_000);
    expect(result.edges).toBe(2_000);
    expect(result.completeMs).toBeGreaterThan(result.firstPaintMs);
    const frames = await page.evaluate(
      () =>
        (window as unknown as { frames: Array<{ nodes: number; edges: number; drawn: number; named: number }> }).frames,
    );
    const first = frames.find((frame) => frame.nodes > 0);
    // The first frame with the graph: every node, every relationship on the canvas, no relationship
    // and no name drawn yet.
    expect(first).toEqual({ nodes: 1_000, edges: 2_000, drawn: 0, named: 0 });
    expect(frames.at(-1)).toMatchObject({ drawn: 2_000, named: 1_000 });
    expect(await page.evaluate(drawnNow)).toBe(2_000);
    // Every name is back as the stylesheet gives it (the node's display caption).
    expect(
      await page.evaluate(
        () => window.cy.nodes().filter((node) => node.style("label") !== String(node.data("display"))).length,
      ),
    ).toBe(0);
    expect((page as Page & { problems: string[] }).problems).toEqual([]);
    await page.close();
  });

  it("draws the first frame directly and builds the layer bitmaps once every relationship is drawn", async () => {
    const page = await openCanvas();
    // How many layer bitmaps Cytoscape.js' layered texture cache holds (its internals, pinned 3.34).
    const layers = () => {
      const cache = (
        window.cy as unknown as { renderer(): { data: { lyrTxrCache: { layersByLevel: Record<string, unknown[]> } } } }
      ).renderer().data.lyrTxrCache;
      return Object.values(cache.layersByLevel).reduce((sum, level) => sum + level.length, 0);
    };
    await page.evaluate(() => {
      const atFirstFrame: number[] = [];
      (window as unknown as { atFirstFrame: number[] }).atFirstFrame = atFirstFrame;
      window.cy.on("render", () => {
        if (window.cy.nodes().length === 0 || atFirstFrame.length > 0) return;
        const cache = (
          window.cy as unknown as {
            renderer(): { data: { lyrTxrCache: { layersByLevel: Record<string, unknown[]> } } };
          }
        ).renderer().data.lyrTxrCache;
        atFirstFrame.push(Object.values(cache.layersByLevel).reduce((sum, level) => sum + level.length, 0));
      });
    });
    await page.evaluate(() => window.bench.load("/data/big.json"));
    expect(await page.evaluate(() => (window as unknown as { atFirstFrame: number[] }).atFirstFrame)).toEqual([0]);
    await expect.poll(() => page.evaluate(layers)).toBeGreaterThan(0);
    expect((page as Page & { problems: string[] }).problems).toEqual([]);
    await page.close();
  });

  it("draws a small graph in one frame", async () => {
    const page = await openCanvas();
    const result = await page.evaluate(() => window.bench.load("/data/small.json", true));
    expect(result.edges).toBe(60);
    expect(await page.evaluate(() => window.cy.edges(".draw-later").length)).toBe(0);
    expect(await page.evaluate(drawnNow)).toBe(60);
    await page.close();
  });

  it("keeps the 2D canvas here (software WebGL) and switches a big graph to WebGL on a hardware GPU", async () => {
    const software = await openCanvas();
    const onCpu = await software.evaluate(() => window.bench.load("/data/big.json"));
    expect(onCpu.gpu).toMatch(/swiftshader|llvmpipe|no webgl/i);
    expect(onCpu.renderer).toBe("canvas");
    await software.close();

    const page = await openCanvas(`?gpu=${encodeURIComponent(HARDWARE_GPU)}`);
    const small = await page.evaluate(() => window.bench.load("/data/small.json"));
    expect(small.renderer).toBe("canvas");
    const big = await page.evaluate(() => window.bench.load("/data/big.json"));
    expect(big.renderer).toBe("webgl");
    // The small graph's elements are among the big one's (same generator and seed).
    expect(big.nodes).toBe(1_000);
    const state = await page.evaluate(() => ({
      webglLayer: window.cy.container()?.querySelector('canvas[data-id$="-webgl"]') !== null,
      leanRules: (window.cy.style() as unknown as { json(): Array<{ selector: string }> })
        .json()
        .some((rule) => rule.selector === "node[?id]"),
    }));
    expect(state.webglLayer).toBe(true);
    // The stylesheet in force before the switch (level of detail included) is still the one in force.
    expect(state.leanRules).toBe(true);
    if (process.env.FIRST_PAINT_SHOT) await page.screenshot({ path: process.env.FIRST_PAINT_SHOT });
    expect((page as Page & { problems: string[] }).problems).toEqual([]);
    await page.close();
  });
});
