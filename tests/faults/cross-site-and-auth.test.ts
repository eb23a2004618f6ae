/**
 * Cross-site writes and password guessing against the real app on a private Neo4j (port 7695):
 * a page on another site auto-submitting a form at the claims endpoint in Chromium, writes with
 * the wrong content type, a foreign Origin or only the browser's cached login, and a flood of
 * wrong tokens. The graph's counts are checked after every case: nothing hostile writes.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../contract/graph-contract";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { projectRoot } from "../../scripts/project-root";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { launchBrowser } from "../support/browser";
import { type GraphCounts, graphCounts, timedFetch } from "../support/fault-helpers";
import { type RunningApp, startTestApp } from "../support/test-app";

const APP_TOKEN = "cross-site-app-token-0123456789";
const LATER_REPORT = readFileSync(join(projectRoot, "tests", "fixtures", "claims", "later-report.json"), "utf8");
const SEED_ARTICLE = readFileSync(join(projectRoot, "cypher", "claims", "seed-article.json"), "utf8");

let neo4j: PrivateNeo4j;
let admin: Driver;
let baseline: GraphCounts;
const apps: RunningApp[] = [];
const servers: Server[] = [];

async function appWith(env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const app = await startTestApp({
    neo4j: neo4j.connection,
    // As the issue found it: the app token set, no write token (writes fall back to APP_TOKEN).
    env: { APP_TOKEN, WRITE_TOKEN: "", CORS_ORIGINS: "", TRUST_PROXY: "false", RATE_LIMIT_MAX: "100000", ...env },
  });
  apps.push(app);
  return app;
}

/** A tiny site of another origin, serving one page. */
async function otherSite(host: string, page: string): Promise<string> {
  const server = createServer((_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(page);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}/`;
}

const basic = (password: string) => `Basic ${Buffer.from(`analyst:${password}`).toString("base64")}`;
const errorOf = (body: unknown) => apiErrorSchema.parse(body).error;

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "cross-site", boltPort: 7695 });
  admin = createDriver(neo4j.connection);
  baseline = await graphCounts(admin);
});
afterAll(async () => {
  for (const server of servers) server.close();
  for (const app of apps) await app.close();
  await admin?.close();
  await neo4j?.stop();
});
afterEach(async () => {
  expect(await graphCounts(admin)).toEqual(baseline);
});

describe("a page on another site", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // The attack of issue 14: a text/plain form whose one field makes the body a claims file.
  const attackPage = (target: string) => {
    const json = LATER_REPORT.trim();
    // text/plain forms send `name=value`: the name holds the JSON up to a string that swallows `=`.
    const name = `${json.slice(0, -1)}, "note": "`;
    const value = `"}`;
    const attr = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    return `<!doctype html><form method="POST" action="${target}" enctype="text/plain">
      <input type="hidden" name="${attr(name)}" value="${attr(value)}"></form>
      <script>document.forms[0].submit()</script>`;
  };

  for (const [kind, host] of [
    ["another site (localhost)", "localhost"],
    ["the same site on another port", "127.0.0.1"],
  ] as const) {
    it(`from ${kind}: an auto-submitted text/plain form cannot write claims with the analyst's cached login`, async () => {
      const app = await appWith();
      const attacker = await otherSite(host, attackPage(`${app.baseUrl}/api/claims`));
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        // The analyst signs in (the login prompt, answered once): Chromium keeps the Basic credentials.
        const signIn = new URL(`${app.baseUrl}/api/ready`);
        signIn.username = "analyst";
        signIn.password = APP_TOKEN;
        expect((await page.goto(signIn.href))?.status()).toBe(200);
        expect((await page.goto(`${app.baseUrl}/api/ready`))?.status()).toBe(200);

        // Then opens the other site's page, which posts the form at once.
        const answered = page.waitForResponse((response) => response.url() === `${app.baseUrl}/api/claims`);
        await page.goto(attacker);
        const answer = await answered;
        const text = await answer.text();
        const sent = await answer.request().allHeaders();
        expect(sent.authorization, `Chromium sent the cached login (${answer.status()} ${text})`).toMatch(/^Basic /);
        expect(text).not.toContain('"written":true');
        expect(answer.status(), text).toBe(403);
        expect(errorOf(JSON.parse(text)).code).toBe("WRITE_FORBIDDEN");
      } finally {
        await context.close();
      }
    });
  }

  it("the app's own page still saves and deletes views from its Views panel, with the login and without APP_TOKEN", async () => {
    for (const env of [{}, { APP_TOKEN: "" }]) {
      const app = await appWith(env);
      const context = await browser.newContext(
        env.APP_TOKEN === "" ? {} : { httpCredentials: { username: "analyst", password: APP_TOKEN } },
      );
      try {
        const page = await context.newPage();
        await page.goto(app.baseUrl);
        await page.waitForFunction(() => document.body.dataset.graphState === "ready", undefined, { timeout: 30_000 });
        const name = `cross-site own page ${Date.now()}`;
        await page.getByTestId("views-button").click();
        await page.getByTestId("view-name").fill(name);
        await page.getByTestId("view-save").click();
        await page
          .getByTestId("status-text")
          .filter({ hasText: `Saved the view “${name}”` })
          .waitFor();
        const row = page.locator(`[data-testid="saved-views"] li[data-name="${name}"]`);
        await row.waitFor();
        await row.getByTestId("saved-view-delete").click();
        await row.getByTestId("saved-view-delete").click();
        await row.waitFor({ state: "detached" });
      } finally {
        await context.close();
      }
    }
  });
});

