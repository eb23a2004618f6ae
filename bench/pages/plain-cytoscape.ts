import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import { webglRendererName } from "../../client/src/canvas/renderer-choice";
import { type BenchPage, fetchBenchGraph, watchInputDelay, watchLongTasks } from "./bench-data";
import { createFrameMeter, nextPaint } from "./frame-meter";

cytoscape.use(fcose);

// The anchor: Cytoscape.js with its default options; the one style rule prints names as labels.
const cy = cytoscape({
  container: document.getElementById("graph"),
  style: [{ selector: "node", style: { label: "data(name)" } }],
});
const meter = createFrameMeter();

const page: BenchPage = {
  async load(url) {
    const graph = await fetchBenchGraph(url);
    const received = performance.now();
    const tasks = watchLongTasks();
    const input = watchInputDelay();
    cy.add([
      ...graph.nodes.map((node) => ({
        group: "nodes" as const,
        data: { id: node.data.id, name: node.data.caption },
        position: graph.positions[node.data.id] ?? { x: 0, y: 0 },
      })),
      ...graph.edges.map((edge) => ({
        group: "edges" as const,
        data: { id: edge.data.id, source: edge.data.source, target: edge.data.target },
      })),
    ]);
    cy.fit();
    const painted = await nextPaint();
    const waited = input.stop();
    return {
      firstPaintMs: painted - received,
      // Everything is drawn in the first frame.
      completeMs: painted - received,
      longestTaskMs: tasks.stop(),
      inputDelayMs: waited.longestMs,
      inputEvents: waited.events,
      renderer: "canvas",
      gpu: webglRendererName() ?? "no WebGL",
      nodes: cy.nodes().length,
      edges: cy.edges().length,
    };
  },
  startFrames: () => meter.start(),
  stopFrames: () => meter.stop(),
  layoutNames: () => ["fcose"],
  async layout(name) {
    meter.start();
    await nextPaint();
    const started = performance.now();
    const run = cy.layout({ name } as cytoscape.LayoutOptions);
    const done = run.promiseOn("layoutstop");
    run.run();
    await done;
    const ms = performance.now() - started;
    await nextPaint();
    const { longestFrameMs, frames, longFrames, slowestFramesMs } = meter.stop();
    return { name, ms, longestFrameMs, frames, longFrames, slowestFramesMs };
  },
};
window.bench = page;
document.body.dataset.benchReady = "true";
