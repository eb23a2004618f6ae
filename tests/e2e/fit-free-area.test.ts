/**
 * "Fit" shows the whole graph in the part of the canvas the page leaves free: with the Cypher
 * workbench's drawer open (a canvas about 370 px tall at 1366×768), the graph lands centred below
 * the time bar and fills that space, not small in a corner beside the status line's passing message;
 * no node or caption lies under the legend, the overview map or the time bar. Zoomed out too far for
 * every name, the most connected nodes keep theirs, legible and on nothing else. Checked on the boxes
 * the browser lays out, after opening the drawer and after pressing Fit, at 1366×768 and 1920×1080.
 * FIT_SHOTS=dir keeps screenshots.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { pageProblems, useTopbarTool } from "../support/browser";

const SHOTS = process.env.FIT_SHOTS ?? join(tmpdir(), "fit-free-area-shots");
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
/** How far the graph's centre may lie from the free area's, as a share of the area's width or height. */
const CENTRE_SHARE = 0.06;
/** How much of the free area's height (or width) the fitted graph takes at least. */
const FILL_SHARE = 0.75;

const session = useAppInBrowser();
const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What is laid out once the camera rests, in page pixels. */
async function measure(page: Page) {
  await page.waitForFunction(() => !window.cy.animated());
  return page.evaluate(() => {
    const box = (selector: string): Box | null => {
      const element = document.querySelector<HTMLElement>(selector);
      if (!element || element.hidden) return null;
      const rect = element.getBoundingClientRect();
      return rect.width === 0 ? null : { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    };
    const canvas = box('[data-testid="canvas"]') as Box;
    const shift = (rendered: { x1: number; y1: number; x2: number; y2: number }): Box => ({
      left: canvas.left + rendered.x1,
      top: canvas.top + rendered.y1,
      right: canvas.left + rendered.x2,
      bottom: canvas.top + rendered.y2,
    });
    return {
      canvas,
      timeBar: box(".time-bar"),
      legend: box('[data-testid="legend"]'),
      minimap: box(".minimap"),
      graph: shift(window.cy.elements().renderedBoundingBox({})),
      nodes: window.cy.nodes().map((node) => ({
        name: String(node.data("caption") ?? node.id()),
        box: shift(node.renderedBoundingBox({ includeLabels: true })),
      })),
    };
  });
}

const overlap = (a: Box, b: Box | null): boolean =>
  b !== null && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Where the fitted graph is against the free area: the canvas below the time bar. */
function judge(shown: Awaited<ReturnType<typeof measure>>) {
  const { canvas, timeBar, graph } = shown;
  const free = { ...canvas, top: Math.max(canvas.top, timeBar?.bottom ?? canvas.top) };
  const width = free.right - free.left;
  const height = free.bottom - free.top;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    offCentreX: round(Math.abs((graph.left + graph.right) / 2 - (free.left + free.right) / 2) / width),
    offCentreY: round(Math.abs((graph.top + graph.bottom) / 2 - (free.top + free.bottom) / 2) / height),
    fill: round(Math.max((graph.bottom - graph.top) / height, (graph.right - graph.left) / width)),
    covered: shown.nodes
      .filter(({ box }) => overlap(box, shown.legend) || overlap(box, shown.minimap) || overlap(box, timeBar))
      .map(({ name }) => name),
  };
}

const expected = {
  offCentreX: expect.toSatisfy((share: number) => share <= CENTRE_SHARE),
  offCentreY: expect.toSatisfy((share: number) => share <= CENTRE_SHARE * 2),
  fill: expect.toSatisfy((share: number) => share >= FILL_SHARE),
  covered: [],
};

/**
 * The node names the renderer draws now (its own rule for leaving a caption out, and not faded out),
 * with their on-screen size and boxes in page pixels; and each node's shape box.
 */
