/**
 * A panel along the canvas' left edge (what changed, paths) covers nothing else that floats there:
 * the legend steps aside while one is open and comes back as it was (folded or not) after; the status
 * line sits in the free part of the canvas' foot, clear of the panel, the legend and the minimap; the
 * panel opens under the time bar; one
 * left-hand panel is open at a time; with the Sources sheet and the details panel both open, the
 * "Added …" line sits in the canvas between them, above the overview map, covering neither. Checked
 * on the boxes the browser lays out, at 1366×768 and 1920×1080, and on the widest box the status line
 * may take, whatever its message.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import type { Article, ArticleHighlight } from "../../contract/article-endpoints";
import { useAppInBrowser } from "../support/app-in-browser";
import { elementPosition, pageProblems, startFrom } from "../support/browser";

const SHOTS = process.env.LAYOUT_SHOTS ?? join(tmpdir(), "left-panel-shots");
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const session = useAppInBrowser();
const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

async function open(size: { width: number; height: number }): Promise<Page> {
  const page = await session.open();
  opened.push(page);
  await page.setViewportSize(size);
  await page.evaluate(() => window.cy.resize());
  return page;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The laid-out boxes of what floats over the canvas; null for what is not shown. */
function boxes(page: Page, panel: string) {
  return page.evaluate((panelTestId) => {
    const box = (selector: string): Box | null => {
      const element = document.querySelector<HTMLElement>(selector);
      if (!element || element.hidden) return null;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return null;
      return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    };
    return {
      panel: box(`[data-testid="${panelTestId}"]`),
      legend: box('[data-testid="legend"]'),
      status: box('[data-testid="status"]'),
      minimap: box(".minimap"),
      timeBar: box(".time-bar"),
      canvas: box('[data-testid="canvas"]'),
      details: box('[data-testid="details-panel"]'),
      sources: box('[data-testid="sources-view"]'),
    };
  }, panel);
}

const overlap = (a: Box | null, b: Box | null): boolean =>
  a !== null && b !== null && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Every pair of the panel, the legend, the status line, the minimap and the time bar lies apart. */
function overlaps(shown: Awaited<ReturnType<typeof boxes>>): string[] {
  const names = ["panel", "legend", "status", "minimap", "timeBar"] as const;
  const found: string[] = [];
  for (const [index, a] of names.entries())
    for (const b of names.slice(index + 1)) if (overlap(shown[a], shown[b])) found.push(`${a} × ${b}`);
  return found;
}

/**
 * Where the status line reaches at its widest, whatever it says: a copy of it, laid out by the same
 * rules with a message longer than any the page gives, measured and taken away.
 */
const widestStatus = (page: Page) =>
  page.evaluate(() => {
    const status = document.querySelector<HTMLElement>('[data-testid="status"]') as HTMLElement;
    const copy = status.cloneNode(false) as HTMLElement;
    copy.removeAttribute("id");
    copy.removeAttribute("data-testid");
    copy.removeAttribute("aria-live");
    copy.removeAttribute("role");
    copy.textContent = "a long message ".repeat(40);
    status.after(copy);
    const rect = copy.getBoundingClientRect();
    copy.remove();
    return { left: rect.left, right: rect.right };
  });

const legendOpen = (page: Page) => page.locator('[data-testid="legend"] .legend-toggle').getAttribute("aria-expanded");

