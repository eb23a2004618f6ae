/**
 * The vocabulary editor in the browser, on a private Neo4j (port 7710: it writes): opened from the
 * top bar with the mouse, the types listed with their counts, a new type added with the keyboard
 * and the mouse (a bad name and a missing write token refused first, saying why), a taken name
 * refused, a type's trigger phrases edited, Escape giving focus back, and axe-core's WCAG 2.2 AA
 * rules on the dialog. Screenshots at 1366×768 and 1920×1080 go to VOCABULARY_SHOTS_DIR when set.
 * The type added is FICTIONAL test data.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { relationshipTypeColor } from "../../client/src/look/relationship-type-colors";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { axeViolations } from "../support/axe";
import { launchBrowser, openApp, pageProblems } from "../support/browser";
import { type RunningApp, startTestApp } from "../support/test-app";

const WRITE_TOKEN = "vocabulary-e2e-write-token";
const shotsDir = process.env.VOCABULARY_SHOTS_DIR;

let neo4j: PrivateNeo4j;
let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "vocabulary-e2e", boltPort: 7710 });
  app = await startTestApp({ neo4j: neo4j.connection, env: { WRITE_TOKEN, APP_TOKEN: "", RATE_LIMIT_MAX: "100000" } });
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await neo4j?.stop();
}, 120_000);

async function shoot(target: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await target.setViewportSize({ width, height });
    await target.screenshot({ path: join(shotsDir, `${name}-${width}x${height}.png`) });
  }
  await target.setViewportSize({ width: 1366, height: 768 });
}

const editor = () => page.getByTestId("vocabulary-editor");
const row = (name: string) => page.locator(`[data-testid="vocabulary-item"][data-name="${name}"]`);
const errorText = () => page.getByTestId("vocabulary-error").innerText();

describe("the vocabulary editor", () => {
  it("opens from the top bar with the mouse and lists every type with its count, with no axe violation", async () => {
    page = await openApp(browser, app.baseUrl);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId("vocabulary-button").click();
    await row("SOURCES_FROM").waitFor();
    await expect(page.getByTestId("vocabulary-item").count()).resolves.toBe(16);
    await expect(row("SOURCES_FROM").locator(".vocabulary-count").innerText()).resolves.toMatch(
      /^[1-9]\d* relationships?$/,
    );
    await expect(row("ORDERED").locator(".vocabulary-direction").innerText()).resolves.toBe("buyer → what it ordered");
    // The name field has the focus: typing starts a new type.
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe(
      "vocabulary-name",
    );
    expect(await axeViolations(page, "[data-testid=vocabulary-editor]")).toEqual([]);
    await shoot(page, "vocabulary-editor");
    if (shotsDir) {
      // The dark theme, as the theme switch sets it (its button is behind the modal dialog).
      await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
      expect(await axeViolations(page, "[data-testid=vocabulary-editor]")).toEqual([]);
      await shoot(page, "vocabulary-editor-dark");
      await page.evaluate(() => document.documentElement.removeAttribute("data-theme"));
    }
  });

  it("refuses a name that is not UPPER_SNAKE at its field, before sending anything", async () => {
    await page.keyboard.type("licenses to");
    await page.keyboard.press("Tab");
    await page.keyboard.type("The subject lets the object use its patents under a licence (fictional test type).");
    await page.getByTestId("vocabulary-submit").click();
    const fieldError = page.locator(".vocabulary-field-error:not([hidden])").first();
    await fieldError.waitFor();
    await expect(fieldError.innerText()).resolves.toMatch(/UPPER_SNAKE/);
    await expect(page.getByTestId("vocabulary-name").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe(
      "vocabulary-name",
    );
  });

  it("adds a type typed with the keyboard once the write token is given, and lists it", async () => {
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("LICENSES_TO");
    await page.getByTestId("vocabulary-direction").click();
    await page.keyboard.type("licensor → licensee");
    await page.getByTestId("vocabulary-triggers-en").click();
    await page.keyboard.type("licens* * to");
    await page.keyboard.press("Enter");
    await page.keyboard.type("grants a licence to");
    await page.getByTestId("vocabulary-submit").click();
    await expect.poll(errorText).toMatch(/write token/);
    await expect(row("LICENSES_TO").count()).resolves.toBe(0);

    await page.getByTestId("vocabulary-token").click();
    await page.keyboard.type(WRITE_TOKEN);
    await page.keyboard.press("Enter");
    await row("LICENSES_TO").waitFor();
    await expect(page.getByTestId("vocabulary-item").count()).resolves.toBe(17);
    await expect(row("LICENSES_TO").innerText()).resolves.toMatch(/0 relationships[\s\S]*licensor → licensee/);
    await expect(row("LICENSES_TO").locator(".vocabulary-triggers").innerText()).resolves.toBe(
      "trigger phrases: 0 French, 2 English",
    );
    await expect(page.getByTestId("vocabulary-name").inputValue()).resolves.toBe("");
    await expect(page.getByTestId("status").innerText()).resolves.toContain("Added the relationship type LICENSES_TO");
  });

  it("refuses a name already taken, saying so, and keeps what was typed", async () => {
    await page.getByTestId("vocabulary-name").click();
    await page.keyboard.type("ORDERED");
    await page.getByTestId("vocabulary-description").click();
    await page.keyboard.type("Another meaning");
    await page.getByTestId("vocabulary-submit").click();
    await expect.poll(errorText).toMatch(/ORDERED exists already/);
    await expect(page.getByTestId("vocabulary-name").inputValue()).resolves.toBe("ORDERED");
    await expect(page.getByTestId("vocabulary-item").count()).resolves.toBe(17);
  });

  it("edits a type's trigger phrases from its row", async () => {
    await row("LICENSES_TO").getByTestId("vocabulary-edit").click();
    await expect(page.getByTestId("vocabulary-name").inputValue()).resolves.toBe("LICENSES_TO");
    await page.getByTestId("vocabulary-triggers-fr").click();
    await page.keyboard.type("concède * licence* à");
    await expect(page.getByTestId("vocabulary-triggers-fr").inputValue()).resolves.toBe("concède * licence* à");
    await page.getByTestId("vocabulary-submit").click();
    // Saved: the form is back to adding a type, with no error.
    await expect.poll(() => page.locator(".vocabulary-form-title").innerText()).toBe("Add a type");
    await expect(page.getByTestId("vocabulary-error").isVisible()).resolves.toBe(false);
    await expect
      .poll(() => row("LICENSES_TO").locator(".vocabulary-triggers").innerText())
      .toBe("trigger phrases: 1 French, 2 English");
    await shoot(page, "vocabulary-editor-added");
  });

  it("closes on Escape and gives the focus back to the top bar's button", async () => {
    await page.getByTestId("vocabulary-filter").click();
    await page.keyboard.type("licen");
    await expect.poll(() => page.getByTestId("vocabulary-item").count()).toBe(1);
    await page.keyboard.press("Escape");
    await expect.poll(() => editor().isVisible()).toBe(false);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("vocabulary-button");
    expect(pageProblems(page).filter((problem) => !/401|409/.test(problem))).toEqual([]);
  });

  it("draws a relationship of the new type with its own arrow colour and lists it in the legend", async () => {
    const claims = {
      format: "claims/1",
      fictional: true,
      article: {
        id: "fictional-acmetron-licence",
        title: "Acmetron licenses its patents (fictional)",
        source: "fictional-wire",
        language: "en",
        publishedAt: "2024-05-02",
      },
      sources: [{ id: "fictional-wire", name: "Fictional Wire", grade: "C" }],
      entities: [
        { id: "acmetron", name: "Acmetron", label: "Company" },
        { id: "zorblax", name: "Zorblax", label: "Company" },
      ],
      claims: [
        {
          subject: "acmetron",
          predicate: "LICENSES_TO",
          object: "zorblax",
          source: "fictional-wire",
          certainty: "confirmed",
          quote: "Acmetron licenses its patents to Zorblax.",
          quoteLang: "en",
          reportedAt: "2024-05-02",
        },
      ],
    };
    const ingest = await fetch(`${app.baseUrl}/api/claims`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${WRITE_TOKEN}` },
      body: JSON.stringify(claims),
    });
    expect(ingest.status).toBe(200);
    page = await openApp(browser, app.baseUrl);
    const arrow = await page.evaluate(() =>
      window.cy
        .edges()
        .filter((edge) => edge.data("type") === "LICENSES_TO")
        .map((edge) => edge.style("target-arrow-color") as string),
    );
    const hex = relationshipTypeColor("LICENSES_TO");
    const rgb = `rgb(${[1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(",")})`;
    expect(arrow).toEqual([rgb]);
    await page.locator(".legend-types-summary").click();
    const legendRow = page.locator('[data-filter="type:LICENSES_TO"]');
    await legendRow.waitFor();
    await expect(legendRow.innerText()).resolves.toMatch(/LICENSES_TO\s*1/);
    const swatch = await legendRow
      .locator(".type-swatch")
      .evaluate((element) => getComputedStyle(element).backgroundColor.replace(/\s/g, ""));
    expect(swatch).toBe(rgb);
    await shoot(page, "vocabulary-legend");
  });

  it("opens from the Sources workspace's toolbar too", async () => {
    await page.getByTestId("sources-button").click();
    await page.getByTestId("vocabulary-open").click();
    await row("LICENSES_TO").waitFor();
    // The list may show before its counts are read again after the last test's ingest: poll.
    await expect.poll(() => row("LICENSES_TO").locator(".vocabulary-count").innerText()).toBe("1 relationship");
    await page.keyboard.press("Escape");
    await expect.poll(() => editor().isVisible()).toBe(false);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("vocabulary-open");
  });
});
