import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../scripts/browser/launch-chromium";
import { projectRoot } from "../../scripts/project-root";
import type { LoadResult } from "../pages/bench-data";
import { BENCH_CONFIGS } from "./bench-sizes";
import { type PageVariant, pageUrl, VIEWPORT } from "./browser-bench";
import { browserGraph } from "./browser-graph";
import { buildBenchPages } from "./build-bench-pages";
import type { BenchSize } from "./results-schema";
import { startStaticServer } from "./static-server";
import { median } from "./stats";

export interface FirstPaintOptions {
  size: BenchSize;
  runs: number;
  /** Size keys to draw ("1k", "20k", "50k"); the brief's comparison is 1k and 20k. */
  sizes: readonly string[];
  resultsDir: string;
  log: (line: string) => void;
}

export interface FirstPaintCase {
  size: string;
  nodes: number;
  edges: number;
  plain: LoadResult[];
  app: LoadResult[];
  /** Medians over the runs; each run's ratio is app ÷ plain, measured back to back. */
  medianRatio: number;
  medianCompleteRatio: number;
  plainMedianMs: number;
  appMedianMs: number;
  appCompleteMedianMs: number;
  appLongestTaskMedianMs: number;
  /** The longest wait of a key press while the graph was drawn (medians over the runs). */
  appInputDelayMedianMs: number;
  plainInputDelayMedianMs: number;
}

/**
 * Only the first-paint cases of the browser bench (`npm run bench -- --only first-paint`): no
 * Neo4j, no gestures. Each run draws each size on plain Cytoscape.js, then on the app's canvas, in
 * fresh pages one after the other, so a busy machine slows both alike; the ratio is per run.
 */
export async function runFirstPaintBench(options: FirstPaintOptions): Promise<FirstPaintCase[]> {
  const config = BENCH_CONFIGS[options.size];
  const sizes = config.drawSizes.filter((size) => options.sizes.includes(size.key));
  if (sizes.length === 0) throw new Error(`no draw size among ${options.sizes.join(", ")}`);
  // Its own output folder: a full bench run empties dist/bench while it builds.
  const outDir = join(projectRoot, "dist", "bench-first-paint");
  options.log("bench: building the browser pages (vite build)");
  const failed = buildBenchPages(outDir);
  if (failed) throw new Error(failed);
  const data = new Map<string, string>();
  for (const size of sizes)
    data.set(`/data/${size.key}.json`, JSON.stringify(browserGraph(size.nodes, size.edges, config.graph.seed)));
  const pages = await startStaticServer(outDir, data);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const results = sizes.map((size) => ({ size, plain: [] as LoadResult[], app: [] as LoadResult[] }));
    for (let run = 1; run <= options.runs; run += 1) {
      for (const result of results) {
        const plain = await drawOnce(browser, pages.baseUrl, "plain", `/data/${result.size.key}.json`);
        const app = await drawOnce(browser, pages.baseUrl, "app", `/data/${result.size.key}.json`);
        result.plain.push(plain);
        result.app.push(app);
        options.log(
          `bench: run ${run} ${result.size.key}: plain ${Math.round(plain.firstPaintMs)} ms, app ${Math.round(app.firstPaintMs)} ms ` +
            `(ratio ${(app.firstPaintMs / plain.firstPaintMs).toFixed(2)}; all drawn ${Math.round(app.completeMs)} ms, ` +
            `longest task ${Math.round(app.longestTaskMs)} ms against ${Math.round(plain.longestTaskMs)} ms; ` +
            `key press answered within ${Math.round(app.inputDelayMs)} ms against ${Math.round(plain.inputDelayMs)} ms ` +
            `(${app.inputEvents} and ${plain.inputEvents} presses); ${app.renderer} on ${app.gpu})`,
        );
      }
    }
    const cases: FirstPaintCase[] = results.map(({ size, plain, app }) => ({
      size: size.key,
      nodes: size.nodes,
      edges: size.edges,
      plain,
      app,
      medianRatio: median(app.map((result, index) => result.firstPaintMs / (plain[index] as LoadResult).firstPaintMs)),
      medianCompleteRatio: median(
        app.map((result, index) => result.completeMs / (plain[index] as LoadResult).completeMs),
      ),
      plainMedianMs: median(plain.map((result) => result.firstPaintMs)),
      appMedianMs: median(app.map((result) => result.firstPaintMs)),
      appCompleteMedianMs: median(app.map((result) => result.completeMs)),
      appLongestTaskMedianMs: median(app.map((result) => result.longestTaskMs)),
      appInputDelayMedianMs: median(app.map((result) => result.inputDelayMs)),
      plainInputDelayMedianMs: median(plain.map((result) => result.inputDelayMs)),
    }));
    mkdirSync(options.resultsDir, { recursive: true });
    const written = {
      startedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.versions.node },
      cases,
    };
    writeFileSync(join(options.resultsDir, "latest.first-paint.json"), `${JSON.stringify(written, null, 2)}\n`);
    return cases;
  } finally {
    await browser?.close();
    await pages.close();
  }
}

/** A key press every this many milliseconds while a graph is drawn: does the page answer within 100 ms? */
const PRESS_EVERY_MS = 20;

async function drawOnce(browser: Browser, baseUrl: string, variant: PageVariant, dataUrl: string): Promise<LoadResult> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(pageUrl(baseUrl, variant));
    await page.waitForFunction(() => document.body.dataset.benchReady === "true", undefined, { timeout: 60_000 });
    let drawing = true;
    const loaded = page
      .evaluate((url) => window.bench.load(url), dataUrl)
      .finally(() => {
        drawing = false;
      });
    // Real key presses (Shift: no handler of the canvas reacts to it); each is answered once the
    // page's main thread is free, and the page records how long it waited (LoadResult.inputDelayMs).
    while (drawing) {
      await page.keyboard.press("Shift");
      await new Promise((resolve) => setTimeout(resolve, PRESS_EVERY_MS));
    }
    return await loaded;
  } finally {
    await page.close();
  }
}

/** The printed summary: one line per size. */
export function firstPaintTable(cases: readonly FirstPaintCase[]): string {
  const rows = cases.map(
    (item) =>
      `| ${item.size} (${item.nodes} nodes, ${item.edges} edges) | ${Math.round(item.appMedianMs)} ms | ${Math.round(item.plainMedianMs)} ms | ` +
      `${item.medianRatio.toFixed(2)}× | ${Math.round(item.appCompleteMedianMs)} ms (${item.medianCompleteRatio.toFixed(2)}×) | ` +
      `${Math.round(item.appLongestTaskMedianMs)} ms | ${Math.round(item.appInputDelayMedianMs)} ms (plain ${Math.round(item.plainInputDelayMedianMs)} ms) | ` +
      `${item.app[0]?.renderer ?? "?"} |`,
  );
  return [
    "| Elements | App first paint | Plain Cytoscape.js | Ratio (median of per-run) | App all drawn (ratio) | App longest task | App longest input wait | Renderer |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
