/**
 * From opening the app to a committed article without the mouse (#23 item 3), in Chromium on a
 * private Neo4j (port 7702) holding the seed: Tab reaches Sources, Enter opens it, Tab reaches New
 * article, the form is filled by typing and Tab, Enter proposes; the first proposal takes the
 * focus; a accepts, e opens the editor and Escape cancels it (the workspace stays open), r rejects;
 * Escape closes the workspace (focus back on New article) and Enter reopens it on the review;
 * Shift+Tab reaches Commit, Enter commits and the report takes the focus; Show on the canvas
 * closes the workspace, and Escape then closes Sources with the focus back on its button. Every
 * stop shows a visible focus ring, and the focus never lands on the page's body or behind the
 * workspace (what it covers is inert). The walk runs at 1920×1080 and at 1366×768; where the top
 * bar folds Sources into "More", Tab reaches More, Enter opens it with the focus inside and Tab
 * reaches Sources. Screenshots at 1366×768 and 1920×1080 go to KEYBOARD_SHOTS_DIR when set.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { pageProblems } from "../support/browser";
import { openWithToken, shootBothSizes } from "../support/review-cards";

/** FICTIONAL: an invented company (one per window size: each run commits its own article), written for this test. */
const article = (company: string) =>
  `Fictional ${company} sources its chips from Huawei. Fictional ${company} is based in China. This article is fictional, written for a test.`;
const shotsDir = process.env.KEYBOARD_SHOTS_DIR;

const TOKEN = "keyboard-commit-token";
const session = useAppInBrowser({
  privateNeo4j: { name: "keyboard-commit", boltPort: 7702 },
  env: { APP_TOKEN: TOKEN, WRITE_TOKEN: "", RATE_LIMIT_MAX: "100000" },
});

interface Focus {
  /** Test id, else id, else tag and name. */
  id: string;
  status: string | null;
  visible: boolean;
  /** Inside the article workspace. */
  inIntake: boolean;
}

function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { id: "body", status: null, visible: false, inIntake: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none" && style.boxShadow !== "";
    return {
      id:
        element.dataset.testid ||
        element.id ||
        `${element.tagName.toLowerCase()}:${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40)}`,
      status: element.dataset.status ?? null,
      visible: outline || ring,
      inIntake: element.closest('[data-testid="intake"]') !== null,
    };
  });
}

/** Presses `key` until `wanted` holds, checking every stop shows its focus (and, with `inIntake`, stays in the workspace). */
async function press(
  page: Page,
  key: "Tab" | "Shift+Tab",
  wanted: (focus: Focus) => boolean,
  options: { inIntake?: boolean; limit?: number } = {},
): Promise<Focus> {
  const stops: string[] = [];
  for (let step = 0; step < (options.limit ?? 60); step += 1) {
    await page.keyboard.press(key);
    const now = await focused(page);
    stops.push(now.id);
    expect(now.visible, `focus visible on ${now.id} (after ${stops.join(" → ")})`).toBe(true);
    if (options.inIntake) expect(now.inIntake, `focus stays in the workspace: ${now.id}`).toBe(true);
    if (wanted(now)) return now;
  }
  throw new Error(`${key} never reached what was wanted: ${stops.join(" → ")}`);
}
const is = (id: string) => (focus: Focus) => focus.id === id;

/**
 * Tab to Sources and Enter. In a window too narrow for the whole top bar (1366×768) Sources may sit
 * in "More": Tab reaches More first, Enter opens it with the focus inside, Tab reaches Sources.
 */
async function openSources(page: Page): Promise<void> {
  const reached = await press(page, "Tab", (focus) => focus.id === "sources-button" || focus.id === "topbar-more");
  if (reached.id === "topbar-more") {
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("topbar-overflow").isVisible()).toBe(true);
    const inMenu = await page.evaluate(
      () => document.getElementById("topbar-overflow")?.contains(document.activeElement) ?? false,
    );
    expect(inMenu, "More opens with the focus on its first control").toBe(true);
    if ((await focused(page)).id !== "sources-button") await press(page, "Tab", is("sources-button"), { limit: 20 });
  }
  await page.keyboard.press("Enter");
}

