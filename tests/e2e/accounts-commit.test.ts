/**
 * An editor commits an article in accounts mode, in Chromium, on a private Neo4j (port 7681): the
 * editor is added with `npm run users -- add` (its one-time password replaced at the first
 * sign-in), takes a short FICTIONAL article from Sources → New article to committed claims with
 * the mouse and keyboard, and the relationship panel then says where the claim was read and who
 * entered it ("Read in OUTLET on DAY, entered by NAME on DAY"); the drafts list names who saved the
 * draft; an admin's audit page lists the commit under the editor's name. A viewer, added the same way,
 * opens Sources → New article: the workspace says that saving and committing need the editor role,
 * the proposals can still be read, Commit stays disabled, nothing is sent or written, and the
 * article's text is still there after closing and reopening the workspace. Afterwards the audit
 * trail holds exactly what the specs did (a refused write is no event of it: the page sends none,
 * and the server logs a 403 for the role without auditing it).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { projectRoot } from "../../scripts/project-root";
import { AuditLog } from "../../server/src/audit/audit-log";
import { AccountRepository } from "../../server/src/auth/account-repository";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { launchBrowser, pageProblems } from "../support/browser";
import { type RunningApp, startTestApp } from "../support/test-app";

/** FICTIONAL: an invented foundry and outlet, written for this test. */
const ARTICLE = [
  "Fictional Talvex Foundry sources its wafers from Huawei.",
  "The foundry opened a second production line in the spring, the company said.",
].join(" ");
const OUTLET = "Fictional Northgate Ledger";
const PUBLISHED = "2025-06-02";
const EDITOR = "e.editor";
const EDITOR_PASSWORD = "the editor's own passphrase";
const ADMIN_PASSWORD = "admin passphrase 0123456789";
const VIEWER = "v.viewer";
const VIEWER_PASSWORD = "the viewer's own passphrase";
/** FICTIONAL: an invented shipyard and outlet, written for this test. */
const VIEWER_ARTICLE = [
  "Fictional Marrow Shipyard buys its steel from Fictional Ostlund Mills.",
  "The shipyard expects its first hull next year, a spokesman said.",
].join(" ");
const VIEWER_TITLE = "Fictional: Marrow buys steel";
const VIEWER_OUTLET = "Fictional Harbour Gazette";

/** ACCOUNTS_SHOTS_DIR=dir keeps pictures of the viewer's workspace at 1366×768 and 1920×1080. */
const shotsDir = process.env.ACCOUNTS_SHOTS_DIR;

let neo4j: PrivateNeo4j;
let app: RunningApp;
let browser: Browser;
let driver: Driver;
let audit: AuditLog;

/** `npm run users -- ARGS` against the private Neo4j, as an operator would run it. */
function users(...args: string[]): { status: number | null; out: string; err: string } {
  const { uri, username, password, database } = neo4j.connection;
  const run = spawnSync(process.execPath, ["--import", "tsx", join(projectRoot, "scripts", "users.ts"), ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USERNAME: username,
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: database,
    },
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

let editorOneTime = "";
let viewerOneTime = "";
/** What each page wrote with success ("PUT /api/drafts/…"), by the user signed in on it. */
const writes: { user: string; method: string; path: string; status: number }[] = [];

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "accounts-commit", boltPort: 7681 });
  driver = createDriver(neo4j.connection);
  const database = new Neo4jDatabase(driver, { database: neo4j.connection.database, queryTimeoutMs: 10_000 });
  const accounts = new AccountRepository(database);
  await accounts.ensureSchema();
  audit = new AuditLog(database);
  await audit.ensureSchema();
  await accounts.createUser("a.admin", "admin", "e2e");
  await accounts.changePassword("a.admin", ADMIN_PASSWORD);
  const added = users("add", EDITOR, "--role", "editor");
  if (added.status !== 0) throw new Error(`npm run users -- add failed: ${added.err}`);
  editorOneTime = new RegExp(`One-time password of ${EDITOR.replace(".", "\\.")}: (\\S+)`).exec(added.out)?.[1] ?? "";
  const viewer = users("add", VIEWER, "--role", "viewer");
  if (viewer.status !== 0) throw new Error(`npm run users -- add failed: ${viewer.err}`);
  viewerOneTime = new RegExp(`One-time password of ${VIEWER.replace(".", "\\.")}: (\\S+)`).exec(viewer.out)?.[1] ?? "";
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

async function newPage(user = ""): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("response", (response) => {
    const method = response.request().method();
    if (response.status() >= 400) problems.push(`${response.status()} ${method} ${response.url()}`);
    else if (method !== "GET")
      writes.push({ user, method, path: new URL(response.url()).pathname, status: response.status() });
  });
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
}

async function signIn(page: Page, name: string, password: string): Promise<void> {
  await page.goto(`${app.baseUrl}/`);
  await page.waitForURL(/\/sign-in\.html/);
  await typeInto(page, "sign-in-name", name);
  await typeInto(page, "sign-in-password", password);
  await page.keyboard.press("Enter");
}

