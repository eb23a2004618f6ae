/**
 * Whatever the analyst has open, no panel covers another: every combination of the Sources sheet,
 * the details panel, a left-hand panel (paths, or what changed with its timeline strip), the
 * timeline strip alone and the Cypher workbench, at 1366×768 and 1920×1080. With each combination
 * open, the laid-out boxes of every visible panel (those, plus the time bar, the legend, the
 * overview map and the status line) are taken from the browser: no two may overlap, and each lies
 * inside the window. The panels are opened and closed with the mouse, as an analyst would. The
 * busiest combination at 1366×768 passes axe-core's WCAG 2.2 AA rules in both themes.
 * PANEL_SHOTS=dir keeps a screenshot of each combination.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { axeViolations } from "../support/axe";
import { elementPosition, pageProblems, useTopbarTool } from "../support/browser";

const SHOTS = process.env.PANEL_SHOTS;
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

type Left = "none" | "paths" | "changes";
interface Combination {
  sources: boolean;
  details: boolean;
  workbench: boolean;
  /** The timeline strip under the canvas (what changed brings it). */
  strip: boolean;
  left: Left;
}

/** Every combination: what changed comes with its strip; paths and what changed are one at a time. */
function combinations(details: boolean): Combination[] {
  const found: Combination[] = [];
  for (const sources of [false, true])
    for (const workbench of [false, true])
      for (const [strip, left] of [
        [false, "none"],
        [true, "none"],
        [false, "paths"],
        [true, "paths"],
        [true, "changes"],
      ] as const)
        found.push({ sources, details, workbench, strip, left });
  return found;
}

const name = (shown: Combination) =>
  [
    shown.sources && "sources",
    shown.details && "details",
    shown.left !== "none" && shown.left,
    shown.strip && "strip",
    shown.workbench && "workbench",
  ]
    .filter(Boolean)
    .join("+") || "canvas";

const session = useAppInBrowser();
const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const PANELS = {
  sources: '[data-testid="sources-view"]',
  details: '[data-testid="details-panel"]',
  paths: '[data-testid="path-panel"]',
  changes: '[data-testid="changes-panel"]',
  strip: '[data-testid="timeline-strip"]',
  timeBar: '[data-testid="time-bar"]',
  legend: '[data-testid="legend"]',
  minimap: ".minimap",
  status: '[data-testid="status"]',
  workbench: '[data-testid="workbench"]',
} as const;
type Panel = keyof typeof PANELS;

/** The boxes of the panels shown (neither hidden nor empty), in page pixels. */
function shownBoxes(page: Page): Promise<Partial<Record<Panel, Box>>> {
  return page.evaluate((selectors) => {
    const found: Record<string, Box> = {};
    for (const [key, selector] of Object.entries(selectors)) {
      const element = document.querySelector<HTMLElement>(selector);
      if (!element || element.hidden || !element.checkVisibility()) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) continue;
      found[key] = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    }
    return found;
  }, PANELS);
}

/** Pairs of panels that overlap by more than a pixel, and panels that reach out of the window. */
function problems(shown: Partial<Record<Panel, Box>>, size: { width: number; height: number }): string[] {
  const found: string[] = [];
  const entries = Object.entries(shown) as Array<[Panel, Box]>;
  const round = (box: Box) => [box.left, box.top, box.right, box.bottom].map(Math.round).join(",");
  for (const [index, [a, boxA]] of entries.entries()) {
    for (const [b, boxB] of entries.slice(index + 1)) {
      const overlapX = Math.min(boxA.right, boxB.right) - Math.max(boxA.left, boxB.left);
      const overlapY = Math.min(boxA.bottom, boxB.bottom) - Math.max(boxA.top, boxB.top);
      if (overlapX > 1 && overlapY > 1) found.push(`${a} [${round(boxA)}] × ${b} [${round(boxB)}]`);
    }
    if (boxA.left < -1 || boxA.top < -1 || boxA.right > size.width + 1 || boxA.bottom > size.height + 1)
      found.push(`${a} [${round(boxA)}] outside the window`);
  }
  return found;
}

const visible = (page: Page, testId: string) => page.getByTestId(testId).isVisible();
/** Open, though perhaps stepped aside (the details panel under the rooms rule). */
const detailsOpen = (page: Page) =>
  page.getByTestId("details-panel").evaluate((element) => !(element as HTMLElement).hidden);

/**
 * Below this width, the Sources sheet, a left-hand panel, the details panel and the canvas do not
 * fit side by side: the details panel steps aside while the left-hand panel is open.
 */
const ALL_THREE_FIT_PX = 1716;
const detailsShown = (combination: Combination, width: number) =>
  combination.details && !(combination.sources && combination.left !== "none" && width < ALL_THREE_FIT_PX);

/** A node the mouse can reach (no panel over it), after Fit if none is. */
async function reachableNode(page: Page): Promise<{ x: number; y: number }> {
  const ids = await page.evaluate(() =>
    window.cy
      .nodes(":visible")
      .sort((a, b) => b.degree(false) - a.degree(false))
      .map((node) => node.id()),
  );
  for (const attempt of [0, 1]) {
    if (attempt === 1) {
      await useTopbarTool(page, "fit-button");
      await page.waitForFunction(() => !window.cy.animated());
    }
    for (const id of ids) {
      const point = await elementPosition(page, id).catch(() => null);
      if (point) return point;
    }
  }
  throw new Error("no node is free to click");
}

