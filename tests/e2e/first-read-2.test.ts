/**
 * Issue #18, part 2: paths fitted into the part of the canvas the panels leave visible, either way or
 * along the arrows, ranked by their weakest hop, paged, and only the chosen one highlighted; the
 * status line forgets the paths once their panel closes.
 */
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { clickElement, edgeId, elementPosition, pageProblems } from "../support/browser";

const session = useAppInBrowser();
const opened: Page[] = [];
const open = async (width = 1440, height = 900) => {
  const page = await session.open();
  opened.push(page);
  if (width !== 1440 || height !== 900) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.cy.resize());
  }
  return page;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

async function rightClick(page: Page, id: string): Promise<void> {
  const { x, y } = await elementPosition(page, id);
  await page.mouse.click(x, y, { button: "right" });
}

/** Paths from one node to another as an analyst asks: the node menu, then a click on the other end. */
async function askPaths(
  page: Page,
  from: string,
  to: string,
  choices: { mode?: string; direction?: string; hops?: string },
) {
  await rightClick(page, from);
  await page.getByTestId("menu-find-paths").click();
  await clickElement(page, to);
  if (choices.mode) await page.getByTestId("path-mode").selectOption(choices.mode);
  if (choices.direction) await page.getByTestId("path-direction").selectOption(choices.direction);
  if (choices.hops) await page.getByTestId("path-max-hops").selectOption(choices.hops);
  await page.getByTestId("path-find").click();
  await page.getByTestId("path-item").first().waitFor();
}

/** How much of the highlighted path's nodes (boxes with captions) lies outside the part of the canvas nothing covers. */
function hiddenPathNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = window.cy;
    const canvas = (cy.container() as HTMLElement).getBoundingClientRect();
    const panel = document.querySelector('[data-testid="path-panel"]')?.getBoundingClientRect();
    const sheet = document.getElementById("details-panel");
    const sheetLeft = sheet && !sheet.hidden ? sheet.getBoundingClientRect().left : canvas.right;
    const left = (panel?.right ?? canvas.left) - canvas.left;
    const right = Math.min(canvas.right, sheetLeft) - canvas.left;
    return cy
      .nodes(".path-node")
      .filter((node) => {
        const box = node.renderedBoundingBox({ includeLabels: true });
        return box.x1 < left || box.x2 > right || box.y1 < 0 || box.y2 > canvas.height;
      })
      .map((node) => node.id());
  });
}

const viewportNow = (page: Page) =>
  page.evaluate(() => (window.cy.animated() ? "" : JSON.stringify([window.cy.zoom(), window.cy.pan()])));

/** Waits until the camera has stopped moving (the same viewport twice in a row, no animation). */
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