describe("every state-changing route", () => {
  const view = (name: string) =>
    JSON.stringify({
      name,
      state: {
        v: 1,
        nodes: [],
        hiddenEdges: [],
        filters: { hiddenLabels: [], hiddenTypes: [], hiddenCertainties: [], source: null },
        layout: "fcose",
        viewport: { zoom: 1, x: 0, y: 0 },
        selected: null,
      },
    });
  const bearer = { authorization: `Bearer ${APP_TOKEN}` };
  const json = { "content-type": "application/json" };

  it("takes only its JSON content type: 415 otherwise, nothing written", async () => {
    const app = await appWith();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const claims = await timedFetch(`${app.baseUrl}/api/claims`, {
        method: "POST",
        headers: { ...bearer, "content-type": type },
        body: LATER_REPORT,
      });
      expect(claims.status, type).toBe(415);
      expect(errorOf(claims.body)).toMatchObject({
        code: "VALIDATION",
        message: expect.stringMatching(/application\/json/),
      });
      const views = await timedFetch(`${app.baseUrl}/api/views`, {
        method: "POST",
        headers: { ...bearer, "content-type": type },
        body: view("cross-site-wrong-type"),
      });
      expect(views.status, type).toBe(415);
    }
    const none = await timedFetch(`${app.baseUrl}/api/views`, { method: "POST", headers: bearer, body: "" });
    expect(none.status).toBe(415);
  });

  it("refuses a foreign Origin or Sec-Fetch-Site: cross-site with 403; same origin, listed origins and scripts pass", async () => {
    const app = await appWith({ CORS_ORIGINS: "http://friend.example" });
    const post = (path: string, body: string, headers: Record<string, string>) =>
      timedFetch(`${app.baseUrl}${path}`, { method: "POST", headers: { ...bearer, ...json, ...headers }, body });

    const refused: Record<string, string>[] = [
      { origin: "http://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "http://evil.example", "sec-fetch-site": "cross-site" },
    ];
    for (const headers of refused) {
      const claims = await post("/api/claims", LATER_REPORT, headers);
      expect(claims.status, JSON.stringify(headers)).toBe(403);
      expect(errorOf(claims.body)).toMatchObject({
        code: "WRITE_FORBIDDEN",
        message: expect.stringMatching(/another site/),
      });
      expect((await post("/api/views", view("cross-site-foreign"), headers)).status).toBe(403);
      const deleted = await timedFetch(`${app.baseUrl}/api/views/some-view`, {
        method: "DELETE",
        headers: { ...bearer, ...headers },
      });
      expect(deleted.status).toBe(403);
    }

    const passed: Record<string, string>[] = [
      {},
      { origin: app.baseUrl, "sec-fetch-site": "same-origin" },
      { origin: app.baseUrl },
      { origin: "http://friend.example", "sec-fetch-site": "cross-site" },
    ];
    for (const headers of passed) {
      const saved = await post("/api/views", view("cross-site-allowed"), headers);
      expect(saved.status, JSON.stringify(headers)).toBeLessThan(300);
      const { id } = saved.body as { id: string };
      const deleted = await timedFetch(`${app.baseUrl}/api/views/${encodeURIComponent(id)}`, {
        method: "DELETE",
        headers: { ...bearer, ...headers },
      });
      expect(deleted.status).toBe(204);
      // The seed again: written, every claim unchanged.
      const claims = await post("/api/claims", SEED_ARTICLE, headers);
      expect(claims.status, JSON.stringify(claims.body)).toBe(200);
    }
    // Reads are not writes: a foreign page's GET is answered (CORS keeps the answer from it).
    expect(
      (await timedFetch(`${app.baseUrl}/api/views`, { headers: { ...bearer, origin: "http://evil.example" } })).status,
    ).toBe(200);
  });

  it("writes need a bearer token or the page's CSRF token: the browser's cached Basic login alone is refused", async () => {
    const app = await appWith();
    const login = { authorization: basic(APP_TOKEN) };
    const basicOnly = await timedFetch(`${app.baseUrl}/api/views`, {
      method: "POST",
      headers: { ...login, ...json },
      body: view("cross-site-basic-only"),
    });
    expect(basicOnly.status).toBe(403);
    expect(errorOf(basicOnly.body)).toMatchObject({
      code: "WRITE_FORBIDDEN",
      message: expect.stringMatching(/X-CSRF-Token/),
    });
    const claimsBasic = await timedFetch(`${app.baseUrl}/api/claims`, {
      method: "POST",
      headers: { ...login, ...json },
      body: SEED_ARTICLE,
    });
    expect(claimsBasic.status).toBe(403);
    const deleteBasic = await timedFetch(`${app.baseUrl}/api/views/some-view`, { method: "DELETE", headers: login });
    expect(deleteBasic.status).toBe(403);

    // The page's way: a token read same-origin, sent back as a header.
    const csrf = await timedFetch(`${app.baseUrl}/api/csrf-token`, { headers: login });
    expect(csrf.status).toBe(200);
    expect(csrf.headers.get("cache-control")).toMatch(/no-store/);
    const { token } = csrf.body as { token: string };
    expect((await timedFetch(`${app.baseUrl}/api/csrf-token`)).status).toBe(401);
    const forged = await timedFetch(`${app.baseUrl}/api/views`, {
      method: "POST",
      headers: { ...login, ...json, "x-csrf-token": `${token.slice(0, -2)}xx` },
      body: view("cross-site-forged"),
    });
    expect(forged.status).toBe(403);
    const saved = await timedFetch(`${app.baseUrl}/api/views`, {
      method: "POST",
      headers: { ...login, ...json, "x-csrf-token": token },
      body: view("cross-site-with-csrf"),
    });
    expect(saved.status).toBe(201);
    const { id } = saved.body as { id: string };
    const deleted = await timedFetch(`${app.baseUrl}/api/views/${encodeURIComponent(id)}`, {
      method: "DELETE",
      headers: { ...login, "x-csrf-token": token },
    });
    expect(deleted.status).toBe(204);

    // A token from another server (another APP_TOKEN) is worth nothing here.
    const other = await appWith({ APP_TOKEN: "another-app-token-0123456789" });
    const foreign = (
      (
        await timedFetch(`${other.baseUrl}/api/csrf-token`, {
          headers: { authorization: basic("another-app-token-0123456789") },
        })
      ).body as { token: string }
    ).token;
    const replayed = await timedFetch(`${app.baseUrl}/api/views`, {
      method: "POST",
      headers: { ...login, ...json, "x-csrf-token": foreign },
      body: view("cross-site-replayed"),
    });
    expect(replayed.status).toBe(403);
  });
});

