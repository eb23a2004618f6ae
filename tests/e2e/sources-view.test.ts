/**
 * The Sources view in Chromium, on the seed: opened from the top bar with the mouse, the seed
 * article read with its claims highlighted, a highlight selecting its relationship on the canvas
 * (adding it as one undoable step when it is not drawn), the panel's "Read in context" back to the
 * sentence, the keyboard path, and axe-core's WCAG 2.2 AA rules on the list and the article.
 * Screenshots at 1366×768 and 1920×1080 go to SOURCES_SHOTS_DIR when it is set.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Article, ArticleHighlight } from "../../contract/article-endpoints";
import { useAppInBrowser } from "../support/app-in-browser";
import { axeViolations } from "../support/axe";
import { pageProblems, startFrom, useTopbarTool } from "../support/browser";

const SEED_ID = "bytedance-huawei-ascend-fr-2024";
const shotsDir = process.env.SOURCES_SHOTS_DIR;

const session = useAppInBrowser();
let page: Page;
let article: Article;

/** axe-core's violations inside `selector`, as "rule: target" lines. */
async function shoot(target: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await target.setViewportSize({ width, height });
    // Cytoscape follows its container's new size on its next resize callback.
    await expect
      .poll(() => target.evaluate(() => window.cy.width() === (window.cy.container() as HTMLElement).clientWidth))
      .toBe(true);
    await target.screenshot({ path: join(shotsDir, `${name}-${width}x${height}.png`) });
  }
  await target.setViewportSize({ width: 1366, height: 768 });
}

const selectedEdges = (target: Page) => target.evaluate(() => window.cy.edges(":selected").map((edge) => edge.id()));

/** The one run of text that carries exactly this claim. */
const runOf = (target: Page, highlight: ArticleHighlight) =>
  target.locator(`[data-testid="highlight"][data-claim-ids="${highlight.claimId}"]`).first();