async function graphReady(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.body.dataset.graphState === "ready", undefined, { timeout: 30_000 })
    .catch(async (error: unknown) => {
      const status = await page.evaluate(() => document.getElementById("status")?.textContent ?? "").catch(() => "");
      throw new Error(
        `the graph did not draw: ${String(error)}; status "${status}"; ${pageProblems(page).join(" | ")}`,
      );
    });
}

describe("an editor commits an article in accounts mode", () => {
  let page: Page;

  it("the editor added with npm run users signs in and replaces the one-time password", async () => {
    expect(editorOneTime).toMatch(/^[A-Za-z0-9_-]{24}$/);
    page = await newPage(EDITOR);
    await signIn(page, EDITOR, editorOneTime);
    await page.getByTestId("new-password-form").waitFor();
    await typeInto(page, "new-password", EDITOR_PASSWORD);
    await typeInto(page, "new-password-again", EDITOR_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    await graphReady(page);
    await expect.poll(() => page.getByTestId("account-menu-button").innerText()).toBe(EDITOR);
  });

  it("commits a fictional article; the panel says where it was read and who entered it", async () => {
    await page.getByTestId("sources-button").click();
    await page.getByTestId("new-article").click();
    await page.getByTestId("intake-text").click();
    await page.keyboard.insertText(ARTICLE);
    await typeInto(page, "intake-title", "Fictional: Talvex buys wafers");
    await typeInto(page, "intake-outlet", OUTLET);
    await typeInto(page, "intake-published", PUBLISHED);
    await page.getByTestId("intake-language").selectOption("en");
    await page.getByTestId("intake-propose").click();
    await page.getByTestId("intake-review").waitFor();

    const proposal = page.locator('[data-testid="intake-item"][aria-label*="SOURCES_FROM"]').first();
    await proposal.waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
      const shown = await page.getByTestId("intake").innerText();
      throw new Error(
        `no SOURCES_FROM proposal: ${String(error)}; ${pageProblems(page).join(" | ")}; the review shows: ${shown}`,
      );
    });
    await proposal.focus();
    await page.keyboard.press("a");
    await expect.poll(() => proposal.getAttribute("data-status")).toBe("accepted");
    const pending = page.locator('[data-testid="intake-item"][data-status="pending"]');
    for (let left = await pending.count(); left > 0; left--) {
      await pending.first().locator('[data-action="reject"]').click();
      await expect.poll(() => pending.count()).toBe(left - 1);
    }
    await expect.poll(() => page.getByTestId("intake-save").textContent(), { timeout: 10_000 }).toMatch(/Draft saved/);

    await page.getByTestId("intake-commit").click();
    const report = page.getByTestId("intake-report");
    await report.waitFor({ timeout: 20_000 });
    expect(await report.locator("h3").textContent()).toBe("Committed");
    await expect.poll(() => page.getByTestId("intake-committed-note").textContent()).toContain(`by ${EDITOR}`);

    await page.getByTestId("intake-show-canvas").click();
    await expect.poll(() => page.getByTestId("intake").isHidden()).toBe(true);
    const entered = page.locator("#details-panel").getByTestId("claim-entered");
    await entered.first().waitFor({ timeout: 10_000 });
    const today = new Date().toISOString().slice(0, 10);
    expect(await entered.first().innerText()).toBe(
      `Read in ${OUTLET} on ${PUBLISHED}, entered by ${EDITOR} on ${today}`,
    );
    expect(pageProblems(page)).toEqual([]);
  });

  it("the drafts list names the editor who saved the draft", async () => {
    await page.reload();
    await graphReady(page);
    if (!(await page.getByTestId("new-article").isVisible())) await page.getByTestId("sources-button").click();
    await page.getByTestId("new-article").click();
    const meta = page
      .getByTestId("intake-drafts")
      .locator("li", { hasText: "Fictional: Talvex buys wafers" })
      .getByTestId("intake-draft-meta");
    await expect.poll(() => meta.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^committed .* by ${EDITOR}$`));
    await page.close();
  });

  it("an admin's audit page lists the commit under the editor's name", async () => {
    const admin = await newPage();
    await signIn(admin, "a.admin", ADMIN_PASSWORD);
    await admin.waitForURL((url) => url.pathname === "/");
    await admin.goto(`${app.baseUrl}/admin.html`);
    const row = admin
      .locator('[data-testid="audit-section"] tbody tr')
      .filter({ hasText: EDITOR })
      .filter({ hasText: /drafts\/[A-Za-z0-9-]+\/commit/ });
    await row.first().waitFor({ timeout: 10_000 });
    expect(await row.count()).toBe(1);
    expect(pageProblems(admin)).toEqual([]);
    await admin.close();
  });
});

describe("a viewer cannot commit an article", () => {
  it("New article tells the viewer that saving and committing need the editor role; the proposals can be read, nothing is sent, the text stays", async () => {
    expect(viewerOneTime).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const page = await newPage(VIEWER);
    await signIn(page, VIEWER, viewerOneTime);
    await page.getByTestId("new-password-form").waitFor();
    await typeInto(page, "new-password", VIEWER_PASSWORD);
    await typeInto(page, "new-password-again", VIEWER_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    await graphReady(page);
    await expect.poll(() => page.getByTestId("account-menu-button").innerText()).toBe(VIEWER);

    await page.getByTestId("sources-button").click();
    await page.getByTestId("new-article").click();
    const note = page.getByTestId("intake-refusal");
    await expect
      .poll(() => note.innerText())
      .toMatch(/^Saving drafts and committing claims need the editor role; v\.viewer is a viewer\./);
    // The editor's committed draft is listed, but the viewer cannot delete it.
    const remove = page.getByRole("button", { name: "Delete the draft Fictional: Talvex buys wafers" });
    await expect.poll(() => remove.isDisabled(), { timeout: 10_000 }).toBe(true);

    await page.getByTestId("intake-text").click();
    await page.keyboard.insertText(VIEWER_ARTICLE);
    await typeInto(page, "intake-title", VIEWER_TITLE);
    await typeInto(page, "intake-outlet", VIEWER_OUTLET);
    await typeInto(page, "intake-published", PUBLISHED);
    await page.getByTestId("intake-language").selectOption("en");
    await page.getByTestId("intake-propose").click();
    await page.getByTestId("intake-review").waitFor();
    const proposal = page.locator('[data-testid="intake-item"]').first();
    await proposal.waitFor({ timeout: 20_000 });
    await proposal.focus();
    await page.keyboard.press("a");
    await expect.poll(() => proposal.getAttribute("data-status")).toBe("accepted");
    const commit = page.getByTestId("intake-commit");
    expect(await commit.innerText()).toBe("Commit (needs the editor role)");
    expect(await commit.isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId("intake-save").innerText()).toBe("Not saved: needs the editor role.");
    if (shotsDir) {
      mkdirSync(shotsDir, { recursive: true });
      for (const [width, height] of [
        [1366, 768],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: join(shotsDir, `viewer-new-article-${width}x${height}.png`) });
      }
      await page.setViewportSize({ width: 1366, height: 768 });
    }

    // Closed and opened again, the workspace still holds the article and the review.
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("intake").isHidden()).toBe(true);
    await page.getByTestId("new-article").click();
    await page.getByTestId("intake-review").waitFor();
    expect(await page.locator("#intake-heading").innerText()).toBe(VIEWER_TITLE);
    expect(await page.getByTestId("intake-article").innerText()).toContain("Marrow Shipyard buys its steel");
    expect(await page.locator('[data-testid="intake-item"]').first().getAttribute("data-status")).toBe("accepted");

    // Nothing was refused because nothing was sent: no draft, no outlet, no claim in the graph.
    expect(pageProblems(page)).toEqual([]);
    expect(writes.filter((write) => write.user === VIEWER).map((write) => `${write.method} ${write.path}`)).toEqual([
      "POST /api/auth/sign-in",
      "POST /api/auth/password",
      "POST /api/extract",
    ]);
    const { records } = await driver.executeQuery(
      `OPTIONAL MATCH (d:Draft {title: $title}) WITH count(d) AS drafts
       OPTIONAL MATCH (s:Source {name: $outlet}) RETURN drafts, count(s) AS outlets`,
      { title: VIEWER_TITLE, outlet: VIEWER_OUTLET },
      { database: neo4j.connection.database },
    );
    expect([Number(records[0]?.get("drafts")), Number(records[0]?.get("outlets"))]).toEqual([0, 0]);
    await page.close();
  });
});

describe("the audit trail", () => {
  it("holds exactly what the specs did: the two users added, the editor's sign-in, draft saves and commit, the admin's and the viewer's sign-ins", async () => {
    // The draft was saved as the editor worked (debounced): as many saves as the page made, the first creating it.
    const saves = writes.filter((write) => write.user === EDITOR && write.method === "PUT");
    expect(saves.map((save) => save.status)[0]).toBe(201);
    const expected = [
      "cli users add 200",
      "cli users add 200",
      `${EDITOR} sign-in 200`,
      `${EDITOR} POST /api/auth/password 204`,
      ...saves.map((save) => `${EDITOR} PUT /api/drafts/:id ${save.status}`),
      `${EDITOR} POST /api/drafts/:id/commit 200`,
      "a.admin sign-in 200",
      `${VIEWER} sign-in 200`,
      `${VIEWER} POST /api/auth/password 204`,
    ];
    // Events are appended as their requests finish: wait for the last one.
    await expect
      .poll(async () =>
        (await audit.list({ limit: 200 }))
          .reverse()
          // `npm run users` records the operator as cli:<login name>, whoever runs the tests.
          .map((event) => `${event.actor.replace(/^cli:.*/, "cli")} ${event.action} ${event.status}`),
      )
      .toEqual(expected);
  });
});
