import "../../client/src/styles.css";
import { createCanvas } from "../../client/src/canvas/create-canvas";
import { LAYOUT_NAMES, type LayoutName } from "../../client/src/canvas/layouts/layout-catalog";
import { createLayoutRunner } from "../../client/src/canvas/layouts/layout-runner";
import { createMinimap } from "../../client/src/chrome/minimap";
import { type BenchPage, fetchBenchGraph } from "./bench-data";
import { createFrameMeter, nextPaint } from "./frame-meter";

const container = document.getElementById("graph") as HTMLElement;
const canvas = createCanvas(container);
// The overview redraws on every viewport change in the app, so it is part of what a pan costs.
createMinimap(container.parentElement ?? document.body, canvas.cy, { getItem: () => null, setItem: () => {} });
const meter = createFrameMeter();
// The app's own layout path: the same runner the toolbar's layout menu calls.
let layout: LayoutName = "fcose";
const layouts = createLayoutRunner({
  cy: canvas.cy,
  tunedForceLayout: (request) => canvas.runLayout(request),
  fitAll: () => canvas.fitAll(),
  current: () => layout,
  choose: (name) => {
    layout = name;
  },
  tell: () => {},
});

const page: BenchPage = {
  async load(url) {
    const graph = await fetchBenchGraph(url);
    const received = performance.now();
    canvas.addGraph(graph, { kind: "preset", positions: new Map(Object.entries(graph.positions)) });
    canvas.fitAll();
    const painted = await nextPaint();
    return { firstPaintMs: painted - received, nodes: canvas.cy.nodes().length, edges: canvas.cy.edges().length };
  },
  startFrames: () => meter.start(),
  stopFrames: () => meter.stop(),
  layoutNames: () => [...LAYOUT_NAMES],
  async layout(name) {
    meter.start();
    await nextPaint();
    const started = performance.now();
    await layouts.run(name as LayoutName);
    const ms = performance.now() - started;
    await nextPaint();
    return { name, ms, longestFrameMs: meter.stop().longestFrameMs };
  },
};
window.bench = page;
document.body.dataset.benchReady = "true";