function drawnNames(page: Page) {
  return page.evaluate(() => {
    const cy = window.cy;
    const zoom = cy.zoom();
    const renderer = (cy as unknown as { renderer(): { eleTextBiggerThanMin(e: unknown): boolean } }).renderer();
    const canvas = (cy.container() as HTMLElement).getBoundingClientRect();
    const onPage = (box: { x1: number; y1: number; x2: number; y2: number }) => ({
      left: canvas.left + box.x1 * zoom + cy.pan().x,
      top: canvas.top + box.y1 * zoom + cy.pan().y,
      right: canvas.left + box.x2 * zoom + cy.pan().x,
      bottom: canvas.top + box.y2 * zoom + cy.pan().y,
    });
    const nodes = cy.nodes(":visible");
    const hub = nodes.max((node) => node.degree(false)).ele.id();
    return {
      hub,
      shapes: nodes.map((node) => ({ id: node.id(), box: onPage(node.boundingBox({ includeLabels: false })) })),
      names: nodes
        .filter(
          (node) =>
            node.style("label") !== "" &&
            Number.parseFloat(node.style("text-opacity")) > 0 &&
            renderer.eleTextBiggerThanMin(node),
        )
        .map((node) => ({
          id: node.id(),
          px: Number.parseFloat(node.style("font-size")) * zoom,
          box: onPage(node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true })),
        })),
    };
  });
}

describe("fitting the graph into what the workbench drawer leaves", () => {
  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}: centred below the time bar and filling the free canvas, after opening the drawer and after Fit`, async () => {
      const page = await session.open();
      opened.push(page);
      await page.setViewportSize(size);
      await page.evaluate(() => window.cy.resize());
      await page.getByTestId("workbench-toggle").click();
      await page.getByTestId("cypher-editor").waitFor();
      // The canvas shrank to what the drawer leaves, and Cytoscape knows it.
      await expect
        .poll(() => page.evaluate(() => window.cy.height() === document.getElementById("graph")?.clientHeight))
        .toBe(true);
      await expect.poll(() => page.getByTestId("status").isVisible()).toBe(true);

      const afterOpening = await measure(page);
      if (size.width === 1366) expect(afterOpening.canvas.bottom - afterOpening.canvas.top).toBeLessThan(420);
      expect(judge(afterOpening)).toEqual(expected);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `drawer-open-${size.width}x${size.height}.png`) });

      // Too far out for every name (the 11 px rule), the most connected nodes keep theirs: legible,
      // on no other name or node, under no panel. Before, not one name was drawn at 1366×768.
      await expect
        .poll(async () => {
          const { hub, names } = await drawnNames(page);
          return { hub: names.some((name) => name.id === hub), many: names.length >= 5 };
        })
        .toEqual({ hub: true, many: true });
      const { names, shapes } = await drawnNames(page);
      // By more than the pixel the names' pass allows.
      const touches = (a: Box, b: Box | null) =>
        b !== null && a.left + 1 < b.right && b.left + 1 < a.right && a.top + 1 < b.bottom && b.top + 1 < a.bottom;
      const clashes: string[] = [];
      for (const [index, name] of names.entries()) {
        if (name.px < 10.95) clashes.push(`${name.id} drawn at ${name.px.toFixed(1)} px`);
        for (const other of names.slice(index + 1))
          if (touches(name.box, other.box)) clashes.push(`${name.id}'s name on ${other.id}'s`);
        for (const shape of shapes)
          if (shape.id !== name.id && touches(name.box, shape.box)) clashes.push(`${name.id}'s name on ${shape.id}`);
        for (const panel of [afterOpening.legend, afterOpening.minimap, afterOpening.timeBar])
          if (touches(name.box, panel)) clashes.push(`${name.id}'s name under a panel`);
      }
      expect(clashes).toEqual([]);

      // A step elsewhere first, so that Fit has something to do.
      await page.evaluate(() => window.cy.zoom({ level: window.cy.zoom() * 1.6, position: { x: 0, y: 0 } }));
      await useTopbarTool(page, "fit-button");
      await expect.poll(async () => judge(await measure(page))).toEqual(expected);
      expect(pageProblems(page)).toEqual([]);
    });
  }
});
