/**
 * The pictures of the README and the guides in docs/: where each goes, on which graph, and the steps
 * an analyst takes to get there. `npm run screenshot` (scripts/screenshot.ts) takes them; the unit
 * test tests/unit/docs-images.test.ts holds the docs and this list to each other.
 */
import type { Page } from "playwright-core";

/**
 * The graph a picture is taken on: `seed`, the project's own database (the seed article); `story`,
 * a private Neo4j holding the seed and the fictional story of tests/fixtures/story, where the
 * timeline has months to show and an article may be reviewed without touching the project's data.
 */
export type Scene = "seed" | "story";

/** One picture: docs/images/<name>.png, at this window size, after these steps. */
export interface Shot {
  name: string;
  scene: Scene;
  width: number;
  height: number;
  take(page: Page): Promise<void>;
}

/** What most pictures are: the 1366×768 window of a small laptop, on the seed graph. */
const LAPTOP = { scene: "seed", width: 1366, height: 768 } as const;

/** The page coordinates of a node (by id) or of the middle of the first edge matching a selector. */
async function pointOf(page: Page, target: { node: string } | { edge: string }): Promise<{ x: number; y: number }> {
  return page.evaluate((wanted) => {
    const cy = window.cy;
    const element = "node" in wanted ? cy.getElementById(wanted.node) : cy.edges(wanted.edge).first();
    const box = cy.container()?.getBoundingClientRect();
    const at = element.isNode() ? element.renderedPosition() : element.renderedMidpoint();
    return { x: (box?.left ?? 0) + at.x, y: (box?.top ?? 0) + at.y };
  }, target);
}

/** Clicks a top bar control, through "More" when the window is too narrow for it to be in the bar. */
async function clickTool(page: Page, testId: string): Promise<void> {
  const tool = page.getByTestId(testId);
  if (!(await tool.isVisible())) await page.getByTestId("topbar-more").click();
  await tool.click();
}

async function settle(page: Page): Promise<void> {
  // Layout animations and the status toast: what a person sees a moment after the step.
  await page.waitForTimeout(700);
}

/** A top bar tool opened, once what it shows is there: a panel, a menu. */
function toolOpen(name: string, tool: string, shown: string): Shot {
  return {
    ...LAPTOP,
    name,
    async take(page) {
      await clickTool(page, tool);
      await page.getByTestId(shown).first().waitFor();
      await settle(page);
    },
  };
}

/** The canvas with the ByteDance → Huawei relationship open in the details panel. */
function relationshipOpen(name: string, width: number, height: number): Shot {
  return {
    name,
    scene: "seed",
    width,
    height,
    async take(page) {
      const point = await pointOf(page, { edge: '[type = "SOURCES_FROM"]' });
      await page.mouse.click(point.x, point.y);
      await page.getByTestId("evidence-fr").waitFor();
      // Fit again around the open panel, so no node hides under it.
      await page.getByTestId("fit-button").click();
      await settle(page);
    },
  };
}

/** Waits until a layout has placed every node: their positions the same twice, 300 ms apart. */
async function nodesStill(page: Page): Promise<void> {
  const positions = () => page.evaluate(() => JSON.stringify(window.cy.nodes().map((node) => node.position())));
  let before = await positions();
  for (let tries = 0; tries < 100; tries++) {
    await page.waitForTimeout(300);
    const now = await positions();
    if (now === before) return;
    before = now;
  }
  throw new Error("the layout did not come to rest in 30 s");
}

/** The x of the timeline strip's mark for the articles of a day. */
async function dayX(page: Page, day: string): Promise<number> {
  const box = await page.locator(`[data-testid="timeline-article"][data-day="${day}"]`).first().boundingBox();
  if (!box) throw new Error(`the timeline strip shows no article on ${day}`);
  return box.x + box.width / 2;
}

/** Steps of its own: a picture no other one resembles. */
function steps(name: string, scene: Scene, take: (page: Page) => Promise<void>): Shot {
  return {
    ...LAPTOP,
    name,
    scene,
    async take(page) {
      await take(page);
      await settle(page);
    },
  };
}

/**
 * FICTIONAL, written for the user guide's picture: invented companies, product and outlet, in French,
 * with cue words the review highlights ("selon", "aurait", "d'après", a denial) and one name the
 * graph knows (Huawei).
 */
export const REVIEW_ARTICLE = {
  title: "Fictif : Corvane Robotique commande ses puces à Huawei",
  outlet: "La Vigie fictive",
  published: "2025-03-14",
  text: [
    "Selon des sources industrielles, le groupe chinois Corvane Robotique aurait commandé 40 000 puces Kestrel 3 au fabricant Huawei cette année.",
    "Corvane Robotique a déjà reçu 8 000 puces.",
    "D'après deux personnes proches du dossier, Corvane Robotique s'approvisionne en capteurs auprès de Lumex Optique.",
    "Un porte-parole de Lumex a démenti.",
    "Corvane Robotique et Huawei collaborent pour développer un bras robotisé.",
  ].join(" "),
};

