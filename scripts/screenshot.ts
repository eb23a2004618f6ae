/**
 * `npm run screenshot`: every picture the README and the guides in docs/ show, retaken in headless
 * Chromium from the built client (npm run build) on the command's own server, so they stay current.
 * `-- NAME…` retakes only those.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { startPrivateApp } from "./browser/private-app";
import { CliError, runCli } from "./neo4j/cli-error";
import { projectRoot } from "./project-root";

const imagesDir = join(projectRoot, "docs", "images");

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

/** One picture: where it goes, what it shows (the guide's alt text says the same), how to get there. */
interface Shot {
  name: string;
  width: number;
  height: number;
  take(page: Page): Promise<void>;
}

const openRelationship = async (page: Page) => {
  const point = await pointOf(page, { edge: '[type = "SOURCES_FROM"]' });
  await page.mouse.click(point.x, point.y);
  await page.getByTestId("evidence-fr").waitFor();
  // Fit again around the open panel, so no node hides under it.
  await page.getByTestId("fit-button").click();
  await settle(page);
};

const SHOTS: Shot[] = [
  { name: "explore", width: 1600, height: 1000, take: openRelationship },
  { name: "explore-1366", width: 1366, height: 768, take: openRelationship },
  {
    name: "legend-filter",
    width: 1366,
    height: 768,
    async take(page) {
      await page.locator('[data-testid="legend-certainty"] button[data-certainty="confirmed"]').click();
      await page.waitForFunction(
        () =>
          document
            .querySelector('[data-testid="legend-certainty"] button[data-certainty="confirmed"]')
            ?.getAttribute("aria-pressed") === "false",
      );
      await settle(page);
    },
  },
  {
    name: "paths",
    width: 1366,
    height: 768,
    async take(page) {
      const from = await pointOf(page, { node: "bytedance" });
      await page.mouse.click(from.x, from.y, { button: "right" });
      await page.getByTestId("menu-find-paths").click();
      const to = await pointOf(page, { node: "a100" });
      await page.mouse.click(to.x, to.y);
      await page.getByTestId("path-find").click();
      await page.getByTestId("path-item").first().waitFor();
      await settle(page);
    },
  },
  {
    name: "workbench",
    width: 1366,
    height: 768,
    async take(page) {
      await page.getByTestId("workbench-toggle").click();
      await page.getByTestId("cypher-editor").waitFor();
      await page.getByRole("button", { name: "Run", exact: true }).click();
      await page.getByTestId("result-table").waitFor({ timeout: 15_000 });
      await settle(page);
    },
  },
  {
    name: "sources",
    width: 1366,
    height: 768,
    async take(page) {
      await page.getByTestId("sources-button").click();
      await page.getByTestId("sources-open").first().click();
      await page.getByTestId("highlight").first().waitFor();
      await settle(page);
    },
  },
  {
    name: "search",
    width: 1366,
    height: 768,
    async take(page) {
      await page.getByTestId("search-input").click();
      await page.keyboard.type("huawie");
      await page.getByTestId("search-hit").first().waitFor();
      await settle(page);
    },
  },
  {
    name: "layout-hierarchical",
    width: 1366,
    height: 768,
    async take(page) {
      await page.getByTestId("layout-picker").selectOption("dagre");
      await page
        .getByTestId("status")
        .filter({ hasText: /layout/i })
        .waitFor();
      await settle(page);
    },
  },
  {
    name: "views",
    width: 1366,
    height: 768,
    async take(page) {
      await clickTool(page, "views-button");
      await page.getByTestId("views-panel").waitFor();
      await settle(page);
    },
  },
  {
    name: "relationship-types",
    width: 1366,
    height: 768,
    async take(page) {
      await clickTool(page, "vocabulary-button");
      await page.getByTestId("vocabulary-item").first().waitFor();
      await settle(page);
    },
  },
  {
    name: "export-menu",
    width: 1366,
    height: 768,
    async take(page) {
      await clickTool(page, "export-button");
      await page.getByTestId("export-menu").waitFor();
      await settle(page);
    },
  },
];

await runCli("screenshot", async () => {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SHOTS.some((shot) => shot.name === name));
  if (unknown.length > 0)
    throw new CliError(`No picture named ${unknown.join(", ")}: ${SHOTS.map((shot) => shot.name).join(", ")}`);
  mkdirSync(imagesDir, { recursive: true });
  const app = await startPrivateApp();
  try {
    for (const shot of SHOTS.filter((candidate) => wanted.length === 0 || wanted.includes(candidate.name))) {
      const page = await app.openPage({ width: shot.width, height: shot.height });
      await shot.take(page);
      const output = join(imagesDir, `${shot.name}.png`);
      await page.screenshot({ path: output });
      await page.close();
      console.log(`Saved ${output}`);
    }
  } finally {
    await app.close();
  }
});
