import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { clickElement, elementPosition, pageProblems, startFrom, useTopbarTool } from "../support/browser";

const session = useAppInBrowser();
const opened: Page[] = [];
const open = async () => {
  const page = await session.open();
  opened.push(page);
  return page;
};
// One page at a time: pages left open keep their timers and animations running.
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

const nodeIds = (page: Page) =>
  page.evaluate(() =>
    window.cy
      .nodes()
      .map((node) => node.id())
      .sort(),
  );

async function rightClick(page: Page, id: string): Promise<void> {
  const { x, y } = await elementPosition(page, id);
  await page.mouse.click(x, y, { button: "right" });
}

describe("expanding with control", () => {
  it("expands ByteDance by one relationship type from its context menu, with the counts the database has", async () => {
    const page = await open();
    await startFrom(page, ["bytedance"]);
    await rightClick(page, "bytedance");
    const entry = page.locator('[data-testid="menu-expand-type"][data-type="DEVELOPS"][data-direction="out"]');
    await entry.waitFor();
    const shown = await page
      .getByTestId("menu-expand-type")
      .evaluateAll((items) =>
        items.map((item) => [
          (item as HTMLElement).dataset.type,
          (item as HTMLElement).dataset.direction,
          Number((item as HTMLElement).dataset.count),
        ]),
      );
    const { records } = await session.app.driver.executeQuery(
      `MATCH (b {id: 'bytedance'})-[r]-(m)
       RETURN type(r) AS type, CASE WHEN startNode(r) = b THEN 'out' ELSE 'in' END AS direction,
              count(DISTINCT m) AS count`,
    );
    const expected = records.map((record) => [
      record.get("type"),
      record.get("direction"),
      Number(record.get("count")),
    ]);
    expect(shown).toEqual(expect.arrayContaining(expected));
    expect(shown).toHaveLength(expected.length);
    await expect(entry.innerText()).resolves.toMatch(/^DEVELOPS → \d+/);

    // The keyboard moves through the menu: down to the chosen entry, Enter picks it.
    const position = shown.findIndex(([type, direction]) => type === "DEVELOPS" && direction === "out");
    for (let step = 0; step < position; step += 1) await page.keyboard.press("ArrowDown");
    await expect(page.evaluate(() => (document.activeElement as HTMLElement).dataset.type)).resolves.toBe("DEVELOPS");
    await page.keyboard.press("Enter");
    await page.getByTestId("status").filter({ hasText: /Added/ }).waitFor();

    const developed = await session.app.driver.executeQuery(
      "MATCH ({id: 'bytedance'})-[:DEVELOPS]->(m) RETURN collect(m.id) AS ids",
    );
    expect(await nodeIds(page)).toEqual(
      ["bytedance", ...((developed.records[0]?.get("ids") as string[] | undefined) ?? [])].sort(),
    );
    await expect(page.getByTestId("node-menu").isHidden()).resolves.toBe(true);
    expect(pageProblems(page)).toEqual([]);
  });

  it("asks before adding more neighbours than the cap set in the settings, then adds exactly the top N", async () => {
    const page = await open();
    await page.keyboard.press("?");
    const help = page.getByTestId("help-overlay");
    await help.waitFor();
    await page.getByTestId("expansion-cap-input").fill("2");
    await page.getByTestId("expansion-cap-input").press("Tab");
    await page.keyboard.press("Escape");
    await expect(help.isVisible()).resolves.toBe(false);

    await startFrom(page, ["bytedance"]);
    await clickElement(page, "bytedance", 2);
    const dialog = page.getByTestId("supernode-dialog");
    await dialog.waitFor();
    const { records } = await session.app.driver.executeQuery(
      "MATCH ({id: 'bytedance'})--(m) RETURN count(DISTINCT m) AS count",
    );
    const neighbours = Number(records[0]?.get("count"));
    expect(neighbours).toBeGreaterThan(2);
    await expect(dialog.innerText()).resolves.toContain(`ByteDance has ${neighbours} neighbours`);
    await page.getByTestId("guard-top").click();
    await page
      .getByTestId("status")
      .filter({ hasText: /Added 2 nodes/ })
      .waitFor();
    expect(await nodeIds(page)).toHaveLength(3);

    // Cancel leaves the canvas as it was.
    await clickElement(page, "bytedance", 2);
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await page
      .getByTestId("status")
      .filter({ hasText: /Left ByteDance as it was/ })
      .waitFor();
    expect(await nodeIds(page)).toHaveLength(3);
    expect(pageProblems(page)).toEqual([]);
  });
});