describe("paths", () => {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    it(`fits the chosen path into what the paths panel and the details sheet leave visible at ${width}×${height}`, async () => {
      const page = await open(width, height);
      // The whole graph in view at this size first, as an analyst would (Fit), so both ends can be clicked.
      await page.getByTestId("fit-button").click();
      await settled(page);
      await askPaths(page, "doubao", "a100", { mode: "all", hops: "4" });
      await settled(page);
      await expect.poll(() => hiddenPathNodes(page)).toEqual([]);
      // A hop clicked in the list opens the details sheet on the right; the next path picked is
      // fitted between the paths panel and the sheet.
      await page.getByTestId("path-hop").first().click();
      await page.locator("#details-panel:not([hidden])").waitFor();
      await page.getByTestId("path-pick").nth(1).click();
      await settled(page);
      const shots = process.env.PATHS_SHOTS_DIR;
      if (shots) await page.screenshot({ path: `${shots}/paths-${width}x${height}.png` });
      await expect.poll(() => hiddenPathNodes(page)).toEqual([]);
      expect(pageProblems(page)).toEqual([]);
    });
  }

  it("ranks by the weakest hop, pages with Next and Previous, and highlights only the chosen path", async () => {
    const page = await open();
    await askPaths(page, "doubao", "a100", { mode: "all", hops: "5" });
    const summary = page.getByTestId("path-summary");
    await expect(summary.innerText()).resolves.toMatch(/^Paths 1–10 of 18 from Doubao to NVIDIA A100/);
    const weakest = () =>
      page
        .getByTestId("path-item")
        .evaluateAll((items) => items.map((item) => item.querySelector(".path-item-weakest")?.textContent?.trim()));
    const rank = (text: string | undefined) =>
      ["confirmed", "reported", "speculative"].findIndex((word) => text?.toLowerCase().includes(word));
    const firstPage = (await weakest()).map(rank);
    expect(firstPage).toEqual([...firstPage].sort((a, b) => (a < 0 ? 9 : a) - (b < 0 ? 9 : b)));

    // Only the chosen path is drawn out: the first by default.
    const highlighted = () =>
      page.evaluate(() =>
        window.cy
          .edges(".path-edge")
          .map((edge) => edge.id())
          .sort(),
      );
    const chosenEdges = (index: number) =>
      page
        .getByTestId("path-item")
        .nth(index)
        .getByTestId("path-hop")
        .evaluateAll((hops) => hops.map((hop) => hop.getAttribute("data-edge-id") ?? "").sort());
    await expect(page.getByTestId("path-pick").first().getAttribute("aria-pressed")).resolves.toBe("true");
    await expect.poll(highlighted).toEqual(await chosenEdges(0));
    await page.getByTestId("path-pick").nth(2).click();
    await expect.poll(() => page.getByTestId("path-pick").nth(2).getAttribute("aria-pressed")).toBe("true");
    await expect.poll(highlighted).toEqual(await chosenEdges(2));
    await expect(page.getByTestId("path-pick").first().getAttribute("aria-pressed")).resolves.toBe("false");

    await expect(page.getByTestId("path-previous").isDisabled()).resolves.toBe(true);
    await page.getByTestId("path-next").click();
    await expect.poll(() => summary.innerText()).toMatch(/^Paths 11–18 of 18/);
    await expect(page.getByTestId("path-item").count()).resolves.toBe(8);
    await expect(page.getByTestId("path-next").isDisabled()).resolves.toBe(true);
    // The first path of page 2 is Path 11, and its weakest hop is no stronger than page 1's last.
    await expect(page.getByTestId("path-pick").first().textContent()).resolves.toMatch(/^Path 11/);
    const secondPage = (await weakest()).map(rank);
    expect(Math.min(...secondPage.map((value) => (value < 0 ? 9 : value)))).toBeGreaterThanOrEqual(
      Math.max(...firstPage.map((value) => (value < 0 ? 9 : value))),
    );
    await page.getByTestId("path-previous").click();
    await expect.poll(() => summary.innerText()).toMatch(/^Paths 1–10 of 18/);
    expect(pageProblems(page)).toEqual([]);
  });

  it("follows the arrows when asked: fewer paths, each hop along its relationship", async () => {
    const page = await open();
    await askPaths(page, "bytedance", "ascend-910b", { mode: "all", direction: "directed", hops: "4" });
    await expect(page.getByTestId("path-summary").innerText()).resolves.toMatch(/along the arrows/);
    const relations = await page
      .getByTestId("path-item")
      .first()
      .getByTestId("path-hop")
      .evaluateAll((hops) => hops.map((hop) => hop.querySelector(".path-hop-relation")?.textContent ?? ""));
    expect(relations.length).toBeGreaterThan(0);
    for (const relation of relations) expect(relation).toMatch(/→/);
    const directed = Number((await page.getByTestId("path-summary").innerText()).match(/of (\d+)/)?.[1]);
    await page.getByTestId("path-direction").selectOption("either");
    await page.getByTestId("path-find").click();
    await expect.poll(() => page.getByTestId("path-summary").innerText()).toMatch(/either way/);
    const either = Number((await page.getByTestId("path-summary").innerText()).match(/of (\d+)/)?.[1]);
    expect(either).toBeGreaterThan(directed);
  });

  it("forgets the paths on the status line once their panel closes", async () => {
    const page = await open();
    await askPaths(page, "doubao", "a100", { mode: "shortest" });
    const status = page.getByTestId("status");
    await expect.poll(() => status.innerText()).toMatch(/from Doubao to NVIDIA A100/);
    await page.getByRole("button", { name: "Close paths" }).click();
    await page.getByTestId("path-panel").waitFor({ state: "hidden" });
    await expect.poll(() => status.innerText()).not.toMatch(/path/i);
  });
});

describe("workbench", () => {
  it("runs with Ctrl+Enter from anywhere in the drawer: the Merge/Replace toggle and the parameters box", async () => {
    const page = await open(1366, 768);
    await page.getByTestId("workbench-toggle").click();
    await page.getByTestId("cypher-editor").waitFor();
    await page.locator('[data-testid="cypher-editor"] .cm-content').focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("MATCH (n:Company) RETURN n.name AS name, $tag AS tag ORDER BY name LIMIT 3");
    await page.getByTestId("params-input").fill('{"tag": "from the toggle"}');
    const summary = page.getByTestId("result-summary");

    // Focus on the Merge/Replace toggle (reached with the mouse), then Ctrl+Enter.
    await page.getByTestId("result-mode").getByText("Replace").click();
    await page.keyboard.press("Control+Enter");
    await summary.filter({ hasText: /^3 rows/ }).waitFor();
    await expect(page.getByTestId("result-table").innerText()).resolves.toContain("from the toggle");

    // From the parameters box: the new value is what runs.
    await page.getByTestId("params-input").fill('{"tag": "from the parameters"}');
    await page.getByTestId("params-input").focus();
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => page.getByTestId("result-table").innerText()).toContain("from the parameters");
    expect(pageProblems(page)).toEqual([]);
  });
});

