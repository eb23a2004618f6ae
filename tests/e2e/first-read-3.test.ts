/**
 * Issue #18, items 3, 6 and 7: captions legible or not drawn at all, relationship captions giving
 * way instead of colliding, the same picture for the same URL; the top bar, legend and overview on
 * narrow windows; the workbench at 1366×768.
 */
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { elementPosition, pageProblems } from "../support/browser";

const session = useAppInBrowser();
const opened: Page[] = [];
/** The app opened in a window of this size, as an analyst opens it (laid out and fitted for that window). */
const open = async (width: number, height: number, hash = "") => {
  const page = await session.open();
  opened.push(page);
  await page.setViewportSize({ width, height });
  await page.goto(`${session.app.baseUrl}/${hash}`);
  await page.waitForFunction(() => document.body.dataset.graphState === "ready");
  await settled(page);
  return page;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

const viewportNow = (page: Page) =>
  page.evaluate(() => (window.cy.animated() ? "" : JSON.stringify([window.cy.zoom(), window.cy.pan()])));

/** Until the camera has stopped (the same viewport twice in a row, no animation). */
async function settled(page: Page): Promise<void> {
  let last = "";
  await expect
    .poll(async () => {
      const now = await viewportNow(page);
      const steady = now !== "" && now === last;
      last = now;
      return steady;
    })
    .toBe(true);
}

interface Caption {
  id: string;
  kind: "node" | "edge";
  /** On-screen font size. */
  px: number;
  drawn: boolean;
  box: { x1: number; y1: number; x2: number; y2: number };
  /** A node's name alone and its shape alone (model units); the same as box for a relationship. */
  name: { x1: number; y1: number; x2: number; y2: number };
  shape: { x1: number; y1: number; x2: number; y2: number };
}

/** Every caption as drawn now: its on-screen size, whether the renderer draws it, its box (model units). */
function captions(page: Page): Promise<Caption[]> {
  return page.evaluate(() => {
    const cy = window.cy;
    const zoom = cy.zoom();
    return cy
      .elements()
      .filter((element) => element.visible())
      .map((element) => {
        const px = Number.parseFloat(element.style("font-size")) * zoom;
        // The renderer's own rule for leaving a caption out (it rounds the zoom up to a power of two).
        const renderer = (cy as unknown as { renderer(): { eleTextBiggerThanMin(e: unknown): boolean } }).renderer();
        const drawn =
          element.style("label") !== "" &&
          Number.parseFloat(element.style("text-opacity")) > 0 &&
          renderer.eleTextBiggerThanMin(element);
        const box = element.isNode()
          ? element.boundingBox({ includeLabels: true })
          : element.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        const name = element.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        const shape = element.isNode() ? element.boundingBox({ includeLabels: false }) : name;
        const corners = (b: typeof box) => ({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
        return {
          id: element.id(),
          kind: element.isNode() ? ("node" as const) : ("edge" as const),
          px,
          drawn,
          box: corners(box),
          name: corners(name),
          shape: corners(shape),
        };
      });
  });
}

const overlap = (a: Caption["box"], b: Caption["box"]) =>
  a.x1 + 1 < b.x2 && b.x1 + 1 < a.x2 && a.y1 + 1 < b.y2 && b.y1 + 1 < a.y2;

/** Relationship captions drawn on a node (with its caption) or on another drawn relationship caption. */
function clashesOf(all: Caption[]): string[] {
  const nodes = all.filter((caption) => caption.kind === "node");
  const drawnEdges = all.filter((caption) => caption.kind === "edge" && caption.drawn);
  const clashes: string[] = [];
  drawnEdges.forEach((edge, index) => {
    for (const node of nodes) if (overlap(edge.box, node.box)) clashes.push(`${edge.id} on node ${node.id}`);
    for (const other of drawnEdges.slice(index + 1))
      if (overlap(edge.box, other.box)) clashes.push(`${edge.id} on ${other.id}`);
  });
  return clashes;
}

/** Node names drawn on another drawn name or on another node's shape. */
function nameClashesOf(all: Caption[]): string[] {
  const nodes = all.filter((caption) => caption.kind === "node");
  const drawn = nodes.filter((caption) => caption.drawn);
  const clashes: string[] = [];
  drawn.forEach((node, index) => {
    for (const other of nodes)
      if (other.id !== node.id && overlap(node.name, other.shape))
        clashes.push(`${node.id}'s name on node ${other.id}`);
    for (const other of drawn.slice(index + 1))
      if (overlap(node.name, other.name)) clashes.push(`${node.id}'s name on ${other.id}'s`);
  });
  return clashes;
}

/** Node names that gave way (not drawn although legible in size): each is drawn while the pointer is on its node. */
async function givenWayShowOnHover(page: Page, all: Caption[]): Promise<string[]> {
  const gaveWay = all.filter((caption) => caption.kind === "node" && !caption.drawn && caption.px >= 10.95);
  for (const name of gaveWay) {
    const { x, y } = await elementPosition(page, name.id);
    await page.mouse.move(x, y);
    await expect.poll(async () => (await captions(page)).find((caption) => caption.id === name.id)?.drawn).toBe(true);
    // Off every element, still on the canvas (its bottom-left corner), so the pointer leaves the node.
    const corner = await page.evaluate(() => {
      const box = (window.cy.container() as HTMLElement).getBoundingClientRect();
      return { x: box.left + 3, y: box.bottom - 3 };
    });
    await page.mouse.move(corner.x, corner.y);
    await expect.poll(async () => (await captions(page)).find((caption) => caption.id === name.id)?.drawn).toBe(false);
  }
  return gaveWay.map((caption) => caption.id);
}

/** The captions settle a moment after the view does (sizes follow the zoom, collisions are sorted out). */
async function captionsSettled(page: Page): Promise<Caption[]> {
  let last = "";
  let now: Caption[] = [];
  await expect
    .poll(
      async () => {
        now = await captions(page);
        const text = JSON.stringify(now);
        const steady = text === last;
        last = text;
        return steady;
      },
      { interval: 250 },
    ) // longer than the caption pass waits for quiet (90 ms), so it cannot fall between two reads
    .toBe(true);
  return now;
}

describe("captions an analyst can read", () => {
  for (const [width, height] of [
    [1366, 768],
    [800, 600],
  ] as const) {
    it(`draws no caption smaller than 11 px on screen at ${width}×${height}, and every node's caption at 1366`, async () => {
      const page = await open(width, height);
      const all = await captionsSettled(page);
      const tooSmall = all.filter((caption) => caption.drawn && caption.px < 10.95);
      expect(tooSmall.map((caption) => `${caption.id} ${caption.px.toFixed(1)} px`)).toEqual([]);
      if (width === 1366) {
        expect(all.filter((caption) => caption.kind === "node" && !caption.drawn).map((caption) => caption.id)).toEqual(
          [],
        );
      }
      expect(pageProblems(page)).toEqual([]);
    });
  }

  it("with a relationship open at 1366×768 (the view fits into what the panel leaves): every node named legibly, small captions left out, none on another", async () => {
    const page = await open(1366, 768);
    const opened = await page.evaluate(() => window.cy.edges('[type = "SOURCES_FROM"]').first().id());
    const { x, y } = await elementPosition(page, opened);
    await page.mouse.click(x, y);
    await page.getByTestId("evidence-fr").waitFor();
    await page.getByTestId("fit-button").click();
    await settled(page);
    const all = await captionsSettled(page);
    const tooSmall = all.filter((caption) => caption.drawn && caption.px < 10.95);
    expect(tooSmall.map((caption) => `${caption.id} ${caption.px.toFixed(1)} px`)).toEqual([]);
    // Every name is drawn legibly, on no other name and no other node, or gives way (none merely too small).
    expect(all.filter((caption) => caption.kind === "node" && !caption.drawn && caption.px < 10.95)).toEqual([]);
    expect(nameClashesOf(all)).toEqual([]);
    // The ends of the open relationship keep their names.
    const ends = await page.evaluate(
      (id) =>
        window.cy
          .getElementById(id)
          .connectedNodes()
          .map((node) => node.id()),
      opened,
    );
    expect(all.filter((caption) => ends.includes(caption.id) && !caption.drawn)).toEqual([]);
    // The open relationship's caption is drawn on top of everything, and the others give way to it.
    expect(clashesOf(all).filter((clash) => !clash.startsWith(`${opened} on `))).toEqual([]);
    const gaveWay = await givenWayShowOnHover(page, all);
    expect(gaveWay.length).toBeLessThan(all.filter((caption) => caption.kind === "node").length / 4);
  });

  it("lets relationship captions give way rather than sit on each other or on a node, and shows one on hover", async () => {
    const page = await open(1366, 768);
    const all = await captionsSettled(page);
    expect(all.filter((caption) => caption.kind === "edge" && caption.drawn).length).toBeGreaterThan(5);
    expect(clashesOf(all)).toEqual([]);
    // A caption that gave way is drawn, legibly, while the pointer is on its line.
    const hidden = all.find(
      (caption) => caption.kind === "edge" && !caption.drawn && caption.px >= 10.95 && caption.box.x2 > caption.box.x1,
    );
    if (!hidden) throw new Error("expected at least one caption to give way on the seed at 1366");
    const { x, y } = await elementPosition(page, hidden.id);
    await page.mouse.move(x, y);
    await expect
      .poll(async () => (await captions(page)).find((caption) => caption.id === hidden.id))
      .toMatchObject({ drawn: true });
    await page.mouse.move(5, 760);
    await expect
      .poll(async () => (await captions(page)).find((caption) => caption.id === hidden.id)?.drawn)
      .toBe(false);
  });

  it("gives the same picture for the same opening URL every time (seeded layout)", async () => {
    const positions = async () => {
      const page = await open(1366, 768);
      return page.evaluate(() =>
        window.cy
          .nodes()
          .map((node) => `${node.id()}@${Math.round(node.position().x)},${Math.round(node.position().y)}`)
          .sort(),
      );
    };
    const first = await positions();
    const second = await positions();
    expect(first.length).toBeGreaterThan(10);
    expect(second).toEqual(first);
  });
});

type Rect = { left: number; top: number; right: number; bottom: number };
const rectOf = (page: Page, selector: string): Promise<Rect | null> =>
  page.evaluate((wanted) => {
    const element = document.querySelector(wanted);
    if (!element || element.getClientRects().length === 0) return null;
    const { left, top, right, bottom } = element.getBoundingClientRect();
    return { left, top, right, bottom };
  }, selector);
/** No overlap beyond a shared border (a button group's buttons share one pixel). */
const apart = (a: Rect | null, b: Rect | null) =>
  !a || !b || a.right <= b.left + 1 || b.right <= a.left + 1 || a.bottom <= b.top + 1 || b.bottom <= a.top + 1;

/** Every control of the top bar that is shown, with where it is. */
function topbarControls(page: Page): Promise<Array<{ name: string } & Rect>> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("#topbar button, #topbar select, #topbar input, #topbar .counts")]
      .filter((element) => element.getClientRects().length > 0 && !element.closest("[hidden]"))
      .map((element) => {
        const { left, top, right, bottom } = element.getBoundingClientRect();
        return { name: element.dataset.testid ?? element.id ?? element.className, left, top, right, bottom };
      }),
  );
}