describe("paths", () => {
  it("finds the paths from Doubao to the A100, adds and highlights them, and lists each hop with its source and sentence", async () => {
    const page = await open();
    await startFrom(page, ["doubao", "a100"]);
    await clickElement(page, "doubao");
    const { x, y } = await elementPosition(page, "a100");
    await page.keyboard.down("Shift");
    await page.mouse.click(x, y);
    await page.keyboard.up("Shift");
    const panel = page.getByTestId("path-panel");
    await page.getByTestId("path-ends").filter({ hasText: "Doubao → NVIDIA A100" }).waitFor();
    await page.getByTestId("path-find").click();
    await page.getByTestId("path-item").first().waitFor();

    const hops = await page.getByTestId("path-item").first().getByTestId("path-hop").allInnerTexts();
    expect(hops[0]).toMatch(/^Doubao/);
    expect(hops.at(-1)).toMatch(/A100$/);
    // Source names arrive after the path is drawn (looked up by id when not on the canvas).
    await page
      .waitForFunction(
        () => {
          const first = document.querySelector('[data-testid="path-item"]');
          const lines = [...(first?.querySelectorAll('[data-testid="path-hop-sources"]') ?? [])];
          return lines.length > 0 && lines.every((line) => /^per [A-Z]/.test(line.textContent ?? ""));
        },
        undefined,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    const sources = await page.getByTestId("path-item").first().getByTestId("path-hop-sources").allInnerTexts();
    expect(sources).toHaveLength(hops.length);
    for (const line of sources) expect(line).toMatch(/^per [A-Z]/);
    await expect(panel.getByTestId("path-evidence-fr").count()).resolves.toBeGreaterThan(0);
    await expect(panel.getByTestId("path-evidence-en").count()).resolves.toBeGreaterThan(0);

    const drawn = await page.evaluate(() => ({
      nodes: window.cy.nodes().length,
      onPath: window.cy.nodes(".path-node").length,
      faded: window.cy.elements(".path-faded").length,
    }));
    expect(drawn.nodes).toBeGreaterThan(2);
    expect(drawn.onPath).toBeGreaterThanOrEqual(hops.length + 1);

    // Clicking a hop selects its relationship on the canvas.
    const hop = page.getByTestId("path-item").first().getByTestId("path-hop").nth(1);
    const edgeId = await hop.getAttribute("data-edge-id");
    await hop.click();
    await expect(page.evaluate(() => window.cy.elements(":selected").map((element) => element.id()))).resolves.toEqual([
      edgeId,
    ]);
    expect(pageProblems(page)).toEqual([]);
  });

  it("says there is no path within 1 hop and leaves the canvas as it was", async () => {
    const page = await open();
    await startFrom(page, ["doubao", "a100"]);
    await rightClick(page, "doubao");
    await page.getByTestId("menu-find-paths").click();
    await clickElement(page, "a100");
    await page.getByTestId("path-max-hops").selectOption("1");
    await page.getByTestId("path-find").click();
    await expect(page.getByTestId("path-message").innerText()).resolves.toBe(
      "No path between Doubao and NVIDIA A100 within 1 hop",
    );
    expect(await nodeIds(page)).toEqual(["a100", "doubao"]);
    await expect(page.evaluate(() => window.cy.elements(".path-faded").length)).resolves.toBe(0);
  });
});

describe("layouts, help and themes", () => {
  it("switches to the grid layout keeping a pinned node where it was", async () => {
    const page = await open();
    await rightClick(page, "huawei");
    await page.getByTestId("menu-pin").click();
    const positions = () =>
      page.evaluate(() => Object.fromEntries(window.cy.nodes().map((node) => [node.id(), { ...node.position() }])));
    const before = await positions();
    expect(await page.evaluate(() => window.cy.getElementById("huawei").hasClass("pinned"))).toBe(true);

    await page.getByTestId("layout-picker").selectOption("grid");
    await page
      .getByTestId("status")
      .filter({ hasText: /Grid layout/ })
      .waitFor();
    await page.waitForFunction(
      () => !(document.querySelector("[data-testid=layout-picker]") as HTMLSelectElement).disabled,
    );
    const after = await positions();
    expect(after.huawei?.x).toBeCloseTo(before.huawei?.x ?? Number.NaN, 3);
    expect(after.huawei?.y).toBeCloseTo(before.huawei?.y ?? Number.NaN, 3);
    const moved = Object.keys(before).filter((id) => id !== "huawei" && before[id]?.x !== after[id]?.x);
    expect(moved.length).toBeGreaterThan(10);
    // The grid's rows: many nodes share a y.
    const rows = new Set(Object.values(after).map((point) => Math.round(point.y)));
    expect(rows.size).toBeLessThan(Object.keys(after).length / 2);

    // Re-layout runs the current layout again; undo puts the previous layout back.
    await page.getByTestId("relayout-button").click();
    await page.waitForFunction(
      () => !(document.querySelector("[data-testid=relayout-button]") as HTMLButtonElement).disabled,
    );
    await expect(page.getByTestId("layout-picker").inputValue()).resolves.toBe("grid");
    expect(pageProblems(page)).toEqual([]);
  });

  it("opens the help overlay with ? listing the shortcuts, and closes it with Escape", async () => {
    const page = await open();
    await page.mouse.click(700, 450);
    await page.keyboard.press("?");
    expect(pageProblems(page)).toEqual([]);
    const help = page.getByTestId("help-overlay");
    await help.waitFor();
    const text = await help.innerText();
    for (const shortcut of ["Double-click", "Right-click", "Shift\n+\nF10", "Delete", "Ctrl\n+\nZ", "Esc"])
      expect(text.replaceAll(/\s*\+\s*/g, "\n+\n")).toContain(shortcut);
    await page.keyboard.press("Escape");
    await expect(help.isVisible()).resolves.toBe(false);
  });

  it("applies the dark theme to the page and the canvas, and remembers it", async () => {
    const page = await open();
    await useTopbarTool(page, "theme-button");
    const look = () =>
      page.evaluate(() => ({
        theme: document.documentElement.dataset.theme,
        canvas: getComputedStyle(document.querySelector("[data-testid=canvas]") as HTMLElement).backgroundColor,
        caption: window.cy.getElementById("bytedance").style("color") as string,
        edgeCaption: window.cy.edges().first().style("color") as string,
      }));
    const dark = await look();
    expect(dark.theme).toBe("dark");
    expect(luminance(dark.canvas)).toBeLessThan(0.1);
    expect(luminance(dark.caption)).toBeGreaterThan(0.7);
    expect(luminance(dark.edgeCaption)).toBeGreaterThan(0.4);

    await page.reload();
    await page.waitForFunction(() => document.body.dataset.graphState === "ready");
    await expect(look().then((after) => after.theme)).resolves.toBe("dark");
    await useTopbarTool(page, "theme-button");
    const light = await look();
    expect(light.theme).toBe("light");
    expect(luminance(light.canvas)).toBeGreaterThan(0.9);
    expect(luminance(light.caption)).toBeLessThan(0.1);
  });
});

/** Relative luminance (0 black, 1 white) of a CSS rgb() colour. */
function luminance(colour: string): number {
  const [r = 0, g = 0, b = 0] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
