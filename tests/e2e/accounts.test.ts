/**
 * Accounts mode in Chromium (issue #17) on a private Neo4j (port 7685): the page sends whoever is
 * not signed in to the sign-in page; a wrong password says so; a one-time password is replaced
 * before the graph opens; an editor saves a view and a viewer cannot (403 naming the role); signing
 * out from the account menu; the account page for an admin; axe-core's WCAG 2.2 AA rules on the
 * sign-in and account pages. Afterwards the audit trail holds exactly what the specs did.
 * ACCOUNTS_SHOTS_DIR=dir saves screenshots of both pages at 1366×768 and 1920×1080.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { projectRoot } from "../../scripts/project-root";
import { AuditLog } from "../../server/src/audit/audit-log";
import { AccountRepository } from "../../server/src/auth/account-repository";
import { ingestClaims } from "../../server/src/claims/ingest-claims";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { clickElement, edgeId, launchBrowser, pageProblems, startFrom, useTopbarTool } from "../support/browser";
import { type RunningApp, startTestApp } from "../support/test-app";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const shotsDir = process.env.ACCOUNTS_SHOTS_DIR;
const PASSWORD = "e2e password 0123456789";

let neo4j: PrivateNeo4j;
let driver: Driver;
let accounts: AccountRepository;
let audit: AuditLog;
let app: RunningApp;
let browser: Browser;
let newcomerPassword: string;

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "accounts-ui", boltPort: 7685 });
  driver = createDriver(neo4j.connection);
  const database = new Neo4jDatabase(driver, { database: neo4j.connection.database, queryTimeoutMs: 10_000 });
  accounts = new AccountRepository(database);
  audit = new AuditLog(database);
  await accounts.ensureSchema();
  await audit.ensureSchema();
  for (const [name, role] of [
    ["ada.admin", "admin"],
    ["m.dupont", "editor"],
    ["v.viewer", "viewer"],
  ] as const) {
    await accounts.createUser(name, role, "e2e");
    await accounts.changePassword(name, PASSWORD);
  }
  newcomerPassword = (await accounts.createUser("newcomer", "editor", "e2e")).oneTimePassword;
  // A fictional later report, entered by m.dupont (as npm run ingest -- --as m.dupont would).
  const laterReport = readFileSync(join(projectRoot, "tests", "fixtures", "claims", "later-report.json"), "utf8");
  const report = await ingestClaims(database, laterReport, { enteredBy: "m.dupont" });
  if (!report.written) throw new Error(`the later report was not ingested: ${JSON.stringify(report.problems)}`);
  app = await startTestApp({
    neo4j: neo4j.connection,
    env: { AUTH_MODE: "accounts", APP_TOKEN: "", WRITE_TOKEN: "", RATE_LIMIT_MAX: "100000" },
  });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await driver?.close();
  await neo4j?.stop();
}, 120_000);

async function newPage(): Promise<Page> {
  // axe-core is injected as an inline script, which the app's CSP (script-src 'self') refuses.
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { runOnly: { type: "tag", values: tags } })) as {
      violations: { id: string; nodes: { target: string[] }[] }[];
    };
    return result.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`),
    );
  }, AXE_TAGS);
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(shotsDir, `${name}-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Types into the sign-in form as a person would, and submits with Enter. */
async function typeSignIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByTestId("sign-in-name").click();
  await page.keyboard.type(name);
  await page.getByTestId("sign-in-password").click();
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
}

async function graphReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.graphState === "ready", undefined, { timeout: 30_000 });
}

async function signedInPage(name: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${app.baseUrl}/`);
  await page.waitForURL(/\/sign-in\.html/);
  await typeSignIn(page, name, PASSWORD);
  await page.waitForURL((url) => url.pathname === "/");
  await graphReady(page);
  return page;
}

describe("signing in and out", () => {
  it("sends a visitor to the sign-in page, says when the password is wrong, then opens the graph", async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL(/\/sign-in\.html\?next=%2F$/);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "sign-in");

    await typeSignIn(page, "v.viewer", "not the password at all");
    await expect.poll(() => page.getByTestId("sign-in-error").innerText()).toBe("Wrong name or password.");
    // The password field is selected for another try; the name stays.
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    await graphReady(page);
    await expect.poll(() => page.getByTestId("account-menu-button").innerText()).toBe("v.viewer");
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });

  it("a one-time password is replaced before the graph opens", async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/sign-in.html`);
    await typeSignIn(page, "newcomer", newcomerPassword);
    await page.getByTestId("new-password-form").waitFor();
    await page.getByTestId("new-password").click();
    await page.keyboard.type("short");
    await page.getByTestId("new-password-again").click();
    await page.keyboard.type("short");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("new-password-error").innerText()).toContain("12 characters");
    await page.getByTestId("new-password").fill("");
    await page.getByTestId("new-password").click();
    await page.keyboard.type("newcomer's own passphrase");
    await page.getByTestId("new-password-again").fill("");
    await page.getByTestId("new-password-again").click();
    await page.keyboard.type("newcomer's own passphrase");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    await graphReady(page);
    await page.close();
  });

  it("signing out from the account menu ends the session: the page asks to sign in again", async () => {
    const page = await signedInPage("m.dupont");
    await page.getByTestId("account-menu-button").click();
    await page.getByTestId("sign-out").click();
    await page.waitForURL(/\/sign-in\.html/);
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL(/\/sign-in\.html/);
    const status = await page.evaluate(async () => (await fetch("/api/graph")).status);
    expect(status).toBe(401);
    await page.close();
  });
});