describe("failed logins", () => {
  it("are limited per address before the token is compared: 429 RATE_LIMITED with Retry-After, even for the right token", async () => {
    const app = await appWith({ AUTH_FAILURE_MAX: "5", AUTH_FAILURE_WINDOW_MS: "60000" });
    const wrong = { authorization: "Bearer wrong-guess-of-the-token" };
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => timedFetch(`${app.baseUrl}/api/graph?limit=1`, { headers: wrong })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(195);
    const limited = answers.find((answer) => answer.status === 429);
    expect(errorOf(limited?.body)).toMatchObject({ code: "RATE_LIMITED", retriable: true });
    const retryAfter = Number(limited?.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // Locked out: the right token from this address waits too; probes stay open.
    const right = await timedFetch(`${app.baseUrl}/api/graph?limit=1`, {
      headers: { authorization: `Bearer ${APP_TOKEN}` },
    });
    expect(right.status).toBe(429);
    expect((await timedFetch(`${app.baseUrl}/api/health`)).status).toBe(200);
    // Wrong write tokens are failures too, from the same count.
    const write = await timedFetch(`${app.baseUrl}/api/claims`, {
      method: "POST",
      headers: { ...wrong, "content-type": "application/json" },
      body: SEED_ARTICLE,
    });
    expect(write.status).toBe(429);
  });

  it("successes and requests without credentials cost nothing; each address (TRUST_PROXY) counts its own", async () => {
    const app = await appWith({ AUTH_FAILURE_MAX: "3", AUTH_FAILURE_WINDOW_MS: "60000", TRUST_PROXY: "loopback" });
    const from = (address: string, authorization?: string) =>
      timedFetch(`${app.baseUrl}/api/graph?limit=1`, {
        headers: { "x-forwarded-for": address, ...(authorization ? { authorization } : {}) },
      });
    for (let i = 0; i < 20; i += 1) expect((await from("203.0.113.1", `Bearer ${APP_TOKEN}`)).status).toBe(200);
    // A browser's first request carries nothing, then the login prompt: not a guess.
    for (let i = 0; i < 10; i += 1) expect((await from("203.0.113.1")).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await from("203.0.113.1", basic("wrong"))).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await from("203.0.113.2", `Bearer ${APP_TOKEN}`)).status).toBe(200);
    expect((await from("203.0.113.2", "Bearer wrong")).status).toBe(401);
  });
});
