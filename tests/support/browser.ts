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
  // "error" is final too: fail at once, saying what the page says, rather than after the timeout.
  const state = await page
    .waitForFunction(() => ["ready", "error"].includes(document.body.dataset.graphState ?? ""), undefined, {
      timeout: 30_000,
    })
    .then(() => page.evaluate(() => document.body.dataset.graphState))
    .catch(() => "still loading after 30 s");
  if (state !== "ready") {
    const status = await page.evaluate(() => document.getElementById("status")?.textContent ?? "").catch(() => "");
    throw new Error(
      `the app did not draw its first graph (${state}): "${status}"; page problems: ${problems.join(" | ")}`,
    );
  }
  return page;
}

export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/**
 * Where to put the mouse on an element, in page coordinates (Cytoscape draws on a canvas: no DOM node to
 * click). Not merely its centre: a point where the element is what a click there reaches, as
 * Cytoscape's own hit test says (no other node or relationship on top) and no panel, legend or map
 * floats over the canvas. Where elements end up depends on the layout and on how wide the fonts
 * make the captions, so the centre alone is layout luck.
 */
export async function elementPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((elementId) => {
    const cy = window.cy;
    const element = cy.getElementById(elementId);
    if (element.empty()) throw new Error(`no element ${elementId} on the canvas`);
    const container = cy.container() as HTMLElement;
    const box = container.getBoundingClientRect();
    const candidates: Array<{ x: number; y: number }> = [];
    if (element.isEdge()) {
      // Along the drawn line: source end → midpoint → target end (the midpoint is on curves too).
      const edge = element as EdgeSingular;
      const [from, middle, to] = [
        edge.renderedSourceEndpoint(),
        edge.renderedMidpoint(),
        edge.renderedTargetEndpoint(),
      ];
      for (const t of [0, 0.15, 0.3, 0.45, 0.6, 0.75]) {
        for (const end of [from, to])
          candidates.push({ x: middle.x + (end.x - middle.x) * t, y: middle.y + (end.y - middle.y) * t });
      }
    } else {
      const node = element as NodeSingular;
      const centre = node.renderedPosition();
      const [w, h] = [node.renderedWidth() / 2, node.renderedHeight() / 2];
      for (const [dx, dy] of [
        [0, 0],
        [-0.4, 0],
        [0.4, 0],
        [0, -0.4],
        [0, 0.4],
        [-0.3, -0.3],
        [0.3, 0.3],
        [-0.3, 0.3],
        [0.3, -0.3],
      ] as const) {
        candidates.push({ x: centre.x + dx * w, y: centre.y + dy * h });
      }
    }
    // Cytoscape's renderer hit test (the one its own tap handling uses), in model coordinates.
    const renderer = (
      cy as unknown as {
        renderer(): {
          findNearestElement(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): { id(): string } | null;
        };
      }
    ).renderer();
    const pan = cy.pan();
    const zoom = cy.zoom();
    for (const point of candidates) {
      const page = { x: box.left + point.x, y: box.top + point.y };
      const onTop = document.elementFromPoint(page.x, page.y);
      if (!onTop || !container.contains(onTop)) continue;
      const hit = renderer.findNearestElement((point.x - pan.x) / zoom, (point.y - pan.y) / zoom, true, false);
      if (hit?.id() === elementId) return page;
    }
    throw new Error(`no point of ${elementId} is free to click: other elements or the page's panels cover it`);
  }, id);
}

export async function clickElement(page: Page, id: string, clickCount = 1): Promise<void> {
  // A camera still moving (a fit after an addition) would carry the element away from the point measured.
  await page.waitForFunction(() => !window.cy.animated());
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

/** Clicks a top-bar control, through "More" when the window is too narrow for the whole bar. */
export async function useTopbarTool(page: Page, testId: string): Promise<void> {
  const control = page.getByTestId(testId);
  if (!(await control.isVisible())) await page.getByTestId("topbar-more").click();
  await control.click();
}
