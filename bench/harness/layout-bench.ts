import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../scripts/browser/launch-chromium";
import { projectRoot } from "../../scripts/project-root";
import type { PageLayoutResult } from "../pages/bench-data";
import { BENCH_CONFIGS } from "./bench-sizes";
import { type PageVariant, pageUrl, VIEWPORT } from "./browser-bench";
import { browserGraph } from "./browser-graph";
import { buildBenchPages } from "./build-bench-pages";
import type { BenchSize } from "./results-schema";
import { startStaticServer } from "./static-server";
import { median } from "./stats";

export interface LayoutBenchOptions {
  size: BenchSize;
  runs: number;
  /** Layout names to run (the app's catalogue when empty). */
  layouts: readonly string[];
  resultsDir: string;
  log: (line: string) => void;
}

export interface LayoutCase {
  name: string;
  runs: PageLayoutResult[];
  medianMs: number;
  medianLongestFrameMs: number;
  /** Frames over 100 ms, median over the runs. */
  medianLongFrames: number;
}

/** A frame longer than this is a freeze an analyst notices (issue #21: no frame over 100 ms). */
export const LONG_FRAME_MS = 100;

/**
 * Only the layout part of the browser bench (no Neo4j): every layout of the app's catalogue on the
 * layout graph (1,000 nodes, 2,000 edges at full size), each run in a fresh page, with the longest
 * frame between the layout's start and the frame after it landed.
 */
export async function runLayoutBench(options: LayoutBenchOptions): Promise<LayoutCase[]> {
  const config = BENCH_CONFIGS[options.size];
  // Its own output folder: a full bench run empties dist/bench while it builds.
  const outDir = join(projectRoot, "dist", "bench-layouts");
  options.log("bench: building the browser pages (vite build)");
  const failed = buildBenchPages(outDir);
  if (failed) throw new Error(failed);
  const { nodes, edges } = config.layoutGraph;
  const data = new Map([["/data/layout.json", JSON.stringify(browserGraph(nodes, edges, config.graph.seed))]]);
  const pages = await startStaticServer(outDir, data);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const names = options.layouts.length > 0 ? options.layouts : await layoutNames(browser, pages.baseUrl);
    const results = new Map(names.map((name) => [name, [] as PageLayoutResult[]]));
    for (let run = 1; run <= options.runs; run += 1) {
      for (const name of names) {
        const result = await layoutOnce(browser, pages.baseUrl, "app", name);
        results.get(name)?.push(result);
        options.log(
          `bench: run ${run} ${name} on ${nodes} nodes / ${edges} edges: ${Math.round(result.ms)} ms, ` +
            `longest frame ${Math.round(result.longestFrameMs)} ms, ${result.longFrames} of ${result.frames} frames over ${LONG_FRAME_MS} ms ` +
            `(slowest: ${result.slowestFramesMs.map((ms) => Math.round(ms)).join(", ")})`,
        );
      }
    }
    const cases: LayoutCase[] = [...results].map(([name, runs]) => ({
      name,
      runs,
      medianMs: median(runs.map((run) => run.ms)),
      medianLongestFrameMs: median(runs.map((run) => run.longestFrameMs)),
      medianLongFrames: median(runs.map((run) => run.longFrames)),
    }));
    mkdirSync(options.resultsDir, { recursive: true });
    const written = {
      startedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.versions.node },
      graph: { nodes, edges },
      cases,
    };
    writeFileSync(join(options.resultsDir, "latest.layouts.json"), `${JSON.stringify(written, null, 2)}\n`);
    return cases;
  } finally {
    await browser?.close();
    await pages.close();
  }
}

async function layoutNames(browser: Browser, baseUrl: string): Promise<string[]> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(pageUrl(baseUrl, "app"));
    await page.waitForFunction(() => document.body.dataset.benchReady === "true", undefined, { timeout: 60_000 });
    return await page.evaluate(() => window.bench.layoutNames());
  } finally {
    await page.close();
  }
}

async function layoutOnce(
  browser: Browser,
  baseUrl: string,
  variant: PageVariant,
  name: string,
): Promise<PageLayoutResult> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(pageUrl(baseUrl, variant));
    await page.waitForFunction(() => document.body.dataset.benchReady === "true", undefined, { timeout: 60_000 });
    await page.evaluate(() => window.bench.load("/data/layout.json"));
    return await page.evaluate((layout) => window.bench.layout(layout), name);
  } finally {
    await page.close();
  }
}

/** The printed summary: one line per layout. */
export function layoutTable(cases: readonly LayoutCase[]): string {
  const rows = cases.map(
    (item) =>
      `| ${item.name} | ${Math.round(item.medianMs)} ms | ${Math.round(item.medianLongestFrameMs)} ms | ${item.medianLongFrames} |`,
  );
  return [
    `| Layout | Time (median) | Longest frame (median) | Frames over ${LONG_FRAME_MS} ms (median) |`,
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
