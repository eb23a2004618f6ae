import type { Browser, Page } from "playwright-core";
import type { BenchPage } from "../pages/bench-data";

export type PageVariant = "plain" | "app";

const PAGES: Record<PageVariant, string> = {
  plain: "/plain-cytoscape.html",
  app: "/app-canvas.html",
};
export const VIEWPORT = { width: 1440, height: 900 };

export function pageUrl(baseUrl: string, variant: PageVariant): string {
  return `${baseUrl}${PAGES[variant]}`;
}

export interface DrawPlan {
  browser: Browser;
  baseUrl: string;
  variant: PageVariant;
  /** Key of the size ("20k") and the URL of its graph. */
  size: string;
  dataUrl: string;
  gestureMs: number;
  measureHeap: boolean;
}

async function openBenchPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.benchReady === "true", undefined, { timeout: 60_000 });
  return page;
}

/** One drawing run: first paint, panning by real mouse drags, zooming by real wheel events, and the JS heap. */
export async function measureDrawing(plan: DrawPlan): Promise<Record<string, number>> {
  const page = await openBenchPage(plan.browser, `${plan.baseUrl}${PAGES[plan.variant]}`);
  const key = `browser.${plan.variant}.${plan.size}`;
  try {
    const loaded = await page.evaluate((url) => window.bench.load(url), plan.dataUrl);
    const pan = await whileRecording(page, () => dragAround(page, plan.gestureMs));
    const zoom = await whileRecording(page, () => wheelAround(page, plan.gestureMs));
    const figures: Record<string, number> = {
      [`${key}.firstPaintMs`]: loaded.firstPaintMs,
      [`${key}.panFps`]: pan.fps,
      [`${key}.panP95Ms`]: pan.p95FrameMs,
      [`${key}.zoomFps`]: zoom.fps,
      [`${key}.zoomP95Ms`]: zoom.p95FrameMs,
    };
    if (plan.measureHeap) figures[`${key}.heapMb`] = await heapMb(page);
    return figures;
  } finally {
    await page.close();
  }
}

async function whileRecording(page: Page, gesture: () => Promise<void>) {
  await page.evaluate(() => window.bench.startFrames());
  await gesture();
  return page.evaluate(() => window.bench.stopFrames());
}

/** Presses on the background (a corner the fitted graph leaves free) and drags in circles, at mouse pace. */
async function dragAround(page: Page, durationMs: number): Promise<void> {
  await page.mouse.move(8, 8);
  await page.mouse.down();
  const started = Date.now();
  for (let step = 0; Date.now() - started < durationMs; step += 1) {
    const angle = step / 10;
    await page.mouse.move(300 + 200 * Math.cos(angle), 300 + 200 * Math.sin(angle));
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
}

/** Wheel notches over the middle of the canvas, in then out, at a steady pace. */
async function wheelAround(page: Page, durationMs: number): Promise<void> {
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
  const started = Date.now();
  for (let step = 0; Date.now() - started < durationMs; step += 1) {
    await page.mouse.wheel(0, Math.floor(step / 8) % 2 === 0 ? -120 : 120);
    await page.waitForTimeout(16);
  }
}

async function heapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send("HeapProfiler.collectGarbage");
    const { usedSize } = await session.send("Runtime.getHeapUsage");
    return usedSize / 1024 / 1024;
  } finally {
    await session.detach();
  }
}

/** One layout run per layout the page offers, on a fresh copy of the graph each time. */
export async function measureLayouts(
  browser: Browser,
  baseUrl: string,
  variant: "plain" | "app",
  dataUrl: string,
): Promise<Record<string, number>> {
  const probe = await openBenchPage(browser, `${baseUrl}${PAGES[variant]}`);
  const names = await probe.evaluate(() => window.bench.layoutNames());
  await probe.close();
  const figures: Record<string, number> = {};
  for (const name of names) {
    const page = await openBenchPage(browser, `${baseUrl}${PAGES[variant]}`);
    try {
      await page.evaluate((url) => window.bench.load(url), dataUrl);
      const result = await page.evaluate((layout) => (window.bench as BenchPage).layout(layout), name);
      figures[`layout.${variant}.${name}.ms`] = result.ms;
      figures[`layout.${variant}.${name}.longestFrameMs`] = result.longestFrameMs;
    } finally {
      await page.close();
    }
  }
  return figures;
}
