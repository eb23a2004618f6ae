import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { clickElement, pageProblems } from "../support/browser";

let page: Page;

const session = useAppInBrowser();

interface Drawn {
  nodes: string[];
  edges: number;
  huawei: { x: number; y: number } | null;
}

const drawn = (target: Page): Promise<Drawn> =>
  target.evaluate(() => {
    const cy = window.cy;
    const huawei = cy.getElementById("huawei");
    return {
      nodes: cy
        .nodes()
        .map((node) => node.id())
        .sort(),
      edges: cy.edges().length,
      huawei: huawei.nonempty() ? { ...huawei.position() } : null,
    };
  });

const visibleEdgesOf = (target: Page, certainty: string): Promise<{ total: number; visible: number }> =>
  target.evaluate((wanted) => {
    const edges = window.cy.edges().filter((edge) => edge.data("certainty") === wanted);
    return { total: edges.length, visible: edges.filter((edge) => edge.visible()).length };
  }, certainty);

describe("hide, undo and redo in Chromium", () => {
  it("hides the selected node with Delete, brings it back with Ctrl+Z and hides it again with Ctrl+Shift+Z", async () => {
    page = await session.open();
    const before = await drawn(page);
    expect(before.nodes).toContain("huawei");
    const degree = await page.evaluate(() => window.cy.getElementById("huawei").connectedEdges().length);
    expect(degree).toBeGreaterThan(0);
    await expect(page.getByTestId("undo-button").isDisabled()).resolves.toBe(true);

    await clickElement(page, "huawei");
    await page.keyboard.press("Delete");
    const hidden = await drawn(page);
    expect(hidden.nodes).not.toContain("huawei");
    expect(hidden.nodes).toHaveLength(before.nodes.length - 1);
    expect(hidden.edges).toBe(before.edges - degree);
    await expect(page.getByTestId("status-text").innerText()).resolves.toMatch(/Hid 1 node · Ctrl\+Z to undo/);
    await expect(page.getByTestId("undo-button").getAttribute("title")).resolves.toMatch(/^Undo Hide Huawei/);

    await page.keyboard.press("Control+z");
    const restored = await drawn(page);
    expect(restored).toEqual(before);
    await expect(page.getByTestId("redo-button").getAttribute("title")).resolves.toMatch(/^Redo Hide Huawei/);

    await page.keyboard.press("Control+Shift+z");
    expect(await drawn(page)).toEqual(hidden);

    // The undo button does the same as the key.
    await page.getByTestId("undo-button").click();
    expect(await drawn(page)).toEqual(before);
    expect(pageProblems(page)).toEqual([]);
  });

  it("leaves Ctrl+Z to the search field while typing there", async () => {
    await clickElement(page, "nvidia");
    await page.keyboard.press("Delete");
    const afterHide = await drawn(page);
    expect(afterHide.nodes).not.toContain("nvidia");
    await page.getByTestId("search-input").click();
    await page.keyboard.type("Hua");
    await page.keyboard.press("Control+z");
    expect((await drawn(page)).nodes).not.toContain("nvidia");
    await page.keyboard.press("Escape");
    await page.mouse.click(5, 300);
    await page.keyboard.press("Control+z");
    expect((await drawn(page)).nodes).toContain("nvidia");
  });

  it("filters reported relationships from the legend with counts, and undoes the filter", async () => {
    const { records } = await session.app.driver.executeQuery(
      "MATCH ()-[r]->() WHERE r.certainty = 'reported' RETURN count(r) AS reported",
    );
    const reportedInGraph = Number(records[0]?.get("reported"));
    const reported = await visibleEdgesOf(page, "reported");
    expect(reported.total).toBe(reportedInGraph);
    expect(reported.visible).toBe(reported.total);

    const row = page.locator('[data-testid="legend-certainty"] button[data-certainty="reported"]');
    await expect(row.getAttribute("aria-pressed")).resolves.toBe("true");
    await expect(row.getByTestId("legend-count").innerText()).resolves.toBe(String(reportedInGraph));

    await row.click();
    expect(await visibleEdgesOf(page, "reported")).toEqual({ total: reportedInGraph, visible: 0 });
    await expect(row.getAttribute("aria-pressed")).resolves.toBe("false");
    // The count stays known while the rows are hidden, and the top bar says how many are shown.
    await expect(row.getByTestId("legend-count").innerText()).resolves.toBe(String(reportedInGraph));
    const edgesTotal = await page.evaluate(() => window.cy.edges().length);
    await expect(page.getByTestId("counts").innerText()).resolves.toContain(
      `${edgesTotal - reportedInGraph} of ${edgesTotal} relationships`,
    );
    const confirmed = await visibleEdgesOf(page, "confirmed");
    expect(confirmed.visible).toBe(confirmed.total);

    await page.keyboard.press("Control+z");
    expect(await visibleEdgesOf(page, "reported")).toEqual({ total: reportedInGraph, visible: reportedInGraph });
    await expect(row.getAttribute("aria-pressed")).resolves.toBe("true");

    // The rows are buttons: the keyboard toggles them too. The legend rebuilds its rows whenever the
    // canvas changes, and Space clicks on key-up: let the undo's last redraw pass first.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    await row.press("Space");
    expect((await visibleEdgesOf(page, "reported")).visible).toBe(0);
    await page.getByTestId("legend-show-all").click();
    expect((await visibleEdgesOf(page, "reported")).visible).toBe(reportedInGraph);
    expect(pageProblems(page)).toEqual([]);
  });

  it("exports only what the filters leave shown", async () => {
    const sourceRow = page.locator('[data-testid="legend-labels"] button[data-label="Source"]');
    await sourceRow.click();
    // The legend marks the row once the filter is on the canvas: count what is shown after that.
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="legend-labels"] button[data-label="Source"]')
          ?.getAttribute("aria-pressed") === "false",
    );
    const shown = await page.evaluate(() => ({
      nodes: window.cy.nodes().filter((node) => node.visible()).length,
      sources: window.cy.nodes('[label = "Source"]').length,
    }));
    expect(shown.sources).toBeGreaterThan(0);
    await page.getByTestId("export-button").click();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 45_000 }),
      page.getByTestId("export-cyjs").click(),
    ]);
    const file = JSON.parse(await readFile(await download.path(), "utf8")) as {
      elements: { nodes: Array<{ data: { label: string } }> };
    };
    expect(file.elements.nodes).toHaveLength(shown.nodes);
    expect(file.elements.nodes.filter((node) => node.data.label === "Source")).toEqual([]);
  });
});