/** Opens and closes panels, as an analyst does, until exactly `target` is shown. */
async function reach(page: Page, target: Combination): Promise<void> {
  // Close first what must go: fewer panels leave more canvas to click on.
  if (target.left !== "paths" && (await visible(page, "path-panel"))) {
    await page.getByTestId("path-panel").locator(".panel-close").click();
    await poll(() => visible(page, "path-panel")).toBe(false);
  }
  if (target.left !== "changes" && (await visible(page, "changes-panel"))) {
    await page.getByTestId("changes-close").click();
    await poll(() => visible(page, "changes-panel")).toBe(false);
  }
  if (!target.strip && (await visible(page, "timeline-strip"))) {
    await page.getByTestId("timeline-toggle").click();
    await poll(() => visible(page, "timeline-strip")).toBe(false);
  }
  if (!target.details && (await detailsOpen(page))) {
    await page.getByTestId("details-panel").locator(".panel-close").first().click();
    await poll(() => visible(page, "details-panel")).toBe(false);
  }
  if (!target.sources && (await visible(page, "sources-view"))) {
    await page.getByTestId("sources-close").click();
    await poll(() => visible(page, "sources-view")).toBe(false);
  }
  if (!target.workbench && (await visible(page, "workbench"))) {
    await page.getByTestId("workbench-close").click();
    await poll(() => visible(page, "workbench")).toBe(false);
  }
  if (target.details && !(await detailsOpen(page))) {
    const { x, y } = await reachableNode(page);
    await page.mouse.click(x, y);
    await poll(() => visible(page, "details-panel")).toBe(true);
  }
  if (target.workbench && !(await visible(page, "workbench"))) {
    await useTopbarTool(page, "workbench-toggle");
    await page.getByTestId("cypher-editor").waitFor();
  }
  if (target.sources && !(await visible(page, "sources-view"))) {
    await useTopbarTool(page, "sources-button");
    await poll(() => visible(page, "sources-view")).toBe(true);
  }
  if (target.strip && !(await visible(page, "timeline-strip"))) {
    await page.getByTestId("timeline-toggle").click();
    await poll(() => visible(page, "timeline-strip")).toBe(true);
  }
  if (target.left === "changes" && !(await visible(page, "changes-panel"))) {
    await page.getByTestId("timeline-compare").click();
    await poll(() => visible(page, "changes-panel")).toBe(true);
  }
  if (target.left === "paths" && !(await visible(page, "path-panel"))) {
    const { x, y } = await reachableNode(page);
    await page.mouse.click(x, y, { button: "right" });
    await page.getByTestId("menu-find-paths").click();
    await poll(() => visible(page, "path-panel")).toBe(true);
  }
  // What the canvas does after a panel moves (a fit, the status line's message) has settled.
  await page.waitForFunction(() => !window.cy.animated());
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

describe("panels never cover each other", () => {
  it("the busiest combination at 1366×768 (Sources, what changed, the details stepped aside, the workbench) passes axe in both themes", async () => {
    const page = await session.open();
    opened.push(page);
    await page.setViewportSize(SIZES[0]);
    await page.evaluate(() => window.cy.resize());
    await reach(page, { sources: true, details: true, workbench: true, strip: true, left: "changes" });
    expect(await detailsOpen(page)).toBe(true);
    expect(await visible(page, "details-panel")).toBe(false);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForFunction((theme) => document.documentElement.dataset.theme === theme, scheme);
      expect(await axeViolations(page, "body"), `${scheme} theme`).toEqual([]);
    }
    // The details come back as they were when what changed closes.
    await page.getByTestId("changes-close").click();
    await poll(() => visible(page, "details-panel")).toBe(true);
    expect(pageProblems(page)).toEqual([]);
  }, 120_000);

  for (const size of SIZES) {
    for (const details of [false, true]) {
      it(`at ${size.width}×${size.height}, every combination ${details ? "with" : "without"} the details panel`, async () => {
        const page = await session.open();
        opened.push(page);
        await page.setViewportSize(size);
        await page.evaluate(() => window.cy.resize());
        // A control another panel covers fails in seconds, and is reported with the rest.
        page.setDefaultTimeout(8_000);
        if (SHOTS) mkdirSync(SHOTS, { recursive: true });
        const found: Record<string, string[]> = {};
        for (const combination of combinations(details)) {
          const blocked = await reach(page, combination).then(
            () => null,
            (error: Error) => error.message.split("\n").slice(0, 8).join(" "),
          );
          if (blocked) {
            found[name(combination)] = [`could not open or close a panel: ${blocked}`];
            continue;
          }
          // What reach() opened is what is shown, nothing more.
          const shown = await shownBoxes(page);
          expect(
            {
              sources: "sources" in shown,
              details: "details" in shown,
              workbench: "workbench" in shown,
              strip: "strip" in shown,
              paths: "paths" in shown,
              changes: "changes" in shown,
            },
            name(combination),
          ).toEqual({
            sources: combination.sources,
            details: detailsShown(combination, size.width),
            workbench: combination.workbench,
            strip: combination.strip,
            paths: combination.left === "paths",
            changes: combination.left === "changes",
          });
          const wrong = problems(shown, size);
          if (wrong.length > 0) found[name(combination)] = wrong;
          if (SHOTS)
            await page.screenshot({ path: join(SHOTS, `${name(combination)}-${size.width}x${size.height}.png`) });
        }
        expect(found).toEqual({});
        expect(pageProblems(page)).toEqual([]);
      }, 400_000);
    }
  }
});
