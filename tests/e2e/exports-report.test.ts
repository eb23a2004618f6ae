/**
 * Exports for a report (issue #18 item 5, #19 item 7): a short "Reproduce" link to a view saved on
 * export, on PUBLIC_BASE_URL; the analyst's title and subtitle; sources with grade and URL; a 1× image
 * of the view cropped to the drawing with printable captions; CSV for Excel; GEXF and XLSX read back
 * by networkx and openpyxl.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_PRINTED_LABEL_PX } from "../../client/src/canvas/canvas-export";
import { axeViolations } from "../support/axe";
import { launchBrowser, openApp, pageProblems, useTopbarTool } from "../support/browser";
import { type RunningApp, startTestApp } from "../support/test-app";

const PUBLIC_BASE_URL = "https://graph.example.org/explorer/";

let app: RunningApp;
let browser: Browser;
let page: Page;
let scratch: string;
const savedIds: string[] = [];

beforeAll(async () => {
  app = await startTestApp({ env: { PUBLIC_BASE_URL } });
  browser = await launchBrowser();
  page = await openApp(browser, app.baseUrl);
  scratch = mkdtempSync(join(tmpdir(), "exports-report-"));
});

afterAll(async () => {
  // The views these exports saved: out of the shared database again.
  for (const id of savedIds) {
    await app.driver.executeQuery("MATCH (v:SavedView {id: $id}) DELETE v", { id }).catch(() => undefined);
  }
  await browser?.close();
  await app?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

interface Exported {
  filename: string;
  bytes: Buffer;
  text: string;
}

async function openMenu(): Promise<void> {
  if (await page.getByTestId("export-menu").isHidden()) await useTopbarTool(page, "export-button");
  await page.getByTestId("export-menu").waitFor();
}

async function setEvidence(on: boolean): Promise<void> {
  const box = page.getByTestId("export-evidence");
  if ((await box.getAttribute("aria-checked")) !== String(on)) await box.click();
}

async function download(item: string, choices: { area?: "view" | "whole"; scale?: number; evidence?: boolean } = {}) {
  await openMenu();
  if (choices.area) await page.getByTestId(`export-area-${choices.area}`).click();
  if (choices.scale) await page.getByTestId(`export-scale-${choices.scale}`).click();
  if (choices.evidence !== undefined) await setEvidence(choices.evidence);
  const [file] = await Promise.all([
    page.waitForEvent("download", { timeout: 45_000 }),
    page.getByTestId(`export-${item}`).click(),
  ]);
  const bytes = readFileSync(await file.path());
  return { filename: file.suggestedFilename(), bytes, text: bytes.toString("utf8") } satisfies Exported;
}

function svgTexts(text: string): string[] {
  const document = new DOMParser().parseFromString(text, "image/svg+xml");
  return Array.from(document.getElementsByTagName("text"), (node: XmlElement) => node.textContent ?? "");
}

/** Debian's python3 with python3-networkx and python3-openpyxl (scripts/system-packages.ts). */
function python(script: string, file: string): unknown {
  const result = spawnSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout);
}

