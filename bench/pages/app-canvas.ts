import "../../client/src/styles.css";
import { createCanvas } from "../../client/src/canvas/create-canvas";
import { type BenchPage, fetchBenchGraph, type PageLayoutResult } from "./bench-data";
import { createFrameMeter, nextPaint } from "./frame-meter";

/** The layout helper's module when it is there: every layout the app offers, run as the app runs it. */
const layoutModules = import.meta.glob("../../client/src/canvas/layouts/run-layout.ts");
const catalogModules = import.meta.glob("../../client/src/canvas/layouts/layout-catalog.ts");

interface LayoutModule {
  computeLayout(
    cy: unknown,
    name: string,
    pinned: ReadonlyMap<string, unknown>,
  ): Promise<{ positions: Map<string, { x: number; y: number }> }>;
  applyPositions(cy: unknown, positions: ReadonlyMap<string, { x: number; y: number }>): Promise<void>;
}

const container = document.getElementById("graph") as HTMLElement;
const canvas = createCanvas(container);
const meter = createFrameMeter();
let layoutNames = ["fcose"];
let layouts: LayoutModule | undefined;
const [layoutLoader] = Object.values(layoutModules);
const [catalogLoader] = Object.values(catalogModules);
if (layoutLoader && catalogLoader) {
  layouts = (await layoutLoader()) as LayoutModule;
  layoutNames = [...((await catalogLoader()) as { LAYOUT_NAMES: readonly string[] }).LAYOUT_NAMES];
}

async function timeLayout(name: string, run: () => Promise<void>): Promise<PageLayoutResult> {
  meter.start();
  await nextPaint();
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  await nextPaint();
  return { name, ms, longestFrameMs: meter.stop().longestFrameMs };
}

const page: BenchPage = {
  async load(url) {
    const graph = await fetchBenchGraph(url);
    const received = performance.now();
    canvas.addGraph(graph, { kind: "layout" });
    canvas.cy.nodes().positions((node) => graph.positions[node.id()] ?? { x: 0, y: 0 });
    canvas.cy.fit();
    const painted = await nextPaint();
    return { firstPaintMs: painted - received, nodes: canvas.cy.nodes().length, edges: canvas.cy.edges().length };
  },
  startFrames: () => meter.start(),
  stopFrames: () => meter.stop(),
  layoutNames: () => layoutNames,
  layout: (name) =>
    timeLayout(name, async () => {
      if (!layouts) return canvas.runLayout({ randomize: true, animate: false });
      const { positions } = await layouts.computeLayout(canvas.cy, name, new Map());
      await layouts.applyPositions(canvas.cy, positions);
    }),
};
window.bench = page;
document.body.dataset.benchReady = "true";
