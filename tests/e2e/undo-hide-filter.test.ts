import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { clickElement, pageProblems, startFrom, useTopbarTool } from "../support/browser";

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
    // style() applies a style change not drawn yet; visible() alone may answer from before it.
    const shown = edges.filter((edge) => edge.style("display") !== "none" && edge.visible());
    return { total: edges.length, visible: shown.length };
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
    // Input reaches the page's handlers after press() resolves: each check waits for the state it needs.
    await expect.poll(async () => (await drawn(page)).nodes).not.toContain("huawei");
    const hidden = await drawn(page);
    expect(hidden.nodes).toHaveLength(before.nodes.length - 1);
    expect(hidden.edges).toBe(before.edges - degree);
    await expect(page.getByTestId("status-text").innerText()).resolves.toMatch(/Hid 1 node · Ctrl\+Z to undo/);
    await expect(page.getByTestId("undo-button").getAttribute("title")).resolves.toMatch(/^Undo Hide Huawei/);

    await page.keyboard.press("Control+z");
    await expect.poll(() => drawn(page)).toEqual(before);
    await expect(page.getByTestId("redo-button").getAttribute("title")).resolves.toMatch(/^Redo Hide Huawei/);

    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => drawn(page)).toEqual(hidden);

    // The undo button does the same as the key.
    await page.getByTestId("undo-button").click();
    await expect.poll(() => drawn(page)).toEqual(before);
    expect(pageProblems(page)).toEqual([]);
  });

  it("leaves Ctrl+Z to the search field while typing there", async () => {
    await clickElement(page, "nvidia");
    await page.keyboard.press("Delete");
    await expect.poll(async () => (await drawn(page)).nodes).not.toContain("nvidia");
    await page.getByTestId("search-input").click();
    await page.keyboard.type("Hua");
    await page.keyboard.press("Control+z");
    // The field undid its own typing; the canvas did not take the key.
    await expect.poll(() => page.getByTestId("search-input").inputValue()).toBe("");
    expect((await drawn(page)).nodes).not.toContain("nvidia");
    await page.keyboard.press("Escape");
    await page.mouse.click(5, 300);
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await drawn(page)).nodes).toContain("nvidia");
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
    await expect.poll(() => visibleEdgesOf(page, "reported")).toEqual({ total: reportedInGraph, visible: 0 });
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
    await expect
      .poll(() => visibleEdgesOf(page, "reported"))
      .toEqual({ total: reportedInGraph, visible: reportedInGraph });
    await expect(row.getAttribute("aria-pressed")).resolves.toBe("true");

    // The rows are buttons: the keyboard toggles them too (Space clicks on key-up; the legend keeps
    // its buttons across redraws, so the press lands on the row it started on).
    await row.press("Space");
    await expect.poll(async () => (await visibleEdgesOf(page, "reported")).visible).toBe(0);
    await page.getByTestId("legend-show-all").click();
    await expect.poll(async () => (await visibleEdgesOf(page, "reported")).visible).toBe(reportedInGraph);
    expect(pageProblems(page)).toEqual([]);
  });

  it("exports only what the filters leave shown", async () => {
    const sourceRow = page.locator('[data-testid="legend-labels"] button[data-label="Source"]');
    await sourceRow.click();
    // Count what is shown once the filter is on the canvas: no Source node drawn, the row marked.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            window.cy.nodes('[label = "Source"]').filter((node) => node.style("display") !== "none" && node.visible())
              .length,
        ),
      )
      .toBe(0);
    await expect.poll(() => sourceRow.getAttribute("aria-pressed")).toBe("false");
    const shown = await page.evaluate(() => ({
      nodes: window.cy.nodes().filter((node) => node.style("display") !== "none" && node.visible()).length,
      sources: window.cy.nodes('[label = "Source"]').length,
    }));
    expect(shown.sources).toBeGreaterThan(0);
    await useTopbarTool(page, "export-button");
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

  it("expands only on two clicks on the same node: a quick click on one node after another only selects it", async () => {
    const expansions: string[] = [];
    page.on("request", (request) => {
      const match = /\/api\/nodes\/([^/]+)\/neighbors/.exec(new URL(request.url()).pathname);
      if (match?.[1]) expansions.push(decodeURIComponent(match[1]));
    });
    await page.keyboard.press("Escape");
    await startFrom(page, ["huawei", "bytedance"]);
    // Two single clicks on two nodes, well within Cytoscape's double-click time.
    await clickElement(page, "huawei");
    await clickElement(page, "bytedance");
    await page.waitForFunction(() => window.cy.getElementById("bytedance").selected());
    // Then a real double click: its expansion is asked for after any the clicks above caused.
    const asked = page.waitForRequest((request) => request.url().includes("/neighbors"));
    await clickElement(page, "huawei", 2);
    await asked;
    expect(expansions).toEqual(["huawei"]);
  });
});
