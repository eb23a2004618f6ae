import "../../client/src/styles.css";
import { createCanvas } from "../../client/src/canvas/create-canvas";
import { LAYOUT_NAMES, type LayoutName } from "../../client/src/canvas/layouts/layout-catalog";
import { createLayoutRunner } from "../../client/src/canvas/layouts/layout-runner";
import { webglRendererName } from "../../client/src/canvas/renderer-choice";
import { createMinimap } from "../../client/src/chrome/minimap";
import { type BenchPage, fetchBenchGraph, watchInputDelay, watchLongTasks } from "./bench-data";
import { createFrameMeter, nextPaint } from "./frame-meter";

const container = document.getElementById("graph") as HTMLElement;
// ?gpu=<renderer string> stands in for the browser's own (checks the switch to WebGL on a machine without a GPU).
const gpuOverride = new URLSearchParams(window.location.search).get("gpu");
const canvas = createCanvas(container, undefined, gpuOverride === null ? {} : { gpu: () => gpuOverride });
// As in the app (main.ts): browser specs read the drawing through it.
window.cy = canvas.cy;
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
  async load(url, untilFirstPaint = false) {
    const graph = await fetchBenchGraph(url);
    const received = performance.now();
    const tasks = watchLongTasks();
    const input = watchInputDelay();
    canvas.addGraph(graph, { kind: "preset", positions: new Map(Object.entries(graph.positions)) });
    canvas.fitAll();
    const painted = await nextPaint();
    // A big graph's relationships are drawn over the frames after the first (add-elements.ts).
    if (!untilFirstPaint) await canvas.drawn();
    const complete = untilFirstPaint ? Number.NaN : performance.now();
    const waited = input.stop();
    return {
      firstPaintMs: painted - received,
      completeMs: complete - received,
      longestTaskMs: tasks.stop(),
      inputDelayMs: waited.longestMs,
      inputEvents: waited.events,
      renderer: canvas.renderer(),
      gpu: webglRendererName() ?? "no WebGL",
      nodes: canvas.cy.nodes().length,
      edges: canvas.cy.edges().length,
    };
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
    const { longestFrameMs, frames, longFrames, slowestFramesMs } = meter.stop();
    return { name, ms, longestFrameMs, frames, longFrames, slowestFramesMs };
  },
};
window.bench = page;
document.body.dataset.benchReady = "true";
