import cytoscape, { type Core, type EdgeSingular } from "cytoscape";
import { afterEach, describe, expect, it, vi } from "vitest";
import { graphStylesheet } from "../../client/src/canvas/graph-stylesheet";
import { computeLayoutOffThread } from "../../client/src/canvas/layouts/layout-off-thread";
import type { LayoutJob, LayoutReply } from "../../client/src/canvas/layouts/layout-worker";
import { applyPositions } from "../../client/src/canvas/layouts/run-layout";
import { dashScale, keepDashesScreenSized } from "../../client/src/canvas/screen-dashes";
import { DRAW_LATER_CLASS } from "../../client/src/look/canvas-classes";

/** A fictional ring of `count` nodes, each linked to the next three: 3 × count relationships, every third one reported, every third speculative. */
function ring(count: number, style = false): Core {
  const certainties = ["confirmed", "reported", "speculative"] as const;
  let zoom = 1;
  const cy: Core = cytoscape({
    headless: true,
    styleEnabled: true,
    ...(style ? { style: graphStylesheet(undefined, undefined, undefined, () => zoom) } : {}),
    elements: [
      ...Array.from({ length: count }, (_, i) => ({
        group: "nodes" as const,
        data: { id: `n${i}`, label: "Person", display: `Person ${i}` },
        position: { x: i, y: 0 },
      })),
      ...Array.from({ length: count * 3 }, (_, i) => ({
        group: "edges" as const,
        data: { id: `e${i}`, source: `n${i % count}`, target: `n${(i + 1 + (i % 3)) % count}` },
        classes: [`certainty-${certainties[i % 3]}`],
      })),
    ],
  });
  cy.on("zoom", () => {
    zoom = cy.zoom();
  });
  return cy;
}

/** The dash pattern Cytoscape.js computed, in model pixels. */
function pattern(edge: EdgeSingular): number[] {
  return String(edge.style("line-dash-pattern"))
    .split(/[\s,]+/)
    .map(Number);
}

describe("dashes keep their length on screen", () => {
  it("grow by the power of two at least 1/zoom, and not from 100 % up", () => {
    expect(dashScale(1)).toBe(1);
    expect(dashScale(2.5)).toBe(1);
    expect(dashScale(0.5)).toBe(2);
    expect(dashScale(0.4)).toBe(4);
    expect(dashScale(0.1)).toBe(16);
  });

  it("restyles dashed and dotted relationships when the zoom crosses a power of two", () => {
    const cy = ring(12, true);
    keepDashesScreenSized(cy);
    const reported = cy.getElementById("e1");
    const speculative = cy.getElementById("e2");
    expect(pattern(reported)).toEqual([6, 4]);
    expect(speculative.style("line-style")).toBe("dotted");
    cy.zoom(0.1);
    // 6 model pixels at 10 % would be 0.6 px on screen (the rasteriser drew millions of them): now 9.6 px.
    expect(pattern(reported)).toEqual([96, 64]);
    expect(reported.style("line-style")).toBe("dashed");
    expect(speculative.style("line-style")).toBe("dashed");
    expect(pattern(speculative)).toEqual([24, 56]);
    cy.zoom(1);
    expect(speculative.style("line-style")).toBe("dotted");
    cy.destroy();
  });

  it("waits for the end of a wheel zoom that shows a large graph as a bitmap, then restyles before its last redraw", () => {
    vi.useFakeTimers();
    const cy = ring(12, true);
    try {
      // What Cytoscape.js' renderer says during a wheel zoom of a large graph (performance-options.ts).
      const renderer = (cy as unknown as { renderer(): Record<string, unknown> }).renderer();
      const wheel = { wheelZooming: true };
      Object.assign(renderer, { textureOnViewport: true, data: wheel });
      keepDashesScreenSized(cy);
      const reported = cy.getElementById("e1");
      // Styled once before the gesture, as the first frame does (Cytoscape.js styles on first use).
      expect(pattern(reported)).toEqual([6, 4]);
      cy.zoom(0.1);
      cy.zoom(0.09);
      expect(pattern(reported)).toEqual([6, 4]);
      vi.advanceTimersByTime(1_000);
      expect(pattern(reported)).toEqual([6, 4]);
      wheel.wheelZooming = false;
      vi.advanceTimersByTime(150);
      expect(pattern(reported)).toEqual([96, 64]);
      // A zoom that is not a gesture (a fit, a layout landing) restyles at once, as before.
      cy.zoom(1);
      expect(pattern(reported)).toEqual([6, 4]);
    } finally {
      cy.destroy();
      vi.useRealTimers();
    }
  });
});

describe("a layout landing on a large graph", () => {
  it("moves every node, then fits, without animating (headless: no picture to hold)", async () => {
    const cy = ring(400);
    const positions = new Map(
      cy.nodes().map((node, i) => [node.id(), { x: (i % 20) * 50, y: Math.floor(i / 20) * 50 }]),
    );
    let fitted = 0;
    await applyPositions(cy, positions, () => {
      fitted += 1;
      // At the fit every node is in place; nothing is hidden for later.
      expect(cy.getElementById("n21").position()).toEqual({ x: 50, y: 50 });
      expect(cy.edges(`.${DRAW_LATER_CLASS}`).length).toBe(0);
    });
    expect(fitted).toBe(1);
    expect(cy.nodes().filter((node, i) => node.position("x") !== (i % 20) * 50)).toHaveLength(0);
    cy.destroy();
  });
});

describe("layouts of large graphs run off the page's thread", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("hands the nodes to a Web Worker and uses its positions", async () => {
    const jobs: LayoutJob[] = [];
    class RecordingWorker {
      onmessage: ((event: MessageEvent<LayoutReply>) => void) | null = null;
      onerror: ((event: ErrorEvent) => void) | null = null;
      postMessage(job: LayoutJob) {
        jobs.push(job);
        const positions = job.snapshot.nodes.map((node, i): [string, { x: number; y: number }] => [
          node.id,
          { x: i * 10, y: -i },
        ]);
        setTimeout(() => this.onmessage?.({ data: { ok: true, positions, stoppedEarly: false } } as MessageEvent));
      }
      terminate() {}
    }
    vi.stubGlobal("Worker", RecordingWorker);
    const cy = ring(1000);
    const before = cy.getElementById("n7").position();
    const computed = await computeLayoutOffThread(cy, "fcose", new Map());
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.snapshot.nodes).toHaveLength(1000);
    expect(jobs[0]?.snapshot.edges).toHaveLength(3000);
    // The worker's answer, not a layout computed here; the page's nodes have not moved yet.
    expect(computed.positions.get("n7")).toEqual({ x: 70, y: -7 });
    expect(cy.getElementById("n7").position()).toEqual(before);
    cy.destroy();
  });
});
