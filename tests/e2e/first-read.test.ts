/**
 * Issue #18, what gets in a new analyst's way: search landing on the node that was meant (exact
 * names first, aliases shown, typos forgiven, nearest names offered) and Escape closing what is open,
 * the details panel last.
 */
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { clickElement, elementPosition } from "../support/browser";

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

async function rightClick(page: Page, id: string): Promise<void> {
  const { x, y } = await elementPosition(page, id);
  await page.mouse.click(x, y, { button: "right" });
}

const selected = (page: Page) => page.evaluate(() => window.cy.elements(":selected").map((element) => element.id()));

describe("search lands on the node that was meant", () => {
  it("selects the company for its exact name, not the article whose title starts with it", async () => {
    const page = await open();
    const input = page.getByTestId("search-input");
    await input.click();
    await page.keyboard.type("ByteDance");
    await page.getByTestId("search-hit").first().waitFor();
    await expect(page.getByTestId("search-hit").first().getAttribute("data-node-id")).resolves.toBe("bytedance");
    await page.keyboard.press("Enter");
    await expect.poll(() => selected(page)).toEqual(["bytedance"]);
    await expect(page.getByTestId("panel-title").innerText()).resolves.toBe("ByteDance");
  });

  it("shows which alias matched, and finds a node through a typo", async () => {
    const page = await open();
    const input = page.getByTestId("search-input");
    await input.click();
    await page.keyboard.type("twitter");
    const hit = page.locator('[data-testid="search-hit"][data-node-id="x-corp"]');
    await expect(hit.getByTestId("search-hit-match").innerText()).resolves.toBe("alias: Twitter");

    await input.fill("");
    await page.keyboard.type("huawie");
    const near = page.getByTestId("search-hit").first();
    await expect.poll(() => near.getAttribute("data-node-id")).toBe("huawei");
    await expect(near.getByTestId("search-hit-match").innerText()).resolves.toMatch(/near match|alias/);
  });

  it("offers the nearest names when nothing matches, and searching one of them finds it", async () => {
    const page = await open();
    await page.getByTestId("search-input").click();
    await page.keyboard.type("huawei qwxzv");
    await page.getByTestId("search-empty").waitFor();
    const suggestion = page.getByTestId("search-suggestion").filter({ hasText: "Huawei Technologies" });
    await suggestion.click();
    await expect.poll(() => page.getByTestId("search-hit").first().getAttribute("data-node-id")).toBe("huawei");
  });
});

describe("Escape closes what is open, the details panel last", () => {
  it("closes the paths panel first, then the details panel", async () => {
    const page = await open();
    await clickElement(page, "bytedance");
    await page.getByTestId("details-panel").waitFor();
    await rightClick(page, "bytedance");
    await page.getByTestId("menu-find-paths").click();
    await page.getByTestId("path-panel").waitFor();

    await page.keyboard.press("Escape");
    await page.getByTestId("path-panel").waitFor({ state: "hidden" });
    await expect(page.getByTestId("details-panel").isVisible()).resolves.toBe(true);

    await page.keyboard.press("Escape");
    await page.getByTestId("details-panel").waitFor({ state: "hidden" });
    await expect.poll(() => selected(page)).toEqual([]);
  });

  it("leaves the panel open when Escape goes to a text field", async () => {
    const page = await open();
    await clickElement(page, "huawei");
    await page.getByTestId("details-panel").waitFor();
    await page.getByTestId("search-input").click();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("details-panel").isVisible()).resolves.toBe(true);
  });
});

describe("days are typed as the app writes them", () => {
  it("takes YYYY-MM-DD in the legend's day field whatever the locale, and marks a day that does not exist", async () => {
    const page = await open();
    const field = page.getByTestId("legend-reported-since");
    await field.click();
    await page.keyboard.type("20240230");
    await expect(field.inputValue()).resolves.toBe("2024-02-30");
    await expect.poll(() => field.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(false);
    await expect(field.getAttribute("title")).resolves.toBe("2024-02-30 is not a day of the calendar.");

    await field.fill("");
    await page.keyboard.type("20240101");
    await page.keyboard.press("Enter");
    await expect(field.inputValue()).resolves.toBe("2024-01-01");
    await expect.poll(() => field.getAttribute("class")).toContain("is-active");
  });
});
