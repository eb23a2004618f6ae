import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import cytoscape from "cytoscape";
import { decode as decodeJpeg } from "jpeg-js";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { clickElement, pageProblems, useTopbarTool } from "../support/browser";

interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Set EXPORT_SHOTS=/some/dir to keep a copy of every exported file for a person to look at. */
const SHOTS = process.env.EXPORT_SHOTS;

let page: Page;

const session = useAppInBrowser();
beforeAll(async () => {
  page = await session.open();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

interface ImageChoices {
  area?: "view" | "whole";
  scale?: 1 | 2 | 3 | 4;
  bg?: "solid" | "transparent";
  evidence?: boolean;
}

interface Exported {
  filename: string;
  bytes: Buffer;
  text: string;
}

/** What an analyst does with the mouse: open Export, set the image choices, pick a format, get the file. */
const UI = {
  async openMenu(): Promise<void> {
    if (await page.getByTestId("export-menu").isHidden()) await useTopbarTool(page, "export-button");
    await page.getByTestId("export-menu").waitFor();
  },
  async choose(choices: ImageChoices): Promise<void> {
    await UI.openMenu();
    if (choices.area) await page.getByTestId(`export-area-${choices.area}`).click();
    if (choices.scale) await page.getByTestId(`export-scale-${choices.scale}`).click();
    if (choices.bg) await page.getByTestId(`export-bg-${choices.bg}`).click();
    if (choices.evidence !== undefined) {
      const box = page.getByTestId("export-evidence");
      if ((await box.getAttribute("aria-checked")) !== String(choices.evidence)) await box.click();
    }
  },
  async download(item: string, choices: ImageChoices = {}): Promise<Exported> {
    await UI.choose(choices);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 45_000 }),
      page.getByTestId(`export-${item}`).click(),
    ]);
    return saved(download.suggestedFilename(), await download.path());
  },
  statusText(): Promise<string> {
    return page.getByTestId("status").innerText();
  },
};

function saved(filename: string, path: string): Exported {
  const bytes = readFileSync(path);
  if (SHOTS) writeFileSync(join(SHOTS, filename), bytes);
  return { filename, bytes, text: bytes.toString("utf8") };
}

/** Spread of the pixels' brightness, and the share that is not background: a blank image has neither. */
function inkStats(image: Pixels): { spread: number; inked: number } {
  const step = Math.max(1, Math.floor((image.width * image.height) / 2_000_000));
  let count = 0;
  let sum = 0;
  let squares = 0;
  let inked = 0;
  for (let pixel = 0; pixel < image.width * image.height; pixel += step) {
    const at = pixel * 4;
    const alpha = (image.data[at + 3] ?? 0) / 255;
    const light =
      (0.2126 * (image.data[at] ?? 0) + 0.7152 * (image.data[at + 1] ?? 0) + 0.0722 * (image.data[at + 2] ?? 0)) *
        alpha +
      255 * (1 - alpha);
    count += 1;
    sum += light;
    squares += light * light;
    if (light < 235) inked += 1;
  }
  const mean = sum / count;
  return { spread: Math.sqrt(Math.max(0, squares / count - mean * mean)), inked: inked / count };
}

/** Console errors, less a 503 from the health poll while a parallel test run restarts Neo4j. */
function problems(): string[] {
  return pageProblems(page).filter((problem) => !/Failed to load resource: .* status of 503/.test(problem));
}

function parseXml(text: string) {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(
    text,
    "application/xml",
  );
  expect(errors).toEqual([]);
  return document;
}

function texts(document: ReturnType<typeof parseXml>): string[] {
  return Array.from(document.getElementsByTagName("text"), (node: XmlElement) => node.textContent ?? "");
}

