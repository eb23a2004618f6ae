/** Debian's Chromium driven by playwright-core, with the real app behind it. */
import type { EdgeSingular, NodeSingular } from "cytoscape";
import type { Browser, Page } from "playwright-core";

export { launchChromium as launchBrowser } from "../../scripts/browser/launch-chromium";

/** Opens the app and waits until the first graph is drawn and laid out. */
export async function openApp(browser: Browser, baseUrl: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  (page as Page & { problems: string[] }).problems = problems;
  await page.goto(baseUrl);
  await page.waitForFunction(() => document.body.dataset.graphState === "ready", undefined, { timeout: 30_000 });
  return page;
}

export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/** Where an element is drawn, in page coordinates (Cytoscape draws on a canvas: no DOM node to click). */
export async function elementPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((elementId) => {
    const cy = window.cy;
    const element = cy.getElementById(elementId);
    if (element.empty()) throw new Error(`no element ${elementId} on the canvas`);
    const box = cy.container()?.getBoundingClientRect();
    const point = element.isEdge()
      ? (element as EdgeSingular).renderedMidpoint()
      : (element as NodeSingular).renderedPosition();
    return { x: (box?.left ?? 0) + point.x, y: (box?.top ?? 0) + point.y };
  }, id);
}

export async function clickElement(page: Page, id: string, clickCount = 1): Promise<void> {
  const { x, y } = await elementPosition(page, id);
  await page.mouse.click(x, y, { clickCount });
}

/** The data id of the edge of a given type between two nodes. */
export async function edgeId(page: Page, source: string, type: string, target: string): Promise<string> {
  return page.evaluate(
    ([from, relationship, to]) => {
      const edge = window.cy
        .edges()
        .filter(
          (candidate) =>
            candidate.data("source") === from &&
            candidate.data("target") === to &&
            candidate.data("type") === relationship,
        );
      if (edge.empty()) throw new Error(`no ${relationship} edge from ${from} to ${to}`);
      return edge.id();
    },
    [source, type, target] as const,
  );
}

/** Leaves only these nodes (and the relationships among them) on the canvas, side by side at the centre, clear of the details panel. */
export async function startFrom(page: Page, ids: string[]): Promise<void> {
  await page.evaluate((keep) => {
    const cy = window.cy;
    cy.elements(":selected").unselect();
    cy.nodes()
      .filter((node) => !keep.includes(node.id()))
      .remove();
    keep.forEach((id, index) => {
      cy.getElementById(id).position({ x: index * 300, y: 0 });
    });
    cy.zoom(1);
    cy.center();
  }, ids);
}
