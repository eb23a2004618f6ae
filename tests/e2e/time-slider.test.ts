/**
 * The time bar in Chromium, on a private Neo4j holding the seed (2024) and the fictional later report
 * (2025-03-10): the graph as known on a day and as held on a day, the legend's counts, undo, the link,
 * and back to today with the slider's keyboard.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { decodeViewState } from "../../client/src/explorer/view-url";
import { graphSchema } from "../../contract/graph-contract";
import { pageProblems } from "../support/browser";
import { useClaimsAppInBrowser } from "../support/claims-app-in-browser";

const session = useClaimsAppInBrowser();
let page: Page;

interface Drawn {
  nodes: string[];
  edges: number;
}
const drawn = (target: Page): Promise<Drawn> =>
  target.evaluate(() => ({
    nodes: window.cy
      .nodes()
      .map((node) => node.id())
      .sort(),
    edges: window.cy.edges().length,
  }));

/** What the API says the graph was on a day, to compare the canvas with. */
async function asOf(query: string): Promise<Drawn> {
  const response = await fetch(`${session.app.baseUrl}/api/graph?${query}`);
  const graph = graphSchema.parse(await response.json());
  return { nodes: graph.nodes.map((node) => node.data.id).sort(), edges: graph.edges.length };
}

const statusText = (target: Page) => target.getByTestId("status-text").innerText();
const chipCount = (target: Page) =>
  target.locator('[data-testid="legend-labels"] button[data-label="Chip"]').getByTestId("legend-count").innerText();

describe("the time bar in Chromium", () => {
  let today: Drawn;
  let knownNodes = 0;

  it("shows what was known on a typed day: the later report's chip and relationships go, the legend follows", async () => {
    page = await session.open();
    today = await drawn(page);
    expect(today.nodes).toContain("ascend-910c");
    await expect(page.getByTestId("time-now").isDisabled()).resolves.toBe(true);
    const chipsToday = Number(await chipCount(page));

    await page.getByTestId("time-date").focus();
    // Typed as the app writes days, whatever the browser's locale; the hyphens come by themselves.
    await page.keyboard.type("20241231");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() =>
      /^Known on 2024-12-31/.test(document.querySelector("[data-testid=status-text]")?.textContent ?? ""),
    );

    const known = await drawn(page);
    knownNodes = known.nodes.length;
    expect(known).toEqual(await asOf("knownAt=2024-12-31"));
    expect(known.nodes).not.toContain("ascend-910c");
    expect(known.edges).toBeLessThan(today.edges);
    await expect(chipCount(page)).resolves.toBe(String(chipsToday - 1));
    await expect(page.getByTestId("counts").innerText()).resolves.toContain(`${known.edges} relationships`);
    await expect(page.getByTestId("time-bar").getAttribute("class")).resolves.toContain("is-past");
    await expect(page.getByTestId("time-now").isDisabled()).resolves.toBe(false);

    await page.waitForFunction(() => document.body.dataset.viewUrl === "current");
    const state = await decodeViewState(new URL(page.url()).hash);
    expect(state.knownAt).toBe("2024-12-31");
    expect(pageProblems(page)).toEqual([]);
  });

  it("switches to what held on that day, and undoes back through known on to today, one step each", async () => {
    await page.getByRole("button", { name: "Held on" }).click();
    await page.waitForFunction(() =>
      /^Held on 2024-12-31/.test(document.querySelector("[data-testid=status-text]")?.textContent ?? ""),
    );
    expect(await drawn(page)).toEqual(await asOf("holdsAt=2024-12-31"));

    const knownAtEndOf2024 = await asOf("knownAt=2024-12-31");
    await page.keyboard.press("Control+z");
    await expect.poll(() => drawn(page)).toEqual(knownAtEndOf2024);
    await expect(page.getByTestId("time-date").inputValue()).resolves.toBe("2024-12-31");
    await expect(page.locator('.time-mode[data-mode="known"]').getAttribute("aria-pressed")).resolves.toBe("true");

    await page.keyboard.press("Control+z");
    await expect.poll(() => drawn(page)).toEqual(today);
    await expect(page.getByTestId("time-date").inputValue()).resolves.toBe("");

    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => drawn(page)).toEqual(knownAtEndOf2024);
    expect(pageProblems(page)).toEqual([]);
  });

  it("opens a link as known on its day", async () => {
    await page.waitForFunction(() => document.body.dataset.viewUrl === "current");
    const linked = await session.open(new URL(page.url()).hash);
    expect(await drawn(linked)).toEqual(await asOf("knownAt=2024-12-31"));
    await expect(linked.getByTestId("time-date").inputValue()).resolves.toBe("2024-12-31");
    expect(pageProblems(linked)).toEqual([]);
    await linked.close();
  });

  it("returns to today with the slider's End key, every node back where it was", async () => {
    await page.getByTestId("time-slider").focus();
    await page.keyboard.press("End");
    await page.waitForFunction(() =>
      /^Back to today/.test(document.querySelector("[data-testid=status-text]")?.textContent ?? ""),
    );
    expect(await drawn(page)).toEqual(today);
    await expect(page.getByTestId("time-now").isDisabled()).resolves.toBe(true);
    await expect(statusText(page)).resolves.toContain(`brought back ${today.nodes.length - knownNodes} nodes`);
    await page.waitForFunction(() => document.body.dataset.viewUrl === "current");
    expect((await decodeViewState(new URL(page.url()).hash)).knownAt).toBeUndefined();
    expect(pageProblems(page)).toEqual([]);
  });
});