describe("the left-hand panels, the legend and the status line", () => {
  for (const size of SIZES) {
    it(`what changed at ${size.width}×${size.height}: the legend steps aside and comes back folded as it was; the status line stays clear`, async () => {
      const page = await open(size);
      // The analyst had folded the legend: it comes back folded.
      await page.locator('[data-testid="legend"] .legend-toggle').click();
      await poll(() => legendOpen(page)).toBe("false");

      await page.getByTestId("timeline-toggle").click();
      await page.getByTestId("timeline-strip").waitFor();
      await page.getByTestId("timeline-compare").click();
      await poll(() => page.getByTestId("changes-panel").isVisible()).toBe(true);
      await poll(() => page.getByTestId("legend").isVisible()).toBe(false);

      // A day picked on the strip with the keyboard: the timeline's message, the longest kind.
      await page.getByTestId("timeline-track").focus();
      await page.keyboard.press("Home");
      await poll(() => page.getByTestId("status").innerText()).toMatch(/^Timeline: /);
      const shown = await boxes(page, "changes-panel");
      expect(shown.panel).not.toBeNull();
      expect(shown.status).not.toBeNull();
      expect(shown.minimap).not.toBeNull();
      expect(overlaps(shown)).toEqual([]);
      // The line keeps to the canvas, right of the panel.
      expect(shown.status?.left).toBeGreaterThanOrEqual((shown.panel?.right ?? 0) + 4);
      // However long the message grows, the line's widest box stays between the panel and the minimap.
      const widest = await widestStatus(page);
      expect(widest.left).toBeGreaterThanOrEqual((shown.panel?.right ?? 0) + 4);
      expect(widest.right).toBeLessThanOrEqual((shown.minimap?.left ?? size.width) - 4);
      await page.screenshot({ path: join(SHOTS, `changes-${size.width}x${size.height}.png`) });

      await page.getByTestId("changes-close").click();
      await poll(() => page.getByTestId("legend").isVisible()).toBe(true);
      expect(await legendOpen(page)).toBe("false");
      expect(overlaps(await boxes(page, "changes-panel"))).toEqual([]);
      expect(pageProblems(page)).toEqual([]);
    });

    it(`paths at ${size.width}×${size.height}: the legend steps aside and comes back open; the status line stays clear`, async () => {
      const page = await open(size);
      await poll(() => legendOpen(page)).toBe("true");
      const id = await page.evaluate(() => window.cy.nodes(":visible").first().id());
      const { x, y } = await elementPosition(page, id);
      await page.mouse.click(x, y, { button: "right" });
      await page.getByTestId("menu-find-paths").click();
      await poll(() => page.getByTestId("path-panel").isVisible()).toBe(true);
      await poll(() => page.getByTestId("legend").isVisible()).toBe(false);
      await poll(() => page.getByTestId("status").isVisible()).toBe(true);
      const shown = await boxes(page, "path-panel");
      expect(overlaps(shown)).toEqual([]);
      expect(shown.status?.left).toBeGreaterThanOrEqual((shown.panel?.right ?? 0) + 4);
      const widest = await widestStatus(page);
      expect(widest.left).toBeGreaterThanOrEqual((shown.panel?.right ?? 0) + 4);
      expect(widest.right).toBeLessThanOrEqual((shown.minimap?.left ?? size.width) - 4);
      await page.screenshot({ path: join(SHOTS, `paths-${size.width}x${size.height}.png`) });

      await page.keyboard.press("Escape");
      await poll(() => page.getByTestId("path-panel").isVisible()).toBe(false);
      await poll(() => page.getByTestId("legend").isVisible()).toBe(true);
      expect(await legendOpen(page)).toBe("true");
      expect(pageProblems(page)).toEqual([]);
    });
  }

  for (const size of SIZES) {
    it(`Sources and the details panel at ${size.width}×${size.height}: the "Added …" line sits between them, above the overview map`, async () => {
      const page = await open(size);
      await page.getByTestId("sources-button").click();
      const seed = "bytedance-huawei-ascend-fr-2024";
      await page.locator(`[data-testid="sources-open"][data-article-id="${seed}"]`).click();
      await page.getByTestId("article-text").waitFor();
      const article: Article = await page.evaluate(
        async (id) => (await fetch(`/api/articles/${encodeURIComponent(id)}`)).json(),
        seed,
      );
      const ordered = article.highlights.find((highlight) => highlight.predicate === "ORDERED") as ArticleHighlight;
      // Only the subject is drawn: the click adds the relationship and its other end, and says so.
      await startFrom(page, [ordered.subjectId]);
      await page.locator(`[data-testid="highlight"][data-claim-ids="${ordered.claimId}"]`).first().click();
      await poll(() => page.getByTestId("status").innerText()).toMatch(/^Added 1 node, 1 relationship/);
      await page.getByTestId("details-panel").getByTestId("claim-list").waitFor();

      for (const folded of [false, true]) {
        if (folded) {
          await page.locator(".minimap-toggle").click();
          await poll(() => page.locator(".minimap-toggle").getAttribute("aria-expanded")).toBe("false");
        }
        const shown = await boxes(page, "details-panel");
        const status = shown.status as Box;
        expect({
          details: overlap(status, shown.details),
          sources: overlap(status, shown.sources),
          minimap: overlap(status, shown.minimap),
          timeBar: overlap(status, shown.timeBar),
        }).toEqual({ details: false, sources: false, minimap: false, timeBar: false });
        // However long the message grows, it stays in the canvas between the sheet and the panel.
        const widest = await widestStatus(page);
        expect(widest.left).toBeGreaterThanOrEqual((shown.sources?.right ?? 0) + 4);
        expect(widest.right).toBeLessThanOrEqual((shown.details?.left ?? size.width) - 4);
        await page.screenshot({
          path: join(SHOTS, `sources-details${folded ? "-map-folded" : ""}-${size.width}x${size.height}.png`),
        });
      }
      await page.locator(".minimap-toggle").click();
      expect(pageProblems(page)).toEqual([]);
    });
  }

  it("opens one left-hand panel at a time: what changed closes the paths panel, and the paths close what changed", async () => {
    const page = await open(SIZES[0]);
    const id = await page.evaluate(() => window.cy.nodes(":visible").first().id());
    const { x, y } = await elementPosition(page, id);
    await page.mouse.click(x, y, { button: "right" });
    await page.getByTestId("menu-find-paths").click();
    await poll(() => page.getByTestId("path-panel").isVisible()).toBe(true);

    await page.getByTestId("timeline-toggle").click();
    await page.getByTestId("timeline-compare").click();
    await poll(() => page.getByTestId("changes-panel").isVisible()).toBe(true);
    await poll(() => page.getByTestId("path-panel").isVisible()).toBe(false);
    // The paths' status message went with their panel.
    await poll(() => page.getByTestId("status").innerText()).not.toMatch(/^Paths from/);

    const again = await elementPosition(page, id);
    await page.mouse.click(again.x, again.y, { button: "right" });
    await page.getByTestId("menu-find-paths").click();
    await poll(() => page.getByTestId("path-panel").isVisible()).toBe(true);
    await poll(() => page.getByTestId("changes-panel").isVisible()).toBe(false);
    expect(overlaps(await boxes(page, "path-panel"))).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });
});
