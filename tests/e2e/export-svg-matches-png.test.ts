import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { useTopbarTool } from "../support/browser";

/**
 * The project's own SVG renderer against Cytoscape's canvas: the SVG export of a view, rasterised by
 * Chromium at the PNG export's size, must look like the PNG export of the same view, pixel by pixel.
 * Set EXPORT_SHOTS=/some/dir to keep both files and a picture of where they differ.
 */
const SHOTS = process.env.EXPORT_SHOTS;

/**
 * A pixel differs when one of its channels is off by more than this (of 255) from every pixel within
 * one pixel in the other image. Two rasterisers anti-alias a curve's or a glyph's edge differently,
 * which moves a pixel part of the way between ink and paper; a missing line, arrowhead or letter
 * moves it all the way, and a wrong colour (grey for purple) by more than this too.
 */
const CHANNEL_THRESHOLD = 64;
/**
 * Share of the inked pixels (ink in either image; most of a picture is paper) allowed to differ.
 * Measured on the seed graph: 0.00 % (whole graph, 1×), 0.13 % (view, 2×: a pair of letters in a
 * few labels hinted apart), 0.04 % (view, 1×, evidence block); with the arrowheads left out of the
 * SVG: 1.09 %, 1.35 % and 0.35 %; with the labels left out: 6 to 18 %. 0.25 % sits between the two.
 * (Counted over all pixels, as "2 % of the picture" would, an image without arrowheads differs by
 * well under 1 % and would pass.)
 */
const MAX_DIFFERING_SHARE = 0.0025;

let page: Page;
// The seed graph alone, as measured above: the shared database gains other specs' nodes while this
// runs, and each extra caption adds glyphs the two rasterisers may hint a pixel apart.
const session = useAppInBrowser({ privateNeo4j: { name: "export-svg", boltPort: 7707 } });
beforeAll(async () => {
  page = await session.open();
  // Both exports print "exported … HH:MM UTC": a minute that turns between them is not a drawing difference.
  await page.clock.setFixedTime(new Date("2026-06-01T12:00:00Z"));
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

interface Choices {
  area: "view" | "whole";
  scale: 1 | 2;
  evidence: boolean;
}

async function exportFile(format: "png" | "svg", choices: Choices): Promise<{ name: string; bytes: Buffer }> {
  if (await page.getByTestId("export-menu").isHidden()) await useTopbarTool(page, "export-button");
  await page.getByTestId("export-menu").waitFor();
  await page.getByTestId(`export-area-${choices.area}`).click();
  await page.getByTestId(`export-scale-${choices.scale}`).click();
  await page.getByTestId("export-bg-solid").click();
  const box = page.getByTestId("export-evidence");
  if ((await box.getAttribute("aria-checked")) !== String(choices.evidence)) await box.click();
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 45_000 }),
    page.getByTestId(`export-${format}`).click(),
  ]);
  const bytes = readFileSync(await download.path());
  const name = `${choices.area}-${choices.scale}x${choices.evidence ? "-evidence" : ""}.${format}`;
  if (SHOTS) writeFileSync(join(SHOTS, name), bytes);
  return { name, bytes };
}

/** Chromium draws the SVG through an <img> on a white canvas of the given size, as a browser shows the file. */
async function rasterise(svg: string, width: number, height: number): Promise<PNG> {
  const url = await page.evaluate(
    async ({ text, width, height }) => {
      const image = new Image();
      const source = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
      image.src = source;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2D context");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, width, height);
      context.drawImage(image, 0, 0, width, height);
      URL.revokeObjectURL(source);
      return canvas.toDataURL("image/png");
    },
    { text: svg, width, height },
  );
  return PNG.sync.read(Buffer.from(url.slice(url.indexOf(",") + 1), "base64"));
}

interface Comparison {
  inked: number;
  differing: number;
  share: number;
  diff: PNG;
}

