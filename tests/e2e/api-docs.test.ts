/**
 * /api/docs, the API reference page: Swagger UI over the server's own OpenAPI document, served
 * from this origin under the app's Content-Security-Policy. Renders every operation, asks nothing
 * of another origin, and runs an example request from the page with the mouse.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { type RunningApp, startTestApp } from "../support/test-app";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/**
 * What Swagger UI 5's own markup breaks, beyond what a style sheet can mend: a copy button inside
 * each operation's summary button (nested-interactive), code blocks that scroll without being
 * focusable, the unlabelled example picker, and the small deep-link anchors. Colour contrast is
 * checked over the whole page (our style sheet darkens its badges and buttons).
 */
const SWAGGER_UI_MARKUP_RULES = ["nested-interactive", "scrollable-region-focusable", "select-name", "target-size"];
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let app: RunningApp;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  app = await startTestApp({ env: { AUTH_MODE: "token", APP_TOKEN: "", WRITE_TOKEN: "" } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("request", (request) => {
    if (!request.url().startsWith(app.baseUrl) && !request.url().startsWith("data:"))
      problems.push(`request to another origin: ${request.url()}`);
  });
  await page.goto(`${app.baseUrl}/api/docs`);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("the API reference page", () => {
  it("shows every operation of the document, with no error, CSP refusal or request to another origin", async () => {
    const document = (await (await fetch(`${app.baseUrl}/api/openapi.json`)).json()) as {
      paths: { [path: string]: object };
    };
    const operations = Object.values(document.paths).reduce((sum, methods) => sum + Object.keys(methods).length, 0);
    await expect.poll(() => page.locator(".opblock").count(), { timeout: 20_000 }).toBe(operations);
    await expect(page.locator(".info .title").textContent()).resolves.toContain("Graph Explorer API");
    expect(problems).toEqual([]);
  });

  it("runs an example request from the page: GET /api/paths answers 200 with the documented example", async () => {
    const block = page.locator(".opblock", { hasText: "/api/paths" }).first();
    await block.locator(".opblock-summary-control").click();
    await block.getByRole("button", { name: "Try it out" }).click();
    await expect.poll(() => block.locator('input[placeholder="from"]').inputValue()).toBe("bytedance");
    await block.getByRole("button", { name: "Execute" }).click();
    const status = block.locator(".live-responses-table .response .response-col_status").first();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe("200");
    await expect(block.locator(".live-responses-table .microlight").first().textContent()).resolves.toContain(
      '"mode": "shortest"',
    );
    expect(problems).toEqual([]);
  });

  it("passes axe-core's WCAG 2.2 AA rules, but for four that Swagger UI's own markup breaks", async () => {
    await page.evaluate(axeSource);
    const violations = await page.evaluate(
      async ([tags, upstream]) => {
        const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
        const found: string[] = [];
        for (const [scope, skipped] of [
          [".api-docs-bar", []],
          [".information-container", []],
          ["#swagger-ui", upstream],
        ] as const) {
          const rules = Object.fromEntries(skipped.map((rule) => [rule, { enabled: false }]));
          const result = (await axe.run(document.querySelector(scope), {
            runOnly: { type: "tag", values: tags },
            rules,
          })) as { passes: unknown[]; violations: { id: string; nodes: { target: string[] }[] }[] };
          if (result.passes.length === 0) found.push(`${scope}: no rule applied`);
          for (const violation of result.violations)
            for (const node of violation.nodes) found.push(`${violation.id}: ${node.target.join(" ")}`);
        }
        return found;
      },
      [AXE_TAGS, SWAGGER_UI_MARKUP_RULES] as const,
    );
    expect(violations).toEqual([]);
  });
});
