import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { clickElement, edgeId, pageProblems } from "../support/browser";

let page: Page;

const session = useAppInBrowser();

describe("the explorer in Chromium", () => {
  it("opens on the whole seed graph, every node laid out inside the view", async () => {
    page = await session.open();
    const { records } = await session.app.driver.executeQuery("MATCH (n:Entity) RETURN count(n) AS nodes");
    const expected = Number(records[0]?.get("nodes"));
    const drawn = await page.evaluate(() => {
      const cy = window.cy;
      const width = cy.width();
      const height = cy.height();
      const outside = cy.nodes().filter((node) => {
        const { x, y } = node.renderedPosition();
        return x < 0 || y < 0 || x > width || y > height;
      });
      return {
        nodes: cy.nodes().length,
        edges: cy.edges().length,
        outside: outside.length,
        ids: cy.nodes().map((node) => node.id()),
      };
    });
    expect(drawn.nodes).toBe(expected);
    expect(drawn.edges).toBeGreaterThanOrEqual(30);
    expect(drawn.outside).toBe(0);
    expect(drawn.ids).toEqual(expect.arrayContaining(["bytedance", "huawei", "ascend-910b", "a100", "h20"]));
    await expect(page.locator("#legend").innerText()).resolves.toMatch(/Company[\s\S]*Chip[\s\S]*reported/i);
    expect(pageProblems(page)).toEqual([]);
  });

  it("shows ByteDance's properties, then Reuters and the French sentence for its edge to Huawei", async () => {
    await clickElement(page, "bytedance");
    const panel = page.getByTestId("details-panel");
    await expect(panel.innerText()).resolves.toContain("ByteDance");

    await clickElement(page, await edgeId(page, "bytedance", "SOURCES_FROM", "huawei"));
    await page.getByTestId("evidence-fr").waitFor();
    await expect(page.getByTestId("edge-sources").innerText()).resolves.toMatch(/Reuters/);
    await expect(page.getByTestId("evidence-fr").innerText()).resolves.toContain(
      "s'approvisionne en puces auprès de Huawei Technologies",
    );
    await expect(page.getByTestId("evidence-en").innerText()).resolves.toMatch(/sources chips from Huawei/i);
    await expect(panel.innerText()).resolves.toMatch(/reported/i);
  });

  it("expands a node by double-click, adding its neighbours once and only once", async () => {
    // Start from Huawei alone so the expansion has something to add.
    const before = await page.evaluate(() => {
      const cy = window.cy;
      cy.elements().not(cy.getElementById("huawei")).remove();
      return cy.elements().length;
    });
    expect(before).toBe(1);
    await page.evaluate(() => {
      window.cy.fit(undefined, 200);
    });

    await clickElement(page, "huawei", 2);
    await page.waitForFunction(() => window.cy.nodes().length > 1);
    const expected = await session.app.driver.executeQuery(
      "MATCH ({id:'huawei'})--(m) RETURN collect(DISTINCT m.id) AS ids",
    );
    const neighbourIds = expected.records[0]?.get("ids") as string[];
    const afterFirst = await page.evaluate(() =>
      window.cy
        .nodes()
        .map((node) => node.id())
        .sort(),
    );
    expect(afterFirst).toEqual(["huawei", ...neighbourIds].sort());

    const countAfterFirst = await page.evaluate(() => window.cy.elements().length);
    await clickElement(page, "huawei", 2);
    await page
      .getByTestId("status")
      .filter({ hasText: /Nothing new to add/ })
      .waitFor();
    const countAfterSecond = await page.evaluate(() => window.cy.elements().length);
    expect(countAfterSecond).toBe(countAfterFirst);
    expect(pageProblems(page)).toEqual([]);
  });
});
