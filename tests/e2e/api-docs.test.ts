/**
 * /api/docs, the API reference page: Swagger UI over the server's own OpenAPI document, served
 * from this origin under the app's Content-Security-Policy. Renders every operation, asks nothing
 * of another origin, and runs an example request from the page with the mouse. It has one level-one
 * heading and passes axe-core's WCAG 2.2 AA rules (tests/support/axe.ts) over the whole page, with no
 * rule left out: api-docs.js mends what Swagger UI's own markup lacks.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe";
import { launchBrowser } from "../support/browser";
import { type RunningApp, startTestApp } from "../support/test-app";

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

  it("has one level-one heading, the API's name, above every operation", async () => {
    // By role: a heading hidden from assistive technology does not count. Swagger UI's title is it.
    const headings = page.getByRole("heading", { level: 1 });
    await expect(headings.count()).resolves.toBe(1);
    await expect(headings.innerText()).resolves.toMatch(/^Graph Explorer API\b/);
    const heading = await headings.boundingBox();
    const operations = await page.locator(".opblock").first().boundingBox();
    if (!heading || !operations) throw new Error("the heading or the operations are not laid out");
    expect(heading.y + heading.height).toBeLessThanOrEqual(operations.y);
  });

  it("passes axe-core's WCAG 2.2 AA rules over the whole page, an operation open with its answer", async () => {
    // The operation opened and run above is still open: its parameters, examples and live answer are checked too.
    await expect(page.locator(".opblock.is-open .live-responses-table").count()).resolves.toBeGreaterThan(0);
    expect(await axeViolations(page, "body")).toEqual([]);
  });
});