export const SHOTS: readonly Shot[] = [
  relationshipOpen("explore", 1920, 1080),
  relationshipOpen("explore-1366", 1366, 768),
  steps("legend-filter", "seed", async (page) => {
    await page.locator('[data-testid="legend-certainty"] button[data-certainty="confirmed"]').click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="legend-certainty"] button[data-certainty="confirmed"]')
          ?.getAttribute("aria-pressed") === "false",
    );
  }),
  steps("paths", "seed", async (page) => {
    const from = await pointOf(page, { node: "bytedance" });
    await page.mouse.click(from.x, from.y, { button: "right" });
    await page.getByTestId("menu-find-paths").click();
    const to = await pointOf(page, { node: "a100" });
    await page.mouse.click(to.x, to.y);
    await page.getByTestId("path-find").click();
    await page.getByTestId("path-item").first().waitFor();
  }),
  steps("workbench", "seed", async (page) => {
    await page.getByTestId("workbench-toggle").click();
    await page.getByTestId("cypher-editor").waitFor();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByTestId("result-table").waitFor({ timeout: 15_000 });
  }),
  steps("sources", "seed", async (page) => {
    await page.getByTestId("sources-button").click();
    await page.getByTestId("sources-open").first().click();
    await page.getByTestId("highlight").first().waitFor();
  }),
  steps("search", "seed", async (page) => {
    await page.getByTestId("search-input").click();
    await page.keyboard.type("huawie");
    await page.getByTestId("search-hit").first().waitFor();
  }),
  steps("layout-hierarchical", "seed", async (page) => {
    await page.getByTestId("layout-picker").selectOption("dagre");
    await page
      .getByTestId("status")
      .filter({ hasText: /layout/i })
      .waitFor();
  }),
  toolOpen("views", "views-button", "views-panel"),
  toolOpen("relationship-types", "vocabulary-button", "vocabulary-item"),
  toolOpen("export-menu", "export-button", "export-menu"),
  steps("timeline", "story", async (page) => {
    await page.getByTestId("timeline-toggle").click();
    await page.getByTestId("timeline-article").first().waitFor();
    // Brush the story's second year with the mouse: from between its autumn 2021 and February 2022
    // articles to just past its last one, where its sources corroborate, contest and deny.
    const from = (await dayX(page, "2021-09-15")) / 2 + (await dayX(page, "2022-02-10")) / 2;
    const to = (await dayX(page, "2022-12-05")) + 6;
    const track = await page.getByTestId("timeline-track").boundingBox();
    if (!track) throw new Error("the timeline strip has no track");
    const y = track.y + track.height / 2;
    const before = page.url();
    await page.mouse.move(from, y);
    await page.mouse.down();
    await page.mouse.move(to, y, { steps: 12 });
    await page.mouse.up();
    // The range is the view's once the canvas shows its end and the link names it.
    await page.waitForFunction((url) => location.href !== url && document.body.dataset.viewUrl === "current", before);
    await page.waitForFunction(() => document.body.dataset.graphState === "ready");
    await page.getByTestId("timeline-compare").click();
    await page.getByTestId("change-item").first().waitFor({ timeout: 20_000 });
    // Lay the story's graph out again in what the panel leaves (it kept the whole graph's places).
    await page.getByTestId("relayout-button").click();
    await nodesStill(page);
  }),
  steps("article-review", "story", async (page) => {
    await page.getByTestId("sources-button").click();
    await page.getByTestId("new-article").click();
    await page.getByTestId("intake-text").fill(REVIEW_ARTICLE.text);
    await page.getByTestId("intake-title").fill(REVIEW_ARTICLE.title);
    await page.getByTestId("intake-outlet").fill(REVIEW_ARTICLE.outlet);
    await page.getByTestId("intake-grade").selectOption("B");
    await page.getByTestId("intake-published").fill(REVIEW_ARTICLE.published);
    await page.getByTestId("intake-propose").click();
    await page.getByTestId("intake-review").waitFor();
    await page.getByTestId("intake-item").nth(2).waitFor({ timeout: 20_000 });
    // With the keyboard, as the guide says: the order accepted, the citation of "sources" rejected.
    for (const [claim, key, status] of [
      ["ORDERED", "a", "accepted"],
      ["CITES", "r", "rejected"],
    ] as const) {
      const item = page.locator(`[data-testid="intake-item"][aria-label*="${claim}"]`).first();
      await item.focus();
      await page.keyboard.press(key);
      await page.locator(`[data-testid="intake-item"][data-status="${status}"]`).first().waitFor();
    }
    await page.getByTestId("intake-save").filter({ hasText: "Draft saved" }).waitFor();
    // The review from its top, as it opens: the entities, then the first sentence's claims.
    await page
      .getByTestId("intake-item")
      .first()
      .evaluate((item) => {
        (document.activeElement as HTMLElement | null)?.blur();
        for (let box = item.parentElement; box; box = box.parentElement) box.scrollTop = 0;
      });
  }),
];
