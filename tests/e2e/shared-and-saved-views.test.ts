import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeViewState } from "../../client/src/explorer/view-url";
import type { ViewState } from "../../contract/graph-contract";
import { clickElement, edgeId, launchBrowser, openApp, pageProblems, useTopbarTool } from "../support/browser";
import { type RunningApp, startTestApp } from "../support/test-app";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A fresh browser context (no storage, no history) on a URL, once the app has drawn its first view. */
async function openFresh(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.graphState === "ready", undefined, { timeout: 30_000 });
  return page;
}

/** Waits until the URL holds the view shown, and returns it. */
async function sharedUrl(page: Page): Promise<string> {
  await page.waitForFunction(() => document.body.dataset.viewUrl === "current" && location.hash.startsWith("#view="));
  return page.url();
}

interface Picture {
  nodes: Array<{ id: string; x: number; y: number; pinned: boolean; visible: boolean }>;
  edges: string[];
  zoom: number;
  pan: { x: number; y: number };
}

const picture = (page: Page): Promise<Picture> =>
  page.evaluate(() => {
    const cy = window.cy;
    return {
      nodes: cy
        .nodes()
        .map((node) => ({
          id: node.id(),
          ...node.position(),
          pinned: node.hasClass("pinned"),
          // style() applies a style change not drawn yet; visible() alone may answer from before it.
          visible: node.style("display") !== "none" && node.visible(),
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      edges: cy
        .edges()
        .map((edge) => edge.id())
        .sort(),
      zoom: cy.zoom(),
      pan: { ...cy.pan() },
    };
  });

const nodeIds = async (page: Page) => (await picture(page)).nodes.map((node) => node.id);

describe("views that last and travel, in Chromium", () => {
  it("reopens a shared URL in a fresh browser with the same nodes, positions, pins and filters", async () => {
    const sender = await openApp(browser, app.baseUrl);
    // Change the view the way an analyst does: drag a node (it gets pinned), hide one, filter a label.
    const from = await sender.evaluate(() => {
      const node = window.cy.getElementById("a100");
      const box = window.cy.container()?.getBoundingClientRect();
      const point = node.renderedPosition();
      return { x: (box?.left ?? 0) + point.x, y: (box?.top ?? 0) + point.y };
    });
    await sender.mouse.move(from.x, from.y);
    await sender.mouse.down();
    await sender.mouse.move(from.x + 60, from.y + 40, { steps: 8 });
    await sender.mouse.up();
    // Input reaches the page's handlers after Playwright's calls resolve: wait for each step's state.
    await expect.poll(async () => (await picture(sender)).nodes.find((node) => node.id === "a100")?.pinned).toBe(true);
    await clickElement(sender, "x-corp");
    await sender.keyboard.press("Delete");
    await expect.poll(async () => (await picture(sender)).nodes.map((node) => node.id)).not.toContain("x-corp");
    await sender.locator('[data-testid="legend-labels"] button[data-label="Source"]').click();
    await expect
      .poll(async () => (await picture(sender)).nodes.filter((node) => !node.visible).length)
      .toBeGreaterThan(0);
    const sent = await picture(sender);
    const url = await sharedUrl(sender);

    const receiver = await openFresh(url);
    const received = await picture(receiver);
    expect(received.nodes.map((node) => node.id)).toEqual(sent.nodes.map((node) => node.id));
    expect(received.edges).toEqual(sent.edges);
    received.nodes.forEach((node, index) => {
      const original = sent.nodes[index];
      expect(Math.abs(node.x - (original?.x ?? Number.NaN))).toBeLessThanOrEqual(1);
      expect(Math.abs(node.y - (original?.y ?? Number.NaN))).toBeLessThanOrEqual(1);
      expect({ id: node.id, pinned: node.pinned, visible: node.visible }).toEqual({
        id: original?.id,
        pinned: original?.pinned,
        visible: original?.visible,
      });
    });
    expect(received.zoom).toBeCloseTo(sent.zoom, 3);
    expect(Math.abs(received.pan.x - sent.pan.x)).toBeLessThanOrEqual(1);
    await expect(
      receiver.locator('[data-testid="legend-labels"] button[data-label="Source"]').getAttribute("aria-pressed"),
    ).resolves.toBe("false");
    expect(pageProblems(sender)).toEqual([]);
    await sender.close();
    await receiver.context().close();
  });

  it("opens a shared link naming a node that no longer exists with a notice and the other nodes", async () => {
    const state: ViewState = {
      v: 1,
      nodes: [
        { id: "bytedance", x: -120, y: 0 },
        { id: "huawei", x: 120, y: 0 },
        { id: "e2e-deleted-meanwhile", x: 0, y: 150 },
      ],
      hiddenEdges: [],
      filters: { hiddenLabels: [], hiddenTypes: [], hiddenCertainties: [], source: null },
      layout: "fcose",
      selected: null,
    };
    const page = await openFresh(`${app.baseUrl}/#${await encodeViewState(state)}`);
    expect(await nodeIds(page)).toEqual(["bytedance", "huawei"]);
    const status = await page.getByTestId("status-text").innerText();
    expect(status).toContain("1 node of this view no longer exists: e2e-deleted-meanwhile");
    const positions = await page.evaluate(() =>
      window.cy.nodes().map((node) => ({ id: node.id(), ...node.position() })),
    );
    expect(positions).toEqual(
      expect.arrayContaining([
        { id: "bytedance", x: -120, y: 0 },
        { id: "huawei", x: 120, y: 0 },
      ]),
    );
    await page.context().close();
  });

  it("falls back to the whole graph with a clear message for a damaged link", async () => {
    const page = await openFresh(`${app.baseUrl}/#view=1.not-a-real-view`);
    const whole = await fetch(`${app.baseUrl}/api/graph`).then(
      (response) => response.json() as Promise<{ nodes: unknown[] }>,
    );
    expect((await nodeIds(page)).length).toBe(whole.nodes.length);
    await expect(page.getByTestId("status-text").innerText()).resolves.toMatch(
      /could not be opened\. The link is damaged or cut short.*Showing the whole graph instead/,
    );
    await page.context().close();
  });

  it("saves a named view, opens it after the canvas changed, and deletes it", async () => {
    const name = `e2e saved view ${Date.now()}`;
    const page = await openApp(browser, app.baseUrl);
    await clickElement(page, "huawei");
    await page.keyboard.press("Delete");
    const saved = await nodeIds(page);

    await useTopbarTool(page, "views-button");
    await page.getByTestId("view-name").fill(name);
    await page.getByTestId("view-save").click();
    await page
      .getByTestId("status-text")
      .filter({ hasText: `Saved the view “${name}”` })
      .waitFor();
    const row = page.locator(`[data-testid="saved-views"] li[data-name="${name}"]`);
    await row.waitFor();

    // Saving the same name again asks before replacing.
    await page.getByTestId("view-name").fill(name);
    await page.getByTestId("view-save").click();
    await expect(page.getByTestId("view-save-note").innerText()).resolves.toContain("Replace overwrites it");
    await page.keyboard.press("Escape");

    await clickElement(page, "bytedance");
    await page.keyboard.press("Delete");
    await clickElement(page, "nvidia");
    await page.keyboard.press("Delete");
    await expect.poll(() => nodeIds(page)).toHaveLength(saved.length - 2);

    await useTopbarTool(page, "views-button");
    await row.getByTestId("saved-view-open").click();
    await page
      .getByTestId("status-text")
      .filter({ hasText: `Opened the view “${name}”` })
      .waitFor();
    expect(await nodeIds(page)).toEqual(saved);

    await useTopbarTool(page, "views-button");
    await row.getByTestId("saved-view-delete").click();
    await row.getByTestId("saved-view-delete").click();
    await row.waitFor({ state: "detached" });
    const listed = await fetch(`${app.baseUrl}/api/views`).then(
      (response) => response.json() as Promise<{ views: Array<{ name: string }> }>,
    );
    expect(listed.views.map((view) => view.name)).not.toContain(name);
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });

  it("adds everything else Reuters claims from an edge's sources, and says how many", async () => {
    const { records } = await app.driver.executeQuery(
      "MATCH ()-[r]->() WHERE 'reuters' IN r.sources RETURN count(r) AS claims",
    );
    const claims = Number(records[0]?.get("claims"));
    expect(claims).toBeGreaterThan(1);
    const page = await openApp(browser, app.baseUrl);
    const edge = await edgeId(page, "bytedance", "SOURCES_FROM", "huawei");
    // Start from the one relationship, as after a search.
    await page.evaluate((keep) => {
      const cy = window.cy;
      const kept = cy.getElementById(keep);
      cy.elements().not(kept.union(kept.connectedNodes())).remove();
      cy.fit(undefined, 250);
    }, edge);
    await clickElement(page, edge);
    await page.locator('[data-testid="edge-sources"] [data-source-id="reuters"] [data-testid="source-claims"]').click();
    await page
      .getByTestId("status-text")
      .filter({ hasText: /makes \d+ claims/ })
      .waitFor();
    await expect(page.getByTestId("status-text").innerText()).resolves.toMatch(
      new RegExp(`^Reuters makes ${claims} claims: added ${claims - 1} relationships`, "i"),
    );
    const reutersEdges = await page.evaluate(
      () =>
        window.cy.edges().filter((candidate) => {
          const sources = candidate.data("props").sources;
          return Array.isArray(sources) && sources.includes("reuters");
        }).length,
    );
    expect(reutersEdges).toBe(claims);
    await page.keyboard.press("Control+z");
    await expect.poll(() => page.evaluate(() => window.cy.edges().length)).toBe(1);
    await page.close();
  });
});
