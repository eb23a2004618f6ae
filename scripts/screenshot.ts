/**
 * `npm run screenshot`: the README's picture, taken from the running app (npm start) in headless
 * Chromium with the ByteDance → Huawei relationship open in the side panel.
 */
import { join } from "node:path";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { launchChromium } from "./browser/launch-chromium";
import { runCli } from "./neo4j/cli-error";
import { projectRoot } from "./project-root";

loadEnvFile(projectRoot);
const baseUrl = process.env.APP_URL ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
const output = join(projectRoot, "docs", "screenshot.png");

await runCli("screenshot", async () => {
  const browser = await launchChromium();
  try {
    // The running app asks for APP_TOKEN when .env sets one.
    const appToken = process.env.APP_TOKEN;
    const page = await browser.newPage({
      viewport: { width: 1600, height: 1000 },
      deviceScaleFactor: 1,
      ...(appToken ? { httpCredentials: { username: "screenshot", password: appToken } } : {}),
    });
    await page.goto(baseUrl);
    await page.waitForFunction(() => document.body.dataset.graphState === "ready", undefined, { timeout: 30_000 });
    const point = await page.evaluate(() => {
      const edge = window.cy.edges('[type = "SOURCES_FROM"]').first();
      const box = window.cy.container()?.getBoundingClientRect();
      const middle = edge.renderedMidpoint();
      return { x: (box?.left ?? 0) + middle.x, y: (box?.top ?? 0) + middle.y };
    });
    await page.mouse.click(point.x, point.y);
    await page.getByTestId("evidence-fr").waitFor();
    // Fit again around the open panel, so no node hides under it.
    await page.getByTestId("fit-button").click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: output });
    console.log(`Saved ${output}`);
  } finally {
    await browser.close();
  }
});