describe("the Sources view", () => {
  it("opens from the top bar with the mouse and lists the seed article, with no axe violation", async () => {
    page = await session.open();
    await page.setViewportSize({ width: 1366, height: 768 });
    const before = await page.evaluate(() => window.cy.elements().length);
    await page.getByTestId("sources-button").click();
    const row = page.locator(`[data-testid="sources-open"][data-article-id="${SEED_ID}"]`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toBe("ByteDance s'appuie sur Huawei pour du matériel optimisé pour l'IA");
    await expect(page.getByTestId("sources-toolbar").count()).resolves.toBe(1);
    await expect(page.evaluate(() => window.location.search)).resolves.toBe("?sources");
    // The canvas keeps what it drew, beside the view.
    expect(await page.evaluate(() => window.cy.elements().length)).toBe(before);
    expect(await axeViolations(page, "#sources")).toEqual([]);
    await shoot(page, "sources-list");

    // The filter narrows by any words of title, outlet, date or language.
    await page.getByTestId("sources-filter").click();
    await page.keyboard.type("nothing-matches-this");
    await expect.poll(() => row.count()).toBe(0);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("french huawei");
    await expect.poll(() => row.count()).toBe(1);
  });

  it("shows the seed article's text in French with every claim's sentence highlighted", async () => {
    await page.locator(`[data-testid="sources-open"][data-article-id="${SEED_ID}"]`).click();
    const text = page.getByTestId("article-text");
    await text.waitFor();
    await expect(text.getAttribute("lang")).resolves.toBe("fr");
    article = await page.evaluate(
      async (id) => (await fetch(`/api/articles/${encodeURIComponent(id)}`)).json(),
      SEED_ID,
    );
    // The article's text comes in after its frame: each check waits for the state it reads.
    await expect.poll(() => page.evaluate(() => window.location.search)).toBe(`?article=${SEED_ID}`);
    await expect.poll(() => page.getByTestId("no-text-notice").count()).toBe(article.text === null ? 1 : 0);
    // Every claim is somewhere in the text (shared sentences and overlapping quotes included).
    const marked = () =>
      page.evaluate(() =>
        [
          ...new Set(
            [...document.querySelectorAll<HTMLElement>('[data-testid="highlight"]')].flatMap((run) =>
              (run.dataset.claimIds ?? "").split(" "),
            ),
          ),
        ].sort(),
      );
    await expect.poll(marked).toEqual([...new Set(article.highlights.map((highlight) => highlight.claimId))].sort());
    // A sentence with several claims is one run naming them all.
    await expect.poll(() => page.locator('[data-testid="highlight"][data-count]').count()).toBeGreaterThan(0);
    expect(await axeViolations(page, "#sources")).toEqual([]);
    await shoot(page, "sources-article");
    // The dark theme too.
    await useTopbarTool(page, "theme-button");
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await axeViolations(page, "#sources")).toEqual([]);
    await shoot(page, "sources-article-dark");
    await useTopbarTool(page, "theme-button");
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).not.toBe("dark");
  });

  it("selects the relationship of a clicked highlight, adding it as one step that Ctrl+Z takes back", async () => {
    const ordered = article.highlights.find((highlight) => highlight.predicate === "ORDERED") as ArticleHighlight;
    // Only ByteDance is drawn: the ordered chips and the relationship come with the click.
    await startFrom(page, [ordered.subjectId]);
    expect(await page.evaluate((id) => window.cy.getElementById(id).empty(), ordered.relationshipId)).toBe(true);
    await runOf(page, ordered).click();
    await expect.poll(() => selectedEdges(page)).toEqual([ordered.relationshipId]);
    const panel = page.getByTestId("details-panel");
    await panel.getByTestId("claim-list").waitFor();
    await expect(panel.innerText()).resolves.toMatch(/ordered/i);
    await expect(page.locator(".highlight.is-marked").first().innerText()).resolves.toContain("100 000 puces");
    // Every sentence with a claim about the selected relationship is outlined.
    const related = article.highlights.filter((highlight) => highlight.relationshipId === ordered.relationshipId);
    const outlined = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".highlight.is-related")].flatMap((run) =>
        (run.dataset.claimIds ?? "").split(" "),
      ),
    );
    expect(related.every((highlight) => outlined.includes(highlight.claimId))).toBe(true);
    await shoot(page, "sources-selected");

    await page.keyboard.press("Control+z");
    await expect
      .poll(() => page.evaluate((id) => window.cy.getElementById(id).empty(), ordered.relationshipId))
      .toBe(true);
    await runOf(page, ordered).click();
    await expect.poll(() => selectedEdges(page)).toEqual([ordered.relationshipId]);
  });

  it("opens the article at a claim's sentence, marked, from the panel's Read in context", async () => {
    const ordered = article.highlights.find((highlight) => highlight.predicate === "ORDERED") as ArticleHighlight;
    await page.getByTestId("sources-back").click();
    await page.getByTestId("sources-table").waitFor();
    const claim = page.locator(`[data-testid="claim"][data-claim-id="${ordered.claimId}"]`);
    await claim.getByTestId("read-in-context").click();
    const markedRun = page.locator(".highlight.is-marked").first();
    await markedRun.waitFor();
    await expect(markedRun.getAttribute("data-claim-ids")).resolves.toBe(ordered.claimId);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("is-marked"))).toBe(true);
    // Scrolled into the view's visible part.
    const [run, content] = [await markedRun.boundingBox(), await page.getByTestId("sources-content").boundingBox()];
    expect(run && content && run.y >= content.y && run.y + run.height <= content.y + content.height).toBe(true);
  });

  it("reaches a highlight with Tab and selects its relationship with Enter", async () => {
    await page.getByTestId("sources-back").click();
    await page.locator(`[data-testid="sources-open"][data-article-id="${SEED_ID}"]`).click();
    await page.getByTestId("article-text").waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator(".sources-article-title").click();
    let ids = "";
    for (let presses = 0; presses < 10 && ids === ""; presses++) {
      await page.keyboard.press("Tab");
      ids = await page.evaluate(() =>
        document.activeElement?.getAttribute("data-testid") === "highlight"
          ? (document.activeElement.getAttribute("data-claim-ids") ?? "")
          : "",
      );
    }
    expect(ids).not.toBe("");
    await page.keyboard.press("Enter");
    const claimIds = ids.split(" ");
    if (claimIds.length > 1) {
      // Several claims on the sentence: a chooser, its first claim focused.
      await page.getByTestId("claim-chooser").waitFor();
      await page.keyboard.press("Enter");
    }
    const chosen = article.highlights.find((highlight) => highlight.claimId === claimIds[0]) as ArticleHighlight;
    await expect.poll(() => selectedEdges(page)).toEqual([chosen.relationshipId]);
    expect(pageProblems(page)).toEqual([]);
  });

  it("shows an article without its text as its claims' sentences in order, with a plain notice", async () => {
    // The server's answer for an article stored without text (see tests/integration/articles-api.test.ts).
    const bare = {
      ...article,
      hasText: false,
      text: null,
      highlights: article.highlights.map((highlight) => ({ ...highlight, start: null, end: null })),
    };
    await page.route(`**/api/articles/${SEED_ID}`, (route) => route.fulfill({ json: bare }));
    await page.getByTestId("sources-back").click();
    await page.locator(`[data-testid="sources-open"][data-article-id="${SEED_ID}"]`).click();
    await expect(page.getByTestId("no-text-notice").innerText()).resolves.toBe(
      "The full text of this article is not stored; its quoted sentences are shown.",
    );
    const sentences = [...new Set(article.highlights.map((highlight) => highlight.quote.replace(/\s+/g, " ")))];
    await expect(page.getByTestId("article-text").locator("p").allInnerTexts()).resolves.toEqual(sentences);
    const ordered = article.highlights.find((highlight) => highlight.predicate === "ORDERED") as ArticleHighlight;
    await page.locator(`[data-testid="highlight"][data-claim-ids~="${ordered.claimId}"]`).click();
    await expect.poll(() => selectedEdges(page)).toEqual([ordered.relationshipId]);
    expect(await axeViolations(page, "#sources")).toEqual([]);
    await shoot(page, "sources-no-text");
    await page.unroute(`**/api/articles/${SEED_ID}`);
  });

  it("closes with Escape, back to the same canvas and a URL without the article", async () => {
    const before = await page.evaluate(() =>
      window.cy
        .elements()
        .map((element) => element.id())
        .sort(),
    );
    await page.locator('[data-testid="highlight"]').first().focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("sources-view").isHidden()).toBe(true);
    await expect(page.evaluate(() => window.location.search)).resolves.toBe("");
    expect(
      await page.evaluate(() =>
        window.cy
          .elements()
          .map((element) => element.id())
          .sort(),
      ),
    ).toEqual(before);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("sources-button");

    // Opening narrows the canvas: the legend folds and the whole graph fits beside the sheet, every
    // node in the column and none under the legend; closing gives back the same view and legend.
    const view = () => page.evaluate(() => ({ pan: window.cy.pan(), zoom: window.cy.zoom() }));
    const legendOpen = () => page.locator(".legend-toggle").getAttribute("aria-expanded");
    // The last selection's centring animation ends first.
    await expect.poll(() => page.evaluate(() => window.cy.animated())).toBe(false);
    const closed = await view();
    expect(await legendOpen()).toBe("true");
    await page.getByTestId("sources-button").click();
    await page.getByTestId("sources-table").waitFor();
    expect(await legendOpen()).toBe("false");
    const outsideTheColumn = () =>
      page.evaluate(() => {
        if (window.cy.animated()) return ["(the camera is still moving)"];
        const sheet = (document.getElementById("sources") as HTMLElement).getBoundingClientRect();
        const legend = (document.querySelector('[data-testid="legend"]') as HTMLElement).getBoundingClientRect();
        const canvas = (window.cy.container() as HTMLElement).getBoundingClientRect();
        return window.cy
          .nodes()
          .filter((node) => {
            const box = node.renderedBoundingBox({ includeLabels: false });
            const [left, right, top, bottom] = [
              canvas.left + box.x1,
              canvas.left + box.x2,
              canvas.top + box.y1,
              canvas.top + box.y2,
            ];
            const underLegend =
              left < legend.right && right > legend.left && top < legend.bottom && bottom > legend.top;
            return (
              left < sheet.right || right > canvas.right || top < canvas.top || bottom > canvas.bottom || underLegend
            );
          })
          .map((node) => node.id());
      });
    await expect.poll(outsideTheColumn).toEqual([]);
    await page.getByTestId("sources-close").click();
    await expect.poll(() => page.getByTestId("sources-view").isHidden()).toBe(true);
    expect(await legendOpen()).toBe("true");
    const reopened = await view();
    expect(reopened.zoom).toBeCloseTo(closed.zoom, 6);
    expect(reopened.pan.x).toBeCloseTo(closed.pan.x, 6);
    expect(reopened.pan.y).toBeCloseTo(closed.pan.y, 6);

    // The Cypher drawer folds the legend too: it stays folded until the last of the two closes.
    await useTopbarTool(page, "workbench-toggle");
    await page.getByTestId("cypher-editor").waitFor();
    expect(await legendOpen()).toBe("false");
    await page.getByTestId("sources-button").click();
    await page.getByTestId("sources-table").waitFor();
    await useTopbarTool(page, "workbench-toggle");
    await expect.poll(() => page.getByTestId("cypher-editor").isVisible()).toBe(false);
    expect(await legendOpen()).toBe("false");
    await page.getByTestId("sources-close").click();
    await expect.poll(() => page.getByTestId("sources-view").isHidden()).toBe(true);
    expect(await legendOpen()).toBe("true");
  });

  it("puts the keyboard in the filter once the list arrives, unless the analyst has moved on meanwhile", async () => {
    await expect.poll(() => page.getByTestId("sources-view").isHidden()).toBe(true);
    // Opened and left alone: the filter has the focus once the list is drawn.
    await page.getByTestId("sources-button").click();
    await page.getByTestId("sources-table").waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("sources-filter");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("sources-view").isHidden()).toBe(true);

    // Opened, then the analyst goes to the search box before the list arrives: it stays there.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/api/articles", async (route) => {
      await held;
      await route.continue();
    });
    await page.getByTestId("sources-button").click();
    await page.getByText("Loading the articles…").waitFor();
    await page.locator("#search-input").click();
    release();
    await page.getByTestId("sources-table").waitFor();
    // The list's own focus would land in the same task as the table; a frame later it has had its chance.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const focused = () =>
      page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute("data-testid"));
    await expect(focused()).resolves.toBe("search-input");
    await page.unroute("**/api/articles");
  });
});