describe("an article committed with the keyboard only", () => {
  it.each([
    { width: 1920, height: 1080, company: "Orrin Microsystems" },
    { width: 1366, height: 768, company: "Tessaly Optics" },
  ])(
    "opens Sources, pastes, reviews and commits an article without the mouse at $width×$height",
    async ({ width, height, company }) => {
      const ARTICLE = article(company);
      const page = await openWithToken(session.browser, session.app.baseUrl, TOKEN, { width, height });
      await openSources(page);
      // The list of articles takes the focus (its filter); New article is in the view's header, before it.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="sources-content"]') !== null))
        .toBe(true);
      await press(page, "Shift+Tab", is("new-article"));
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await focused(page)).id).toBe("intake-text");

      await page.keyboard.type(ARTICLE);
      await press(page, "Tab", is("intake-title"), { inIntake: true });
      await page.keyboard.type(`Fictional: ${company} buys chips from Huawei`);
      await press(page, "Tab", is("intake-outlet"), { inIntake: true });
      // One outlet per run: an outlet the graph knows already brings its own grade (the grade field is skipped).
      await page.keyboard.type(`Fictional ${company} Courier`);
      await press(page, "Tab", is("intake-grade"), { inIntake: true });
      await page.keyboard.press("ArrowUp"); // E: unreliable, from F
      await press(page, "Tab", is("intake-published"), { inIntake: true });
      await page.keyboard.type("2025-09-30");
      await press(page, "Tab", is("intake-language"), { inIntake: true });
      await page.keyboard.press("End"); // English
      await shootBothSizes(page, shotsDir, `keyboard-commit-form-${width}`);
      await press(page, "Tab", is("intake-propose"), { inIntake: true });
      await page.keyboard.press("Enter");

      // The proposals come; the first takes the focus.
      await expect.poll(async () => (await focused(page)).id, { timeout: 30_000 }).toBe("intake-item");
      expect((await focused(page)).visible).toBe(true);
      const first = page.locator('[data-testid="intake-item"]:focus');
      const firstId = await first.getAttribute("data-item");
      const card = page.locator(`[data-testid="intake-item"][data-item="${firstId}"]`);
      await page.keyboard.press("a");
      await expect.poll(() => card.getAttribute("data-status")).toBe("accepted");

      // e opens the editor on the subject; Escape cancels it, the focus back on the card, the workspace open.
      await page.keyboard.press("e");
      await expect.poll(async () => (await focused(page)).id).toBe(`intake-${firstId}-subject`);
      await shootBothSizes(page, shotsDir, `keyboard-commit-editor-${width}`);
      await page.keyboard.press("Escape");
      await expect.poll(() => card.locator("form").count()).toBe(0);
      await expect.poll(async () => (await focused(page)).id).toBe("intake-item");
      expect(await page.getByTestId("intake").isVisible()).toBe(true);

      // e again: an English rendering, Save and accept.
      await page.keyboard.press("e");
      await press(page, "Tab", is(`intake-${firstId}-english`), { inIntake: true });
      await page.keyboard.type(`${company} buys its chips from Huawei (fictional).`);
      await press(page, "Tab", (focus) => focus.id.startsWith("button:Save and accept"), { inIntake: true });
      await page.keyboard.press("Enter");
      await expect.poll(() => card.textContent()).toContain(`EN: ${company} buys its chips from Huawei (fictional).`);
      expect(await card.getAttribute("data-status")).toBe("accepted");

      // r rejects every other proposal, reached with Tab.
      const pending = page.locator('[data-testid="intake-item"][data-status="pending"]');
      for (let left = await pending.count(); left > 0; left -= 1) {
        await press(page, "Tab", (focus) => focus.id === "intake-item" && focus.status === "pending", {
          inIntake: true,
        });
        await page.keyboard.press("r");
        await expect.poll(() => pending.count()).toBe(left - 1);
      }

      // Escape closes the workspace (focus on New article); Enter reopens it on the review.
      await page.keyboard.press("Escape");
      await expect.poll(() => page.getByTestId("intake").isHidden()).toBe(true);
      await expect.poll(async () => (await focused(page)).id).toBe("new-article");
      expect((await focused(page)).visible).toBe(true);
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await focused(page)).inIntake).toBe(true);

      await expect
        .poll(() => page.getByTestId("intake-save").textContent(), { timeout: 10_000 })
        .toMatch(/Draft saved/);
      const commit = await focused(page);
      await press(page, commit.id === "intake-item" ? "Shift+Tab" : "Tab", is("intake-commit"), { inIntake: true });
      expect(await page.getByTestId("intake-commit").textContent()).toBe("Commit 1 claim");
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await focused(page)).id, { timeout: 30_000 }).toBe("intake-report-heading");
      expect(await page.locator("#intake-report-heading").textContent()).toBe("Committed");
      await shootBothSizes(page, shotsDir, `keyboard-commit-report-${width}`);
      await press(page, "Tab", is("intake-show-canvas"), { inIntake: true });
      await page.keyboard.press("Enter");
      await expect.poll(() => page.getByTestId("intake").isHidden()).toBe(true);
      await expect.poll(async () => (await focused(page)).id).toBe("new-article");

      // The committed relationship is selected on the canvas.
      await expect
        .poll(() =>
          page.evaluate(() =>
            window.cy.edges(":selected").map((edge) => `${edge.source().data("caption")} ${edge.data("type")}`),
          ),
        )
        .toEqual([expect.stringMatching(new RegExp(`^Fictional ${company} (SOURCES_FROM|BASED_IN)$`))]);
      // It and its ends are fitted into the column the Sources sheet and the details panel leave
      // (the panel, opened by the selection, narrows the sheet and widens the canvas in that step).
      const placement = () =>
        page.evaluate(() => {
          const sheet = (document.getElementById("sources") as HTMLElement).getBoundingClientRect();
          const details = (document.getElementById("details-panel") as HTMLElement).getBoundingClientRect();
          const canvas = (window.cy.container() as HTMLElement).getBoundingClientRect();
          const committed = window.cy.edges(":selected");
          const box = committed.union(committed.connectedNodes()).renderedBoundingBox({});
          const [left, right] = [canvas.left + box.x1, canvas.left + box.x2];
          const width = details.left - sheet.right;
          return {
            inside: left >= sheet.right && right <= details.left,
            offCentre: Math.abs((left + right) / 2 - (sheet.right + details.left) / 2) / width <= 0.06,
          };
        });
      await expect.poll(placement).toEqual({ inside: true, offCentre: true });

      // Escape closes Sources, the focus back on its button.
      await page.keyboard.press("Escape");
      await expect.poll(() => page.evaluate(() => document.body.dataset.sources)).toBe("closed");
      await expect.poll(async () => (await focused(page)).id).toBe("sources-button");
      expect((await focused(page)).visible).toBe(true);
      expect(pageProblems(page)).toEqual([]);
      await page.close();
    },
  );
});
