/**
 * Stepping the timeline in Chromium (issue #20's client target: a step to the next article redrawn
 * in under 100 ms on the seed and the story, under 500 ms on a 5,000-claim history). The app runs
 * against the caller's Neo4j with the built client (dist/client: npm run build first); the page
 * opens the strip, goes to an article, then presses → as an analyst does. Each step is timed inside
 * the page, from the key's keydown to two frames after the strip shows the new day (it does once the
 * day's graph is fetched and applied to the canvas: the fetch, the redraw and a paint). The page opens
 * once the server says ready (its queries planned), as a deployment routes requests.
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pino } from "pino";
import { loadAppConfig } from "../../server/src/config/app-config";
import { createApp } from "../../server/src/create-app";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { launchChromium } from "../browser/launch-chromium";
import { projectRoot } from "../project-root";

export interface StepTimings {
  /** Milliseconds per step, in order. */
  steps: number[];
  /** Edges and nodes on the canvas at the last step. */
  edges: number;
  nodes: number;
  /** Days on the strip. */
  days: number;
}

/**
 * Puts `window.armStep()` in the page: it starts listening for the next step (keydown, then the
 * strip showing another day) and leaves the step's milliseconds, once known, in
 * `window.stepTime` (a promise). Armed before the key is pressed, so the keydown is never missed.
 */
const STEP_TIMER = `
window.armStep = () => {
  const output = document.querySelector("[data-testid=timeline-range]");
  const before = output.textContent;
  let started = Number.NaN;
  document.addEventListener("keydown", () => { started = performance.now(); }, { capture: true, once: true });
  window.stepTime = new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      if (output.textContent === before || Number.isNaN(started)) return;
      watch.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
    });
    watch.observe(output, { childList: true, characterData: true, subtree: true });
  });
};`;

export async function measureSteps(
  neo4j: { uri: string; username: string; password: string; database: string },
  options: { steps: number; startAt: "first" | "middle" },
): Promise<StepTimings> {
  const clientDir = join(projectRoot, "dist", "client");
  if (!existsSync(join(clientDir, "index.html"))) throw new Error("the client is not built: run npm run build");
  const config = loadAppConfig({
    ...process.env,
    AUTH_MODE: "token",
    APP_TOKEN: "",
    RATE_LIMIT_MAX: "100000",
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
  });
  const driver = createDriver(config.neo4j);
  const app = createApp({
    driver,
    config,
    logger: pino({ level: "silent" }),
    clientDir,
    queriesDir: join(projectRoot, "cypher", "queries"),
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((done) => server.once("listening", () => done()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // As a deployment sends requests only once the server says ready: its queries are planned by then
  // (PlanWarmup). Before, the first steps ran beside the warm-up's planning and timed it.
  await untilReady(origin);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.body.dataset.graphState === "ready", undefined, { timeout: 120_000 });
    await page.getByTestId("timeline-toggle").click();
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid=timeline-article]").length > 0,
      undefined,
      {
        timeout: 120_000,
      },
    );
    const days = await page.evaluate(
      () =>
        new Set(
          [...document.querySelectorAll<HTMLElement>("[data-testid=timeline-article]")].map((mark) => mark.dataset.day),
        ).size,
    );
    // Times the next step in the page: keydown to two frames after the strip shows the new day. As
    // text: a function would come through tsx with its helpers (__name), which the page lacks.
    await page.evaluate(STEP_TIMER);
    const track = page.getByTestId("timeline-track");
    await track.focus();
    const range = () => page.getByTestId("timeline-range").innerText();
    const waitForChange = async (from: string) => {
      const deadline = Date.now() + 120_000;
      while ((await range()) === from) {
        if (Date.now() > deadline) throw new Error(`the strip stayed on ${from}`);
        await page.waitForTimeout(50);
      }
    };
    let shown = await range();
    await page.keyboard.press("Home");
    await waitForChange(shown);
    const skipped = options.startAt === "middle" ? Math.floor(days / 2) : 0;
    if (skipped > 0) {
      // Halfway through the history: the canvas holds about half its relationships.
      for (let step = 0; step < skipped; step += 1) {
        shown = await range();
        await page.keyboard.press("ArrowRight");
        await waitForChange(shown);
      }
    }
    const steps: number[] = [];
    // Past the last day a step goes nowhere.
    const count = Math.min(options.steps, days - 1 - skipped);
    for (let step = 0; step < count; step += 1) {
      await page.evaluate("window.armStep()");
      await page.keyboard.press("ArrowRight");
      steps.push((await page.evaluate("window.stepTime")) as number);
    }
    const drawn = await page.evaluate(() => ({ edges: window.cy.edges().length, nodes: window.cy.nodes().length }));
    return { steps, days, ...drawn };
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
    await driver.close();
  }
}

/** Waits for `GET /api/ready` to answer 200 (two minutes at most). */
async function untilReady(origin: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = await fetch(`${origin}/api/ready`).then(
      (answer) => answer.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`the server was not ready after two minutes (last answer ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
