/**
 * Issue #3's remaining flows: a search hit added to the canvas (and taken back by undo), a search
 * with no hits, a node deleted in Neo4j while it is on the canvas, and collapsing an expansion.
 */
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { clickElement, elementPosition, startFrom } from "../support/browser";

const session = useAppInBrowser();
const opened: Page[] = [];
const open = async () => {
  const page = await session.open();
  opened.push(page);
  return page;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

const canvasState = (page: Page) =>
  page.evaluate(() => ({
    nodes: window.cy
      .nodes()
      .map((node) => node.id())
      .sort(),
    edges: window.cy.edges().length,
  }));

describe("searching, deleted nodes and collapsing", () => {
  it("adds a search hit to the canvas, centred and selected; Ctrl+Z takes it back", async () => {
    const page = await open();
    await startFrom(page, ["bytedance"]);
    await page.getByTestId("search-input").fill("910b");
    const hit = page.locator('[data-testid="search-hit"][data-node-id="ascend-910b"]');
    await hit.click();
    await page.waitForFunction(() => window.cy.getElementById("ascend-910b").selected());
    const placed = await page.evaluate(() => {
      const cy = window.cy;
      const node = cy.getElementById("ascend-910b");
      const { x, y } = node.renderedPosition();
      return { x, y, width: cy.width(), height: cy.height() };
    });
    // Centred: well inside the middle of the canvas, not at an edge.
    expect(Math.abs(placed.x - placed.width / 2)).toBeLessThan(placed.width / 4);
    expect(Math.abs(placed.y - placed.height / 2)).toBeLessThan(placed.height / 4);
    expect((await canvasState(page)).nodes).toEqual(["ascend-910b", "bytedance"]);

    await page.mouse.click(5, 200);
    await page.keyboard.press("Control+z");
    await page.waitForFunction(() => window.cy.getElementById("ascend-910b").empty());
    expect((await canvasState(page)).nodes).toEqual(["bytedance"]);
  });

  it("says so when a search has no hits, and the canvas stays as it was", async () => {
    const page = await open();
    const before = await canvasState(page);
    await page.getByTestId("search-input").fill("zzqx-no-such-thing");
    await page.getByTestId("search-hits").filter({ hasText: "No node matches" }).waitFor();
    await page.keyboard.press("Enter");
    expect(await canvasState(page)).toEqual(before);
  });

  it("expanding a node deleted in Neo4j meanwhile gives a clear message and changes nothing", async () => {
    const page = await open();
    await startFrom(page, ["huawei"]);
    // The server's answer for a node that no longer exists (its 404 is covered by the API tests).
    const gone = {
      status: 404,
      contentType: "application/json",
      body: JSON.stringify({
        error: { code: "NOT_FOUND", message: 'No node has the id "huawei".', retriable: false },
      }),
    };
    await page.route("**/api/nodes/huawei/**", (route) => route.fulfill(gone));
    const before = await canvasState(page);
    await clickElement(page, "huawei", 2);
    const status = page.getByTestId("status");
    await status.filter({ hasText: "No node has the id" }).waitFor();
    expect(await status.innerText()).toMatch(/Expanding Huawei/i);
    expect(await canvasState(page)).toEqual(before);
  });

  it("collapses what an expansion added, keeping what was there before", async () => {
    const page = await open();
    await startFrom(page, ["bytedance", "huawei"]);
    await clickElement(page, "bytedance", 2);
    await page.getByTestId("status").filter({ hasText: /Added/ }).waitFor();
    const expanded = await canvasState(page);
    expect(expanded.nodes.length).toBeGreaterThan(2);

    const { x, y } = await elementPosition(page, "bytedance");
    await page.mouse.click(x, y, { button: "right" });
    await page.getByTestId("menu-collapse").click();
    await page.waitForFunction(() => window.cy.nodes().length === 2);
    expect((await canvasState(page)).nodes).toEqual(["bytedance", "huawei"]);
  });
});