describe("narrow windows", () => {
  it("folds the toolbar into More at 800×600, nothing off-screen, and More works from the keyboard", async () => {
    const page = await open(800, 600);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    const offScreen = (await topbarControls(page)).filter((control) => control.right > 800 || control.left < 0);
    expect(offScreen.map((control) => control.name)).toEqual([]);
    const more = page.getByTestId("topbar-more");
    await more.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => more.getAttribute("aria-expanded")).toBe("true");
    // Focus went into the menu; Views, the theme and help are there, inside the window.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest("#topbar-overflow") !== null))
      .toBe(true);
    for (const id of ["views-button", "theme-button", "help-button"]) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box, id).not.toBeNull();
      if (box) expect(box.x + box.width, id).toBeLessThanOrEqual(800);
      if (box) expect(box.y + box.height, id).toBeLessThanOrEqual(600);
    }
    await page.keyboard.press("Escape");
    await expect.poll(() => more.getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("topbar-more");
    // And what is in the menu still does its job: the saved views open from it.
    await more.click();
    await page.getByTestId("views-button").click();
    await page.locator('[data-testid="views-panel"]:not([hidden])').waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it("keeps the whole top bar, the counter uncut, inside a 1366 px window", async () => {
    const page = await open(1366, 768);
    const controls = await topbarControls(page);
    expect(controls.filter((control) => control.right > 1366).map((control) => control.name)).toEqual([]);
    // No two controls on top of each other (a squeezed toolbar would run into the counter).
    const clashes: string[] = [];
    controls.forEach((a, index) => {
      for (const b of controls.slice(index + 1)) if (!apart(a, b)) clashes.push(`${a.name} / ${b.name}`);
    });
    expect(clashes).toEqual([]);
    const counts = await page.getByTestId("counts").evaluate((element) => ({
      cut: element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
      text: element.textContent,
    }));
    expect(counts).toMatchObject({ cut: false, text: expect.stringMatching(/nodes.*relationships/) });
  });

  it("folds the legend and the overview away at 360×740, so a tap on the graph reaches the graph", async () => {
    const page = await open(360, 740);
    await expect.poll(() => page.locator(".legend-toggle").getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => page.getByTestId("minimap-toggle").getAttribute("aria-expanded")).toBe("false");
    const legend = await rectOf(page, "#legend");
    expect(legend && legend.bottom - legend.top).toBeLessThan(60);
    // The button brings the legend back.
    await page.locator(".legend-toggle").click();
    await expect.poll(() => page.locator(".legend-toggle").getAttribute("aria-expanded")).toBe("true");
    await page.locator('[data-testid="legend"] .legend-filter').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});

describe("the workbench at 1366×768", () => {
  async function runQuery(page: Page, text: string): Promise<void> {
    await page.getByTestId("cypher-editor").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(text);
    await page.keyboard.press("Control+Enter");
  }

  it("shows several rows of a table result, scrolls sideways rather than cutting, and shows an error without scrolling", async () => {
    const page = await open(1366, 768);
    await page.getByTestId("workbench-toggle").click();
    await page.getByTestId("cypher-editor").waitFor();
    await runQuery(page, "MATCH (c:Company)-[r]->(x) RETURN c.name, type(r), x.name, labels(x), r.certainty LIMIT 30");
    await page.getByTestId("result-summary").filter({ hasText: /rows/ }).waitFor();
    const rowsInView = await page.evaluate(() => {
      const pane = document.querySelector(".result-pane")?.getBoundingClientRect();
      return [...document.querySelectorAll('[data-testid="result-table"] tbody tr')].filter((row) => {
        const box = row.getBoundingClientRect();
        return pane && box.top >= pane.top && box.bottom <= Math.min(pane.bottom, window.innerHeight);
      }).length;
    });
    expect(rowsInView).toBeGreaterThanOrEqual(4);
    // No column heading is cut: the pane scrolls sideways instead.
    const cutHeadings = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="result-table"] th')]
        .filter((th) => th.scrollWidth > th.clientWidth + 1)
        .map((th) => th.textContent),
    );
    expect(cutHeadings).toEqual([]);

    await runQuery(page, "MATCH (n RETURN n");
    const error = page.getByTestId("workbench-error");
    await error.waitFor();
    const box = await rectOf(page, '[data-testid="workbench-error"]');
    const workbench = await rectOf(page, "#workbench");
    expect(box).not.toBeNull();
    expect(box?.bottom).toBeLessThanOrEqual(768);
    expect(box?.top).toBeGreaterThanOrEqual(workbench?.top ?? 0);
    // Its code and first line at least are inside the window.
    const code = await rectOf(page, '[data-testid="error-code"]');
    expect(code?.bottom).toBeLessThanOrEqual(768);
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
  });
});

describe("panels and the legend", () => {
  it("never draws the paths panel on the legend at 1920×1080", async () => {
    const page = await open(1920, 1080);
    const { x, y } = await elementPosition(page, "doubao");
    await page.mouse.click(x, y, { button: "right" });
    await page.getByTestId("menu-find-paths").click();
    await page.getByTestId("path-panel").waitFor();
    const panel = await rectOf(page, '[data-testid="path-panel"]');
    for (const other of ["#legend", '[data-testid="minimap"]']) {
      expect(apart(panel, await rectOf(page, other)), other).toBe(true);
    }
  });
});