/** Whether pixel `at` of `a` has a like pixel in `b` at the same place or one pixel away. */
function hasMatch(a: PNG, b: PNG, x: number, y: number): boolean {
  const at = (y * a.width + x) * 4;
  for (let dy = -1; dy <= 1; dy += 1) {
    for (let dx = -1; dx <= 1; dx += 1) {
      const nx = x + dx;
      const ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= b.width || ny >= b.height) continue;
      const other = (ny * b.width + nx) * 4;
      let largest = 0;
      for (let channel = 0; channel < 3; channel += 1) {
        largest = Math.max(largest, Math.abs((a.data[at + channel] ?? 0) - (b.data[other + channel] ?? 0)));
      }
      if (largest <= CHANNEL_THRESHOLD) return true;
    }
  }
  return false;
}

/**
 * Pixels that differ beyond the threshold, over the pixels that carry ink in either image. A pixel
 * matches when the other image has a like pixel within one pixel of it, both ways: a glyph placed a
 * pixel aside is the same drawing; an arrowhead or a word that is missing has nothing like it nearby.
 */
function comparePixels(a: PNG, b: PNG): Comparison {
  expect({ width: b.width, height: b.height }).toEqual({ width: a.width, height: a.height });
  const diff = new PNG({ width: a.width, height: a.height });
  let inked = 0;
  let differing = 0;
  for (let y = 0; y < a.height; y += 1) {
    for (let x = 0; x < a.width; x += 1) {
      const at = (y * a.width + x) * 4;
      let ink = false;
      for (let channel = 0; channel < 3; channel += 1) {
        if ((a.data[at + channel] ?? 0) < 240 || (b.data[at + channel] ?? 0) < 240) ink = true;
      }
      if (!ink) {
        diff.data.fill(255, at, at + 4);
        continue;
      }
      inked += 1;
      const off = !hasMatch(a, b, x, y) || !hasMatch(b, a, x, y);
      if (off) differing += 1;
      // The picture of differences: red where they differ, the PNG faintly elsewhere.
      diff.data[at] = off ? 255 : 255 - ((255 - (a.data[at] ?? 0)) >> 2);
      diff.data[at + 1] = off ? 0 : 255 - ((255 - (a.data[at + 1] ?? 0)) >> 2);
      diff.data[at + 2] = off ? 0 : 255 - ((255 - (a.data[at + 2] ?? 0)) >> 2);
      diff.data[at + 3] = 255;
    }
  }
  return { inked, differing, share: inked > 0 ? differing / inked : 1, diff };
}

async function svgAgainstPng(choices: Choices): Promise<Comparison> {
  const png = await exportFile("png", choices);
  const svg = await exportFile("svg", choices);
  const expected = PNG.sync.read(png.bytes);
  const drawn = await rasterise(svg.bytes.toString("utf8"), expected.width, expected.height);
  const result = comparePixels(expected, drawn);
  if (SHOTS) {
    writeFileSync(join(SHOTS, `${png.name}.svg-rasterised.png`), PNG.sync.write(drawn));
    writeFileSync(join(SHOTS, `${png.name}.diff.png`), PNG.sync.write(result.diff));
  }
  console.info(
    `${png.name}: ${result.differing} of ${result.inked} inked pixels differ (${(result.share * 100).toFixed(2)} %)`,
  );
  return result;
}

describe("the SVG export draws what the PNG export draws", () => {
  it("matches for the whole graph at 1×, graph only", async () => {
    const result = await svgAgainstPng({ area: "whole", scale: 1, evidence: false });
    expect(result.inked).toBeGreaterThan(10_000);
    expect(result.share).toBeLessThanOrEqual(MAX_DIFFERING_SHARE);
  });

  it("matches for the current view at 2×, graph only", async () => {
    const result = await svgAgainstPng({ area: "view", scale: 2, evidence: false });
    expect(result.inked).toBeGreaterThan(10_000);
    expect(result.share).toBeLessThanOrEqual(MAX_DIFFERING_SHARE);
  });

  it("matches for the current view at 1× with the evidence block", async () => {
    const result = await svgAgainstPng({ area: "view", scale: 1, evidence: true });
    expect(result.inked).toBeGreaterThan(10_000);
    expect(result.share).toBeLessThanOrEqual(MAX_DIFFERING_SHARE);
  });
});