describe("exports for a report", () => {
  it("the Reproduce line is a short link on PUBLIC_BASE_URL to a view saved on export, which opens that view", async () => {
    const drawn = await page.evaluate(() => window.cy.nodes().length);
    const svg = await download("svg", { area: "whole", evidence: true });
    const words = svgTexts(svg.text).join("\n");
    const link = /https:\/\/graph\.example\.org\/explorer\/#saved=([A-Za-z0-9-]+)/.exec(words);
    expect(link, words).not.toBeNull();
    const id = link?.[1] ?? "";
    savedIds.push(id);
    // Short: no encoded view state, no port of this test's server.
    expect(words).not.toContain("#view=");
    expect(words).not.toContain(app.baseUrl);

    // The saved view holds what was drawn, and its link (on this server) opens it.
    const other = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await other.goto(`${app.baseUrl}/#saved=${id}`);
    await other.waitForFunction(() => document.body.dataset.graphState === "ready", undefined, { timeout: 60_000 });
    await expect.poll(() => other.getByTestId("status").innerText()).toMatch(/Opened the saved view “Export /);
    expect(await other.evaluate(() => window.cy.nodes().length)).toBe(drawn);
    expect(pageProblems(other)).toEqual([]);
    await other.close();
  });

  it("exports of one view cite one saved view; a view changed since saves another", async () => {
    const linkOf = (svg: Exported) => /#saved=([A-Za-z0-9-]+)/.exec(svgTexts(svg.text).join("\n"))?.[1];
    const first = linkOf(await download("svg", { area: "whole", evidence: true }));
    const again = linkOf(await download("png", { area: "whole", evidence: true }).then(() => download("svg")));
    expect(first).toBeTruthy();
    expect(again).toBe(first);
    savedIds.push(first ?? "");

    // Zoomed: the view (its viewport) is another one, and so is its saved copy.
    const box = await page.getByTestId("canvas").boundingBox();
    if (!box) throw new Error("no canvas");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const zoom = await page.evaluate(() => window.cy.zoom());
    await page.mouse.wheel(0, -400);
    await expect.poll(() => page.evaluate(() => window.cy.zoom())).not.toBe(zoom);
    const changed = linkOf(await download("svg"));
    expect(changed).toBeTruthy();
    expect(changed).not.toBe(first);
    savedIds.push(changed ?? "");
  });

  it("quotes the Cypher query after the link when a query drew the canvas", async () => {
    await page.getByTestId("workbench-toggle").click();
    await page.getByTestId("cypher-editor").waitFor();
    await page.getByTestId("result-mode").getByText("Replace").click();
    await page.locator('[data-testid="cypher-editor"] .cm-content').focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText('MATCH p = (:Company {id: "bytedance"})-[:SOURCES_FROM]->() RETURN p');
    await page.keyboard.press("Control+Enter");
    await page.getByTestId("result-summary").filter({ hasText: /row/ }).waitFor();
    await page.keyboard.press("Escape");
    const words = svgTexts((await download("svg", { area: "whole", evidence: true })).text).join(" ");
    const link = /#saved=([A-Za-z0-9-]+)/.exec(words);
    savedIds.push(link?.[1] ?? "");
    expect(words).toMatch(/https:\/\/graph\.example\.org\/explorer\/#saved=[A-Za-z0-9-]+ · drawn by the Cypher/);
    expect(words).toContain('MATCH p = (:Company {id: "bytedance"})-[:SOURCES_FROM]->() RETURN p');
    // Back to the whole graph for the next tests: the app's own address, not a reload, which would
    // reopen the query's view once the address bar has caught up with it.
    await page.goto(`${app.baseUrl}/`);
    await page.waitForFunction(() => document.body.dataset.graphState === "ready");
  });

  it("uses the analyst's title and subtitle, keeps the scope and date under them, and lists sources with grade and URL", async () => {
    // Sources on the canvas with a URL (the seed's have none), as an analyst's own sources would have.
    const withUrl = await page.evaluate(() =>
      window.cy.nodes('[label = "Source"]').map((source) => {
        source.data("props", { ...source.data("props"), url: `https://sources.example/${source.id()}` });
        return source.id();
      }),
    );
    expect(withUrl.length).toBeGreaterThan(0);
    await openMenu();
    await page.getByTestId("export-titles").click();
    const dialog = page.getByTestId("export-titles-dialog");
    await dialog.waitFor();
    expect(await axeViolations(page, "[data-testid=export-titles-dialog]")).toEqual([]);
    // The automatic words are the placeholders.
    await expect(page.getByTestId("export-title-input").getAttribute("placeholder")).resolves.toMatch(/Graph Explorer/);
    await page.keyboard.type("Who supplies ByteDance's AI chips");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Annex 2 — fictional report");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    await openMenu();
    await expect(page.getByTestId("export-titles-hint").innerText()).resolves.toBe("your own");

    const svg = await download("svg", { area: "whole", evidence: true });
    savedIds.push(/#saved=([A-Za-z0-9-]+)/.exec(svg.text)?.[1] ?? "");
    const words = svgTexts(svg.text);
    const all = words.join("\n");
    expect(words[0]).toBe("Who supplies ByteDance's AI chips");
    expect(all).toContain("Annex 2 — fictional report");
    expect(all).toMatch(/Whole graph · exported from Graph Explorer \d{4}-\d{2}-\d{2}/);
    expect(all).toMatch(/Reuters — grade B/);
    expect(all).toMatch(/https:\/\/sources\.example\/[\w-]+/);
    expect(all).toMatch(/ByteDance s'appuie sur Huawei.* — 2024 — grade F/);

    // Back to the automatic words.
    await openMenu();
    await page.getByTestId("export-titles").click();
    await page.getByTestId("export-titles-reset").click();
    await openMenu();
    await expect(page.getByTestId("export-titles-hint").innerText()).resolves.toBe("automatic");
    await page.keyboard.press("Escape");
  });

  it("a 1× image of the view is cropped to the drawing, and its captions are printed at a readable size", async () => {
    // A small graph in the middle of a wide window, zoomed out as the opening view is at 1366 px.
    const view = await page.evaluate(() => {
      const cy = window.cy;
      cy.zoom({ level: 0.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      cy.center();
      const box = cy.elements().renderedBoundingBox({});
      return { width: cy.width(), height: cy.height(), drawn: { w: box.w, h: box.h } };
    });
    expect(view.drawn.w).toBeLessThan(view.width - 100);
    const png = PNG.sync.read((await download("png", { area: "view", scale: 1, evidence: false })).bytes);
    expect(png.width).toBeLessThan(view.width - 60);
    expect(png.width).toBeGreaterThan(view.drawn.w);
    expect(png.height).toBeLessThanOrEqual(view.height);
    writeFileSync(join(scratch, "view-1x.png"), PNG.sync.write(png));
    if (process.env.EXPORT_SHOTS) writeFileSync(join(process.env.EXPORT_SHOTS, "view-1x.png"), PNG.sync.write(png));

    // The same view in SVG: every caption's font size, times the zoom, is at least the printed minimum.
    const svg = await download("svg", { area: "view", evidence: false });
    const zoom = Number(/<g transform="translate\([^)]*\) scale\(([\d.]+)\)">/.exec(svg.text)?.[1]);
    expect(zoom).toBeCloseTo(0.5, 2);
    const graphPart = svg.text.slice(svg.text.indexOf("<g transform="));
    const sizes = [...graphPart.matchAll(/<text[^>]* font-size="([\d.]+)"/g)].map((match) => Number(match[1]));
    // Captions that give way to others on screen are left out of the picture too (text-opacity 0).
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes) * zoom).toBeGreaterThanOrEqual(MIN_PRINTED_LABEL_PX - 0.01);
    // The canvas itself is left as it was.
    const after = await page.evaluate(() => Number.parseFloat(String(window.cy.edges()[0]?.style("font-size"))));
    expect(after * 0.5).toBeLessThan(MIN_PRINTED_LABEL_PX);
    await page.evaluate(() => window.cy.fit(undefined, 40));
  });

  it("CSV files start with a byte-order mark, so Excel reads 华为 as UTF-8", async () => {
    await page.evaluate(() => {
      const huawei = window.cy.getElementById("huawei");
      huawei.data("props", { ...huawei.data("props"), local_name: "华为技术有限公司" });
    });
    for (const item of ["csv-nodes", "csv-edges"]) {
      const file = await download(item);
      expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const nodes = await download("csv-nodes");
    expect(new TextDecoder("utf-8", { fatal: true }).decode(nodes.bytes.subarray(3))).toContain("华为技术有限公司");
  });

  it("GEXF and XLSX from the menu open in networkx and openpyxl with the canvas' graph and its claims", async () => {
    const counts = await page.evaluate(() => ({ nodes: window.cy.nodes().length, edges: window.cy.edges().length }));
    // graphology and graphology-gexf come with the first GEXF export, not with the page.
    const gexfChunk = () =>
      page.evaluate(() =>
        performance.getEntriesByType("resource").some((entry) => entry.name.includes("graph-to-gexf")),
      );
    expect(await gexfChunk()).toBe(false);
    const gexf = await download("gexf");
    expect(await gexfChunk()).toBe(true);
    expect(gexf.filename).toMatch(/\.gexf$/);
    const gexfFile = join(scratch, "canvas.gexf");
    writeFileSync(gexfFile, gexf.bytes);
    const graph = python(
      [
        "import json, sys, networkx as nx",
        "g = nx.read_gexf(sys.argv[1])",
        "e = [d for u, v, d in g.edges(data=True) if (u, v, d.get('type')) == ('bytedance', 'huawei', 'SOURCES_FROM')]",
        "print(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'edge': e[0] if e else None}, default=str))",
      ].join("\n"),
      gexfFile,
    ) as { nodes: number; edges: number; edge: Record<string, unknown> | null };
    expect(graph.nodes).toBe(counts.nodes);
    expect(graph.edges).toBe(counts.edges);
    expect(graph.edge).toMatchObject({ type: "SOURCES_FROM", certainty: "reported", start: "2024-01-01" });
    expect(Number(graph.edge?.claims)).toBeGreaterThan(0);

    const xlsx = await download("xlsx");
    expect(xlsx.filename).toMatch(/\.xlsx$/);
    const xlsxFile = join(scratch, "canvas.xlsx");
    writeFileSync(xlsxFile, xlsx.bytes);
    const book = python(
      [
        "import json, sys, warnings, openpyxl",
        "warnings.filterwarnings('ignore', message='Workbook contains no default style')",
        "wb = openpyxl.load_workbook(sys.argv[1])",
        "print(json.dumps({ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, default=str))",
      ].join("\n"),
      xlsxFile,
    ) as Record<string, unknown[][]>;
    expect(Object.keys(book)).toEqual(["Nodes", "Relationships", "Claims"]);
    expect((book.Nodes ?? []).length - 1).toBe(counts.nodes);
    expect((book.Relationships ?? []).length - 1).toBe(counts.edges);
    const claims = book.Claims ?? [];
    const header = claims[0] ?? [];
    const sourcing = claims.filter((row) =>
      String(row[header.indexOf("sentence")]).includes("s'approvisionne en puces"),
    );
    const fromReuters = sourcing.find((row) => row[header.indexOf("source")] === "Reuters");
    expect(fromReuters?.[header.indexOf("source grade")]).toBe("B");
    expect(fromReuters?.[header.indexOf("certainty")]).toBe("reported");
    expect(fromReuters?.[header.indexOf("reported")]).toBe("2024");
    expect(fromReuters?.[header.indexOf("relationship")]).toMatch(/^ByteDance — sources from → Huawei/);
    expect(pageProblems(page).filter((problem) => !/status of 503/.test(problem))).toEqual([]);
  });
});