/** RFC 4180 rows, enough for the exports' CSV. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n") {
      row.push(cell.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const canvasCounts = () =>
  page.evaluate(() => ({
    nodes: window.cy.nodes().length,
    edges: window.cy.edges().length,
    ids: window.cy
      .elements()
      .map((element) => element.id())
      .sort(),
    width: window.cy.width(),
    height: window.cy.height(),
  }));

const today = () => new Date().toISOString().slice(0, 10);

describe("exporting from the explorer in Chromium", () => {
  it("exports the whole graph as PNG at 1× and 2×: the 2× file is twice as wide and neither is blank", async () => {
    const one = await UI.download("png", { area: "whole", scale: 1, bg: "solid", evidence: true });
    const two = await UI.download("png", { scale: 2 });
    expect(one.filename).toBe(`graph-whole-${today()}.png`);
    const small = PNG.sync.read(one.bytes);
    const large = PNG.sync.read(two.bytes);
    expect(Math.abs(large.width - 2 * small.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(large.height - 2 * small.height)).toBeLessThanOrEqual(2);
    for (const image of [small, large]) {
      const stats = inkStats(image);
      expect(stats.spread).toBeGreaterThan(15);
      expect(stats.inked).toBeGreaterThan(0.01);
    }
    await expect(UI.statusText()).resolves.toMatch(/Exported graph-whole-.*\.png/);
  });

  it("exports the current view as a 2× JPEG of twice the drawn part of the window when the evidence block is off", async () => {
    const canvas = await canvasCounts();
    const drawn = await page.evaluate(() => {
      const box = window.cy.elements().renderedBoundingBox({});
      return {
        width: Math.min(box.x2, window.cy.width()) - Math.max(box.x1, 0),
        height: Math.min(box.y2, window.cy.height()) - Math.max(box.y1, 0),
      };
    });
    const file = await UI.download("jpeg", { area: "view", scale: 2, evidence: false });
    expect(file.filename).toBe(`graph-view-${today()}.jpg`);
    const image = decodeJpeg(file.bytes, { useTArray: true, maxMemoryUsageInMB: 2048 });
    // Cropped to what is drawn (with a 16 px margin), never beyond the window.
    expect(image.width).toBeLessThanOrEqual(2 * canvas.width);
    expect(image.height).toBeLessThanOrEqual(2 * canvas.height);
    expect(image.width).toBeGreaterThanOrEqual(Math.floor(2 * drawn.width));
    expect(image.height).toBeGreaterThanOrEqual(Math.floor(2 * drawn.height));
    expect(inkStats(image).spread).toBeGreaterThan(10);
  });

  it("exports SVG with the node names and the footnotes' sources as text", async () => {
    const file = await UI.download("svg", { area: "whole", scale: 1, evidence: true });
    expect(file.filename).toBe(`graph-whole-${today()}.svg`);
    const document = parseXml(file.text);
    const root = document.documentElement;
    expect(root?.tagName).toBe("svg");
    expect(Number(root?.getAttribute("width"))).toBeGreaterThan(700);
    const words = texts(document).join("\n");
    for (const name of ["ByteDance", "Huawei", "Ascend 910B", "NVIDIA H20"]) expect(words).toContain(name);
    expect(words).toMatch(/Graph Explorer — \d+ nodes, \d+ relationships/);
    // The footnotes name the sources, and the edges carry their numbers.
    for (const source of ["Reuters", "Engadget", "Unnamed reports", "ByteDance s'appuie sur Huawei"]) {
      expect(words).toContain(source);
    }
    expect(words).toMatch(/sources from \[\d+, \d+\]/);
    expect(words).toContain(session.app.baseUrl);
  });

  it("exports GraphML and Cytoscape JSON with the canvas' nodes and relationships, and both evidence tables", async () => {
    const canvas = await canvasCounts();
    const graphml = parseXml((await UI.download("graphml")).text);
    expect(graphml.getElementsByTagName("node").length).toBe(canvas.nodes);
    expect(graphml.getElementsByTagName("edge").length).toBe(canvas.edges);

    const cyjs = await UI.download("cyjs");
    expect(cyjs.filename).toBe(`graph-canvas-${today()}.cyjs`);
    const json = JSON.parse(cyjs.text) as { elements: cytoscape.ElementsDefinition };
    const reloaded = cytoscape({ headless: true, elements: json.elements, layout: { name: "preset" } });
    expect(
      reloaded
        .elements()
        .map((element) => element.id())
        .sort(),
    ).toEqual(canvas.ids);
    expect(reloaded.getElementById("bytedance").position().x).not.toBe(0);

    const markdown = await UI.download("evidence-md");
    expect(markdown.filename).toBe(`graph-canvas-${today()}.evidence.md`);
    expect(markdown.text).toContain("s'approvisionne en puces auprès de Huawei Technologies");
    const html = await UI.download("evidence-html");
    expect(html.text).toMatch(/<table/i);
    expect(html.text).toContain("Reuters");
  });

  it("keeps hostile and foreign text intact and inert: formulas defused in CSV, markup and Chinese as text", async () => {
    const long = "长".repeat(200) + "x".repeat(9_800);
    await page.evaluate((value) => {
      window.cy.add([
        {
          group: "nodes",
          data: {
            id: "hostile",
            elementId: "4:test:hostile",
            labels: ["Company"],
            label: "Company",
            caption: "华为 <script>alert(1)</script>",
            display: "华为 <script>alert(1)</script>",
            props: {
              id: "hostile",
              name: "华为 <script>alert(1)</script>",
              link: '=HYPERLINK("http://x","y")',
              long: value,
            },
          },
          position: { x: 0, y: 0 },
        },
        {
          group: "edges",
          data: {
            id: "hostile-edge",
            elementId: "5:test:hostile",
            source: "hostile",
            target: "huawei",
            type: "CALLS",
            caption: "calls",
            props: { sources: ["reuters"], certainty: "reported" },
            certainty: "reported",
          },
          classes: "certainty-reported",
        },
      ]);
    }, long);

    const csv = parseCsv((await UI.download("csv-nodes")).text);
    const header = csv[0] ?? [];
    const row = csv.find((cells) => cells[0] === "hostile") ?? [];
    expect(row[header.indexOf("link")]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(row[header.indexOf("name")]).toBe("华为 <script>alert(1)</script>");
    expect(row[header.indexOf("long")]).toBe(long);

    const svg = await UI.download("svg", { area: "whole", scale: 1, evidence: true });
    expect(svg.text).not.toMatch(/<script/i);
    const document = parseXml(svg.text);
    expect(document.getElementsByTagName("script").length).toBe(0);
    // The label wraps: "华为" and "<script>alert(1)</script>" may be two lines, each its own <text>.
    const words = texts(document).join(" ");
    expect(words).toContain("华为");
    expect(words).toContain("<script>alert(1)</script>");

    const png = PNG.sync.read((await UI.download("png", { scale: 1 })).bytes);
    expect(inkStats(png).spread).toBeGreaterThan(15);
    const graphml = parseXml((await UI.download("graphml")).text);
    expect(graphml.getElementsByTagName("node").length).toBe((await canvasCounts()).nodes);
    await page.evaluate(() => {
      window.cy.getElementById("hostile").remove();
    });
    expect(problems()).toEqual([]);
  });

  it("works from the keyboard alone: Enter opens, arrows move, Enter exports, Escape closes, focus comes back", async () => {
    await page.getByTestId("search-input").focus();
    for (let presses = 0; presses < 8; presses += 1) {
      if (await page.getByTestId("export-button").evaluate((button) => button === document.activeElement)) break;
      await page.keyboard.press("Tab");
    }
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? "");
    await expect(focused()).resolves.toBe("export-button");

    await page.keyboard.press("Enter");
    await page.getByTestId("export-menu").waitFor();
    await expect(focused()).resolves.toBe("export-area-view");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("export-menu").isHidden()).resolves.toBe(true);
    await expect(focused()).resolves.toBe("export-button");
    await expect(page.getByTestId("export-button").getAttribute("aria-expanded")).resolves.toBe("false");

    await page.keyboard.press("Space");
    await page.getByTestId("export-menu").waitFor();
    for (let presses = 0; presses < 20 && (await focused()) !== "export-png"; presses += 1) {
      await page.keyboard.press("ArrowDown");
    }
    await expect(focused()).resolves.toBe("export-png");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const file = saved(download.suggestedFilename(), await download.path());
    expect(PNG.sync.read(file.bytes).width).toBeGreaterThan(100);
    await expect(focused()).resolves.toBe("export-button");
    await expect(page.getByTestId("export-menu").isHidden()).resolves.toBe(true);
  });

  it("titles an image of a query's result as such and quotes the query as the way to reproduce it", async () => {
    const query = "MATCH p = (:Company {id: $id})-[:SOURCES_FROM|PREVIOUSLY_USED]->() RETURN p";
    await page.getByTestId("workbench-toggle").click();
    await page.getByTestId("cypher-editor").waitFor();
    await page.getByTestId("result-mode").getByText("Replace").click();
    await page.getByTestId("params-input").fill('{"id": "bytedance"}');
    await page.locator('[data-testid="cypher-editor"] .cm-content').focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(query);
    await page.keyboard.press("Control+Enter");
    await page.getByTestId("result-summary").filter({ hasText: /row/ }).waitFor();
    await page.waitForFunction(() => window.cy.nodes().length === 3);

    const file = await UI.download("svg", { area: "whole", evidence: true });
    expect(file.filename).toBe(`graph-query-${today()}.svg`);
    const words = texts(parseXml(file.text)).join(" ");
    expect(words).toContain("Query result — 3 nodes, 2 relationships");
    expect(words).toContain("MATCH p = (:Company {id: $id})");
    expect(words).toContain('parameters {"id":"bytedance"}');
    // Back to the whole seed graph for the next tests.
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.graphState === "ready");
  });

  it("names a neighbourhood after its node, and fetches the names of sources that are not drawn", async () => {
    await page.evaluate(() => {
      const cy = window.cy;
      const keep = cy.getElementById("bytedance").closedNeighborhood();
      cy.elements().not(keep).remove();
      cy.fit(undefined, 80);
    });
    await clickElement(page, "bytedance");
    await page.getByTestId("details-panel").filter({ hasText: "ByteDance" }).waitFor();
    const file = await UI.download("svg", { area: "whole", evidence: true });
    expect(file.filename).toBe(`bytedance-neighbourhood-${today()}.svg`);
    const words = texts(parseXml(file.text)).join("\n");
    expect(words).toContain("ByteDance neighbourhood");
    expect(words).toContain("Reuters");
    expect(words).toContain("Engadget");
    expect(words).not.toContain("id reuters\nid");
  });

  it("lowers the scale of a 4× export of a huge graph to what a canvas holds, says so, and the file is not blank", async () => {
    await page.evaluate(() => {
      const cy = window.cy;
      cy.nodes().positions((node) => ({ x: node.position().x * 14, y: node.position().y * 14 }));
      cy.zoom({ level: cy.maxZoom(), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    });
    const file = await UI.download("png", { area: "whole", scale: 4, evidence: true });
    const image = PNG.sync.read(file.bytes);
    expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(16_384);
    expect(image.width * image.height).toBeLessThanOrEqual(16_384 * 4_096);
    const stats = inkStats(image);
    expect(stats.spread).toBeGreaterThan(3);
    expect(stats.inked).toBeGreaterThan(0.0005);
    await expect(UI.statusText()).resolves.toMatch(/instead of 4×: .* over the browser's canvas limit/);
  });

  it("says there is nothing to export on an empty canvas, and writes no file", async () => {
    await page.evaluate(() => {
      window.cy.elements().remove();
    });
    let downloads = 0;
    page.on("download", () => {
      downloads += 1;
    });
    await UI.choose({ area: "whole" });
    await page.getByTestId("export-png").click();
    await page.getByTestId("status").filter({ hasText: "Nothing to export: the canvas is empty" }).waitFor();
    await UI.openMenu();
    await page.getByTestId("export-csv-nodes").click();
    await page.waitForTimeout(500);
    expect(downloads).toBe(0);
    expect(problems()).toEqual([]);
  });
});
