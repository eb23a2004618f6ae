/**
 * `npm run export -- --format png --out file.png [--query file.cypher] [--area whole|view] [--scale 1-4]`
 * Renders an export headlessly through the client's own export menu in Chromium, so files match
 * what the UI gives: images (png, jpeg, svg, evidence-grade) and data (graphml, cyjs, csv-nodes,
 * csv-edges, evidence-md, evidence-html). Starts the local Neo4j when NEO4J_URI is local and it is not running.
 */
import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import type { Page } from "playwright-core";
import { loadAppConfig } from "../server/src/config/app-config";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { createApp } from "../server/src/create-app";
import { createDriver } from "../server/src/neo4j/create-driver";
import { launchChromium } from "./browser/launch-chromium";
import { CliError, runCli } from "./neo4j/cli-error";
import { startLocalNeo4j } from "./neo4j/local-neo4j";
import { localNeo4jSettings } from "./neo4j/local-neo4j-settings";
import { neo4jLayout } from "./neo4j/neo4j-layout";
import { projectRoot } from "./project-root";

const FORMATS = ["png", "jpeg", "svg", "graphml", "cyjs", "csv-nodes", "csv-edges", "evidence-md", "evidence-html"];

function options() {
  const { values } = parseArgs({
    options: {
      format: { type: "string", default: "png" },
      out: { type: "string" },
      query: { type: "string" },
      area: { type: "string", default: "whole" },
      scale: { type: "string", default: "2" },
    },
  });
  if (!FORMATS.includes(values.format)) throw new CliError(`--format must be one of: ${FORMATS.join(", ")}`);
  if (!values.out) throw new CliError("--out FILE is required");
  if (!["whole", "view"].includes(values.area)) throw new CliError("--area must be whole or view");
  if (!["1", "2", "3", "4"].includes(values.scale)) throw new CliError("--scale must be 1, 2, 3 or 4");
  const query = values.query === undefined ? undefined : readFileSync(resolve(values.query), "utf8");
  return { ...values, out: resolve(values.out), query };
}

/** Shows a workbench query's answer alone on the canvas, as the analyst would with "Replace". */
async function showQuery(page: Page, query: string): Promise<void> {
  await page.getByTestId("workbench-toggle").click();
  await page.locator("[data-testid=cypher-editor] .cm-content").waitFor();
  await page.getByTestId("result-mode").getByText("Replace").click();
  await page.locator("[data-testid=cypher-editor] .cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(query.trim());
  await page.getByTestId("run-button").click();
  const outcome = await Promise.race([
    page
      .getByTestId("result-summary")
      .filter({ hasText: /row/ })
      .waitFor()
      .then(() => "ok"),
    page
      .getByTestId("workbench-error")
      .waitFor({ state: "visible" })
      .then(() => "error"),
  ]);
  if (outcome === "error") {
    throw new CliError(`the query failed: ${await page.getByTestId("workbench-error").innerText()}`);
  }
  await page.keyboard.press("Escape");
}

await runCli("export", async () => {
  const wanted = options();
  loadEnvFile(projectRoot);
  await startLocalNeo4j(
    neo4jLayout(projectRoot),
    localNeo4jSettings(),
    join(projectRoot, "scripts", "neo4j", "pom.xml"),
  );
  const clientDir = join(projectRoot, "dist", "client");
  if (!existsSync(join(clientDir, "index.html"))) throw new CliError("the client is not built: run npm run build");

  const config = loadAppConfig();
  const driver = createDriver(config.neo4j);
  const app = createApp({
    driver,
    config,
    logger: pino({ level: "warn" }),
    clientDir,
    queriesDir: join(projectRoot, "cypher", "queries"),
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((done) => server.once("listening", () => done()));
  const browser = await launchChromium();
  try {
    // With APP_TOKEN set the page asks for it, as it would ask an analyst.
    const { appToken } = config.auth;
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
      ...(appToken ? { httpCredentials: { username: "export", password: appToken } } : {}),
    });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => document.body.dataset.graphState === "ready", undefined, { timeout: 60_000 });
    if (wanted.query) await showQuery(page, wanted.query);

    await page.getByTestId("export-button").click();
    if (["png", "jpeg", "svg"].includes(wanted.format)) {
      await page.getByTestId(`export-area-${wanted.area}`).click();
      if (wanted.format !== "svg") await page.getByTestId(`export-scale-${wanted.scale}`).click();
    }
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByTestId(`export-${wanted.format}`).click(),
    ]);
    await download.saveAs(wanted.out);
    console.log(`Saved ${wanted.out} (${download.suggestedFilename()})`);
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
    await driver.close();
  }
});
