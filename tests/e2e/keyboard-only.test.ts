/**
 * The explorer without the mouse: from opening the app, Tab reaches the graph (a visible focus
 * ring), the arrow keys walk from the most connected node along its relationships, each step said
 * in a polite live region ("Huawei, Company, 4 relationships; next: …"), Enter moves into the
 * details, Escape leaves; then Tab reaches Export, the menu opens and gives a PNG (the download
 * arrives), and Escape closes the menu with focus back on its button. Every focused control shows
 * a visible outline (computed style). Screenshots of the focus ring and the live region at
 * 1366×768 and 1920×1080 go to KEYBOARD_SHOTS_DIR when set.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { pageProblems } from "../support/browser";

const session = useAppInBrowser();
const shotsDir = process.env.KEYBOARD_SHOTS_DIR;

async function shoot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(shotsDir, `${name}-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** The focused element's test id (or tag), and whether it draws a visible outline or ring. */
function focused(page: Page): Promise<{ id: string; visible: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { id: "body", visible: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none" && style.boxShadow !== "";
    return { id: element.dataset.testid ?? element.id ?? element.tagName, visible: outline || ring };
  });
}

/** Presses Tab until `testId` has the focus, checking every stop on the way shows its focus. */
async function tabTo(page: Page, testId: string, key: "Tab" | "Shift+Tab" = "Tab", limit = 40): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    await page.keyboard.press(key);
    const now = await focused(page);
    expect(now.visible, `focus visible on ${now.id}`).toBe(true);
    if (now.id === testId) return;
  }
  throw new Error(`Tab never reached ${testId} in ${limit} steps`);
}

const announced = (page: Page) => page.getByTestId("canvas-announcer").innerText();
const selectedIds = (page: Page) =>
  page.evaluate(() => window.cy.nodes(":selected").map((node) => node.id() as string));

describe("the explorer with the keyboard only", () => {
  it("walks the graph from the most connected node along its relationships, said in a live region", async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1366, height: 768 });
    await tabTo(page, "canvas");
    await expect.poll(() => announced(page)).toMatch(/^[^,]+, \w+, \d+ relationships?; next: .+/);
    await expect(page.getByTestId("canvas-announcer").getAttribute("aria-live")).resolves.toBe("polite");
    const [start] = await selectedIds(page);
    expect(start).toBeDefined();
    await shoot(page, "keyboard-walk-start");

    const first = await announced(page);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => announced(page)).toMatch(/^next: .+, 2 of \d+$/);
    expect(await announced(page)).not.toBe(first);
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await selectedIds(page))[0]).not.toBe(start);
    await expect.poll(() => announced(page)).toMatch(/relationships?(; next: .+)?$/);
    await shoot(page, "keyboard-walk-step");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(async () => (await selectedIds(page))[0]).toBe(start);

    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.getElementById("details-panel")?.contains(document.activeElement)))
      .toBe(true);
    await tabTo(page, "canvas", "Shift+Tab");
    await page.keyboard.press("Escape");
    await expect.poll(() => selectedIds(page)).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });

  it("exports a PNG from the keyboard: Tab to Export, arrows to PNG, Enter; Escape returns to the button", async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await tabTo(page, "export-button");
    await page.keyboard.press("Enter");
    await page.getByTestId("export-menu").waitFor();
    const png = page.getByTestId("export-png");
    let reached = false;
    for (let step = 0; step < 30 && !reached; step += 1) {
      await page.keyboard.press("ArrowDown");
      const now = await focused(page);
      expect(now.visible, `focus visible on ${now.id}`).toBe(true);
      reached = now.id === "export-png";
    }
    expect(reached, "the arrows reach PNG").toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 45_000 }),
      page.keyboard.press("Enter"),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);

    if (await page.getByTestId("export-menu").isHidden()) {
      await page.getByTestId("export-button").focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("export-menu").waitFor();
    }
    expect(await png.count()).toBe(1);
    await page.keyboard.press("Escape");
    await page.getByTestId("export-menu").waitFor({ state: "hidden" });
    await expect.poll(async () => (await focused(page)).id).toBe("export-button");
    expect(pageProblems(page)).toEqual([]);
  });
});
