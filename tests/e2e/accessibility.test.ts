/**
 * axe-core's WCAG 2.2 AA rules (tests/support/axe.ts) on every view and state an analyst reaches in
 * the explorer that no other spec checks already: the canvas, the details panel (a node, a
 * relationship), the context menu, the paths panel, a legend filter, help, the workbench (editor,
 * table, error), the export menu and saved views, each in the light and the dark theme (the theme
 * follows the system's colour scheme until the analyst picks one: Chromium's emulateMedia switches
 * it). The whole page is checked, not only the view, since a view opened changes what is around
 * it. Every page keeps a level-one heading. A violation fails with its rule, element and help.
 * The Sources view, intake, vocabulary editor, accounts and the API reference have their own
 * axe checks in their specs.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { axeViolations } from "../support/axe";
import { clickElement, edgeId, elementPosition, pageProblems, startFrom, useTopbarTool } from "../support/browser";

const session = useAppInBrowser();

async function open(): Promise<Page> {
  const page = await session.open();
  await page.setViewportSize({ width: 1366, height: 768 });
  return page;
}

/** axe over the whole page in both themes; the page keeps its level-one heading. */
async function expectAccessible(page: Page, view: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction((theme) => document.documentElement.dataset.theme === theme, scheme);
    expect(await axeViolations(page, "body"), `${view}, ${scheme} theme`).toEqual([]);
  }
  // By role: a heading hidden from assistive technology (display: none) does not count.
  expect(await page.getByRole("heading", { level: 1 }).count(), `${view}: a level-one heading`).toBeGreaterThan(0);
}

async function rightClick(page: Page, id: string): Promise<void> {
  const { x, y } = await elementPosition(page, id);
  await page.mouse.click(x, y, { button: "right" });
}

describe("axe-core on every view of the explorer, in both themes", () => {
  it("the canvas as the app opens", async () => {
    const page = await open();
    await expectAccessible(page, "canvas");
    expect(pageProblems(page)).toEqual([]);
  });

  it("the details panel of a node and of a relationship", async () => {
    const page = await open();
    await clickElement(page, "huawei");
    await page.getByTestId("details-panel").filter({ hasText: "Huawei" }).waitFor();
    await expectAccessible(page, "node details");
    await startFrom(page, ["bytedance", "huawei"]);
    await clickElement(page, await edgeId(page, "bytedance", "SOURCES_FROM", "huawei"));
    await page.getByTestId("edge-sources").waitFor();
    await expectAccessible(page, "relationship details");
  });

  it("the context menu of a node", async () => {
    const page = await open();
    await rightClick(page, "huawei");
    await page.getByTestId("menu-find-paths").waitFor();
    await expectAccessible(page, "context menu");
  });

  it("the paths panel with paths found", async () => {
    const page = await open();
    await startFrom(page, ["doubao", "a100"]);
    await clickElement(page, "doubao");
    const { x, y } = await elementPosition(page, "a100");
    await page.keyboard.down("Shift");
    await page.mouse.click(x, y);
    await page.keyboard.up("Shift");
    await page.getByTestId("path-find").click();
    await page.getByTestId("path-item").first().waitFor();
    await expectAccessible(page, "paths panel");
  });

  it("a legend filter in use", async () => {
    const page = await open();
    await page.locator('[data-testid="legend-certainty"] button[data-certainty="reported"]').click();
    await page.getByTestId("legend-show-all").waitFor();
    await expectAccessible(page, "legend filter");
  });

  it("help", async () => {
    const page = await open();
    await useTopbarTool(page, "help-button");
    await page.getByTestId("help-overlay").waitFor();
    await expectAccessible(page, "help");
  });

  it("the workbench: editor, result table and error", async () => {
    const page = await open();
    await useTopbarTool(page, "workbench-toggle");
    await page.locator('[data-testid="cypher-editor"] .cm-content').waitFor();
    await expectAccessible(page, "workbench editor");

    const editor = page.locator('[data-testid="cypher-editor"] .cm-content');
    await editor.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("MATCH (n:Company) RETURN n.name AS name, n.country AS country LIMIT 5");
    await page.keyboard.press("Control+Enter");
    await page.getByTestId("result-table").waitFor();
    await expectAccessible(page, "workbench table");

    await editor.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("MATCH (n RETURN n");
    await page.keyboard.press("Control+Enter");
    await page.getByTestId("workbench-error").waitFor();
    await expectAccessible(page, "workbench error");
  });

  it("the export menu", async () => {
    const page = await open();
    await useTopbarTool(page, "export-button");
    await page.getByTestId("export-menu").waitFor();
    await expectAccessible(page, "export menu");
  });

  it("saved views, with one saved", async () => {
    const page = await open();
    await useTopbarTool(page, "views-button");
    await page.getByTestId("view-name").fill("Accessibility check (fictional)");
    await page.getByTestId("view-save").click();
    await page.getByTestId("saved-view-open").first().waitFor();
    await expectAccessible(page, "saved views");
  });
});

describe("motion and colour scheme from the system", () => {
  it("fits with an animation normally, and jumps when the system asks for reduced motion", async () => {
    const page = await session.open();
    const fitAnimates = async () => {
      await page.evaluate(() => window.cy.pan({ x: 400, y: 300 }));
      await useTopbarTool(page, "fit-button");
      return page.evaluate(() => window.cy.animated());
    };
    expect(await fitAnimates()).toBe(true);
    await page.evaluate(() => window.cy.stop(true, true));
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await fitAnimates()).toBe(false);
  }, 120_000);

  it("opens in the dark theme on a first visit when the system prefers dark, light otherwise", async () => {
    for (const scheme of ["dark", "light"] as const) {
      const page = await session.open();
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await page.waitForFunction(() => document.body.dataset.graphState === "ready");
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
      await page.close();
    }
  }, 120_000);
});
