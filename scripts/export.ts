/**
 * `npm run export -- --format png --out file.png [--query file.cypher] [--area whole|view] [--scale 1-4]
 *   [--title "…"] [--subtitle "…"]`
 * Renders an export headlessly through the client's own export menu in Chromium, so files match
 * what the UI gives: images (png, jpeg, svg, evidence-grade) and data (graphml, gexf, xlsx, cyjs,
 * csv-nodes, csv-edges, evidence-md, evidence-html), from the command's own server
 * (scripts/browser/private-app.ts). An image's "Reproduce" line links to a view saved for it, on
 * PUBLIC_BASE_URL (the command's own server is gone once it ends), or gives the saved view's id.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { startPrivateApp } from "./browser/private-app";
import { CliError, runCli } from "./neo4j/cli-error";

const FORMATS = [
  "png",
  "jpeg",
  "svg",
  "graphml",
  "gexf",
  "xlsx",
  "cyjs",
  "csv-nodes",
  "csv-edges",
  "evidence-md",
  "evidence-html",
];

function options() {
  const { values } = parseArgs({
    options: {
      format: { type: "string", default: "png" },
      out: { type: "string" },
      query: { type: "string" },
      area: { type: "string", default: "whole" },
      scale: { type: "string", default: "2" },
      title: { type: "string" },
      subtitle: { type: "string" },
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
  const app = await startPrivateApp();
  try {
    const page = await app.openPage({ width: 1440, height: 900 });
    if (wanted.query) await showQuery(page, wanted.query);

    if (wanted.title !== undefined || wanted.subtitle !== undefined) {
      await page.getByTestId("export-button").click();
      await page.getByTestId("export-titles").click();
      await page.getByTestId("export-title-input").fill(wanted.title ?? "");
      await page.getByTestId("export-subtitle-input").fill(wanted.subtitle ?? "");
      await page.getByTestId("export-titles-use").click();
      await page.getByTestId("export-titles-dialog").waitFor({ state: "detached" });
    }
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
    await app.close();
  }
});