describe("roles in the page", () => {
  it("an editor saves a view", async () => {
    const page = await signedInPage("m.dupont");
    await useTopbarTool(page, "views-button");
    await page.getByTestId("view-name").click();
    await page.keyboard.type("Editor's view");
    await page.getByTestId("view-save").click();
    await page.getByTestId("status-text").filter({ hasText: "Saved the view “Editor's view”" }).waitFor();
    await page.close();
  });

  it("a viewer cannot: the page says the editor role is needed, and nothing is saved", async () => {
    const page = await signedInPage("v.viewer");
    await useTopbarTool(page, "views-button");
    await page.getByTestId("view-name").click();
    await page.keyboard.type("Viewer's view");
    await page.getByTestId("view-save").click();
    await page.getByTestId("status").filter({ hasText: "needs the editor role" }).waitFor();
    const names = (await accounts.listUsers()).map((user) => user.name);
    expect(names).toContain("v.viewer");
    const { records } = await driver.executeQuery("MATCH (v:SavedView {name: $name}) RETURN count(v) AS n", {
      name: "Viewer's view",
    });
    expect(Number(records[0]?.get("n"))).toBe(0);
    await page.close();
  });
});

describe("who entered a claim", () => {
  it("the relationship panel says who entered each claim and on which day", async () => {
    const page = await signedInPage("v.viewer");
    await startFrom(page, ["bytedance", "ascend-910b"]);
    const id = await edgeId(page, "bytedance", "ORDERED", "ascend-910b");
    await clickElement(page, id);
    await page.waitForFunction((edge) => window.cy.getElementById(edge).selected(), id, { timeout: 5_000 });
    const panel = page.getByTestId("details-panel");
    await panel.getByTestId("claim-list").waitFor();
    const entered = panel.getByTestId("claim-entered");
    await entered.first().waitFor();
    expect(await entered.first().innerText()).toMatch(
      /^Read in .+ on \d{4}(-\d{2}){0,2}, entered by m\.dupont on \d{4}-\d{2}-\d{2}$/,
    );
    await shoot(page, "claim-entered-by");
    await page.close();
  });
});

describe("the account page", () => {
  it("shows an admin the users and the audit trail, and passes axe", async () => {
    const page = await signedInPage("ada.admin");
    await page.getByTestId("account-menu-button").click();
    await page.getByTestId("account-page-link").click();
    await page.waitForURL(/\/admin\.html$/);
    await page.locator('[data-testid="users-section"] tr[data-user="m.dupont"]').waitFor();
    await page.locator('[data-testid="audit-section"] tbody tr').first().waitFor();
    await page
      .locator('[data-testid="keys-section"] .account-empty, [data-testid="keys-section"] table')
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "account-admin");
    await page.close();
  });

  it("the audit trail holds exactly what the specs did", async () => {
    const events = (await audit.list({ limit: 100 })).reverse();
    const lines = events.map((event) => `${event.actor} ${event.action} ${event.status}`);
    expect(lines).toEqual([
      "v.viewer sign-in failed 401",
      "v.viewer sign-in 200",
      "newcomer sign-in 200",
      "newcomer POST /api/auth/password 204",
      "m.dupont sign-in 200",
      "m.dupont POST /api/auth/sign-out 204",
      "m.dupont sign-in 200",
      "m.dupont POST /api/views 201",
      "v.viewer sign-in 200",
      "v.viewer sign-in 200",
      "ada.admin sign-in 200",
    ]);
    expect(events.find((event) => event.action === "POST /api/views")?.summary).toContain("Editor's view");
  });
});