describe("dragging pins, and says so", () => {
  it("drags a node: it is pinned, wears a pin mark, the status line says so, and help explains it", async () => {
    const page = await open(1366, 768);
    const { x, y } = await elementPosition(page, "huawei");
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 40, y + 30, { steps: 6 });
    await page.mouse.move(x + 80, y + 60, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId("status").innerText()).toMatch(/^Moved and pinned Huawei/);
    const mark = await page.evaluate(() => {
      const node = window.cy.getElementById("huawei");
      return { pinned: node.hasClass("pinned"), image: String(node.style("background-image")) };
    });
    expect(mark.pinned).toBe(true);
    expect(mark.image).toMatch(/^data:image\/svg\+xml/);
    const shots = process.env.PATHS_SHOTS_DIR;
    if (shots) await page.screenshot({ path: `${shots}/pinned-1366x768.png` });

    await page.keyboard.press("?");
    await expect(page.getByRole("dialog").innerText()).resolves.toMatch(/pins it: a pin mark shows/);
  });
});

describe("a source's claims when all are drawn", () => {
  it("selects and names them instead of showing nothing", async () => {
    const page = await open();
    await clickElement(page, await edgeId(page, "bytedance", "DEVELOPS", "doubao"));
    const link = page.getByTestId("source-claims").first();
    await link.click();
    const status = page.getByTestId("status");
    await expect.poll(() => status.innerText()).toMatch(/makes \d+ claims?/);
    // Asked again, every claim is on the canvas: they are selected and named.
    await page.keyboard.press("Escape");
    await clickElement(page, await edgeId(page, "bytedance", "DEVELOPS", "doubao"));
    await page.getByTestId("source-claims").first().click();
    await expect
      .poll(() => status.innerText())
      .toMatch(/all on the canvas already and now selected: ByteDance based in China; /);
    const count = Number((await status.innerText()).match(/makes (\d+) claim/)?.[1]);
    await expect.poll(() => page.evaluate(() => window.cy.edges(":selected").length)).toBe(count);
    expect(count).toBeGreaterThan(1);
    expect(pageProblems(page)).toEqual([]);
  });
});

describe("independent sources", () => {
  it("explains why fewer sources count than are listed", async () => {
    const page = await open();
    const id = await page.evaluate(
      () =>
        window.cy
          .edges()
          .filter((edge) => {
            const props = edge.data("props") as { sources?: unknown; independentSources?: unknown };
            return (
              Array.isArray(props.sources) &&
              typeof props.independentSources === "number" &&
              props.sources.length > props.independentSources
            );
          })
          .first()
          .id() as string | undefined,
    );
    expect(id, "the seed has a relationship whose article and outlet are both listed").toBeTruthy();
    await clickElement(page, String(id));
    const note = page.getByTestId("independence-note");
    await expect(note.innerText()).resolves.toMatch(
      /^\d+ listed, \d+ independent: an article and the outlet it credits/,
    );
    const counted = Number(await page.getByTestId("independent-sources").locator("strong").innerText());
    const listed = await page.getByTestId("edge-sources").locator("li").count();
    expect(listed).toBeGreaterThan(counted);
  });
});

describe("narrow windows", () => {
  it("shows the whole counter at 1366×768, nothing of it cut", async () => {
    const page = await open(1366, 768);
    const counts = page.getByTestId("counts");
    await expect.poll(() => counts.innerText()).toMatch(/\d+ nodes · \d+ relationships/);
    const box = await counts.evaluate((element) => ({
      cut: element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
      right: element.getBoundingClientRect().right,
    }));
    expect(box.cut).toBe(false);
    expect(box.right).toBeLessThanOrEqual(1366);
    // Nor is anything after it pushed off the bar: the connection light stays in the window.
    const health = await page.getByTestId("health").boundingBox();
    expect((health?.x ?? 9999) + (health?.width ?? 0)).toBeLessThanOrEqual(1366);
    const shots = process.env.PATHS_SHOTS_DIR;
    if (shots)
      await page.screenshot({ path: `${shots}/topbar-1366x768.png`, clip: { x: 0, y: 0, width: 1366, height: 60 } });
  });
});
