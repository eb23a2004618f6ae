/**
 * Accounts mode (issue #17) end to end on a private Neo4j (port 7686: this file writes): the role
 * table of every endpoint of the contract (route × role × expected status, generated from
 * listEndpoints(), so a new route cannot be left out), sign-in and its cookie, the one-time
 * password, CSRF on the page's writes, sign-out (here and everywhere), expiry, a removed user's
 * session, API keys, failed sign-ins per account and per address, and the audit trail with its CSV.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEndpoints } from "../../contract/api-endpoints";
import { auditEventSchema } from "../../contract/auth-endpoints";
import { type Endpoint, endpointAccess, ROLES, type Role, roleAtLeast } from "../../contract/endpoint";
import { apiErrorSchema, graphSchema } from "../../contract/graph-contract";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { projectRoot } from "../../scripts/project-root";
import { AuditLog } from "../../server/src/audit/audit-log";
import { AccountRepository } from "../../server/src/auth/account-repository";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { type MiniOidcProvider, startMiniOidcProvider } from "../support/mini-oidc-provider";
import { startServerProcess } from "../support/server-process";
import { type RunningApp, startTestApp } from "../support/test-app";

let neo4j: PrivateNeo4j;
let driver: Driver;
let accounts: AccountRepository;
let app: RunningApp;
const apps: RunningApp[] = [];
const PASSWORD = "correct horse battery staple";
/** An API key per role, for the role table (keys need no CSRF token, and signing out leaves them be). */
const keys = new Map<Role, string>();

const ACCOUNTS_ENV = {
  AUTH_MODE: "accounts",
  APP_TOKEN: "",
  WRITE_TOKEN: "",
  RATE_LIMIT_MAX: "100000",
  AUTH_FAILURE_MAX: "1000",
  CORS_ORIGINS: "",
};

async function accountsApp(env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const started = await startTestApp({ neo4j: neo4j.connection, env: { ...ACCOUNTS_ENV, ...env } });
  apps.push(started);
  return started;
}

/** A user with a password they chose (the one-time password changed), as after a first sign-in. */
async function userWith(name: string, role: Role): Promise<void> {
  await accounts.createUser(name, role, "test");
  await accounts.changePassword(name, PASSWORD);
}

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

async function call(
  base: RunningApp,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; csrf?: string; bearer?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf) headers["x-csrf-token"] = options.csrf;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  const response = await fetch(`${base.baseUrl}${path}`, {
    method,
    headers,
    redirect: "manual",
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV, HTML or empty
  }
  return { status: response.status, body, headers: response.headers };
}

/** Signs in: the session cookie (name=value) and a CSRF token for the page's writes. */
async function signIn(base: RunningApp, name: string, password = PASSWORD) {
  const answer = await call(base, "POST", "/api/auth/sign-in", { body: { name, password } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const setCookie = answer.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0] ?? "";
  const csrf = ((await call(base, "GET", "/api/csrf-token", { cookie })).body as { token: string }).token;
  return { cookie, csrf, setCookie };
}

const codeOf = (answer: Answer) => apiErrorSchema.parse(answer.body).error.code;

async function auditEvents(query = ""): Promise<ReturnType<typeof auditEventSchema.parse>[]> {
  const answer = await call(app, "GET", `/api/audit${query}`, { bearer: keys.get("admin") as string });
  expect(answer.status).toBe(200);
  return (answer.body as { events: unknown[] }).events.map((event) => auditEventSchema.parse(event));
}

/** What `npm start` does on a database without users: server/src/main.ts in accounts mode, its log read, then stopped. */
let firstStart: { logLine: string; password: string };
async function firstStartOfTheServer(): Promise<typeof firstStart> {
  const { uri, username, password, database } = neo4j.connection;
  const server = await startServerProcess({
    AUTH_MODE: "accounts",
    APP_TOKEN: "",
    WRITE_TOKEN: "",
    NEO4J_URI: uri,
    NEO4J_USERNAME: username,
    NEO4J_PASSWORD: password,
    NEO4J_DATABASE: database,
  });
  try {
    for (let i = 0; i < 300; i++) {
      const line = server.logs.find((entry) => entry.msg.startsWith("No users yet"));
      if (line) {
        const oneTime = /one-time password (\S+) /.exec(line.msg)?.[1] ?? "";
        return { logLine: line.msg, password: oneTime };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no first-admin line in the log: ${JSON.stringify(server.logs)}`);
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
}

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "accounts", boltPort: 7686 });
  driver = createDriver(neo4j.connection);
  const database = new Neo4jDatabase(driver, { database: neo4j.connection.database, queryTimeoutMs: 10_000 });
  accounts = new AccountRepository(database);
  firstStart = await firstStartOfTheServer();
  await accounts.ensureSchema();
  await new AuditLog(database).ensureSchema();
  for (const role of ROLES) {
    await userWith(`table-${role}`, role);
    keys.set(role, (await accounts.createKey(`table-${role}`, "role table")).secret);
  }
  app = await accountsApp();
}, 240_000);

afterAll(async () => {
  for (const started of apps) await started.close();
  await driver?.close();
  await neo4j?.stop();
}, 120_000);

/** A concrete path for an endpoint: each `:name` filled with a value no record has. */
const pathOf = (endpoint: Endpoint) => endpoint.path.replace(/:(\w+)/g, "no-such-$1");

/** What each caller should get: 401 for nobody, 403 below the role needed, anything else at or above it. */
const table = listEndpoints().flatMap(({ area, name, endpoint }) =>
  (["anonymous", ...ROLES] as const).map((caller) => {
    const access = endpointAccess(endpoint);
    const allowed = access === "public" || (caller !== "anonymous" && roleAtLeast(caller, access as Role));
    const expected = allowed ? "allowed" : caller === "anonymous" ? 401 : 403;
    return { route: `${area}.${name} ${endpoint.method} ${endpoint.path}`, endpoint, caller, access, expected };
  }),
);

describe("every endpoint of the contract, for every role", () => {
  it("the table covers every endpoint with the four callers", () => {
    expect(table.length).toBe(listEndpoints().length * 4);
    // Writes default to editor, reads to viewer; users and the audit trail are for admins.
    const accessOf = (path: string, method: string) =>
      table.find((row) => row.endpoint.path === path && row.endpoint.method === method)?.access;
    expect(accessOf("/api/views", "POST")).toBe("editor");
    expect(accessOf("/api/graph", "GET")).toBe("viewer");
    expect(accessOf("/api/users", "GET")).toBe("admin");
    expect(accessOf("/api/audit", "GET")).toBe("admin");
  });

  it.each(table)("$route as $caller: $expected", async ({ endpoint, caller, expected, access }) => {
    const bearer = caller === "anonymous" ? undefined : keys.get(caller);
    const answer = await call(app, endpoint.method, pathOf(endpoint), {
      ...(endpoint.method === "GET" ? {} : { body: {} }),
      ...(bearer ? { bearer } : {}),
    });
    if (expected === "allowed") {
      expect([401, 403], `answered ${answer.status}: ${JSON.stringify(answer.body)}`).not.toContain(answer.status);
      // A route the contract lists but the server does not register would be a 404 from the fallback.
      if (answer.status === 404) expect(codeOf(answer)).toBe("NOT_FOUND");
    } else {
      expect(answer.status, JSON.stringify(answer.body)).toBe(expected);
      if (expected === 403) {
        const error = apiErrorSchema.parse(answer.body).error;
        expect(error.message).toContain(`needs the ${access} role`);
      }
    }
  });

  it("no endpoint of the table is missing on the server: anonymous callers meet the gate, not the 404 fallback", async () => {
    const missing: string[] = [];
    for (const { area, name, endpoint } of listEndpoints()) {
      if (endpointAccess(endpoint) === "public") continue;
      const answer = await call(app, endpoint.method, pathOf(endpoint));
      if (answer.status !== 401) missing.push(`${area}.${name} (${answer.status})`);
    }
    expect(missing).toEqual([]);
  });
});

describe("the first start", () => {
  it("creates admin with a one-time password, printed to the server's log only, that signs in", async () => {
    expect(firstStart.logLine).toContain('created the user "admin"');
    expect(firstStart.logLine).toContain("/sign-in.html");
    expect(firstStart.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const answer = await call(app, "POST", "/api/auth/sign-in", {
      body: { name: "admin", password: firstStart.password },
    });
    expect(answer.body).toEqual({ name: "admin", role: "admin", mustChangePassword: true });
  });
});

describe("signing in", () => {
  it("a new user signs in with the one-time password, must change it first, then works", async () => {
    const { user, oneTimePassword } = await accounts.createUser("m.dupont", "editor", "test");
    expect(user.mustChangePassword).toBe(true);
    const session = await signIn(app, "M.Dupont", oneTimePassword);
    expect(session.setCookie).toMatch(/HttpOnly/);
    expect(session.setCookie).toMatch(/SameSite=Strict/);
    expect(session.setCookie).not.toMatch(/Secure/); // plain http here; SESSION_COOKIE_SECURE=always forces it
    const me = await call(app, "GET", "/api/auth/me", { cookie: session.cookie });
    expect(me.body).toEqual({
      mode: "accounts",
      user: { name: "m.dupont", role: "editor", mustChangePassword: true },
      oidc: false,
    });

    const page = await call(app, "GET", "/", { cookie: session.cookie });
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/sign-in.html?next=%2F");
    const early = await call(app, "GET", "/api/graph", { cookie: session.cookie });
    expect(early.status).toBe(403);
    expect(apiErrorSchema.parse(early.body).error.message).toContain("one-time password");

    const change = await call(app, "POST", "/api/auth/password", {
      cookie: session.cookie,
      csrf: session.csrf,
      body: { currentPassword: oneTimePassword, newPassword: PASSWORD },
    });
    expect(change.status).toBe(204);
    expect((await call(app, "GET", "/api/graph", { cookie: session.cookie })).status).toBe(200);
    expect((await call(app, "GET", "/", { cookie: session.cookie })).status).not.toBe(303);
  });

  it("signing in from another site's page, or not as JSON, is refused before any password is checked", async () => {
    const body = { name: "table-viewer", password: PASSWORD };
    const crossSite = await call(app, "POST", "/api/auth/sign-in", {
      body,
      headers: { origin: "http://elsewhere.example", "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("set-cookie")).toBeNull();
    const form = await fetch(`${app.baseUrl}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify(body),
    });
    expect(form.status).toBe(415);
  });

  it("a wrong password is 401, recorded in the audit trail without the password", async () => {
    const secret = "not-the-password-42";
    const answer = await call(app, "POST", "/api/auth/sign-in", { body: { name: "table-viewer", password: secret } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("set-cookie")).toBeNull();
    const events = await auditEvents("?action=sign-in%20failed&actor=table-viewer");
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(secret);
    // Unknown names answer the same.
    const unknown = await call(app, "POST", "/api/auth/sign-in", { body: { name: "nobody-here", password: secret } });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(answer.body);
  });

  it("a write from the page needs the CSRF token; with it, it is done and audited with the user's name", async () => {
    await userWith("writer-1", "editor");
    const session = await signIn(app, "writer-1");
    const view = { name: "Accounts test view", state: { v: 1, nodes: [] } };
    const bare = await call(app, "POST", "/api/views", { cookie: session.cookie, body: view });
    expect(bare.status).toBe(403);
    expect(codeOf(bare)).toBe("WRITE_FORBIDDEN");
    const forged = await call(app, "POST", "/api/views", { cookie: session.cookie, csrf: "forged.token", body: view });
    expect(forged.status).toBe(403);
    const saved = await call(app, "POST", "/api/views", { cookie: session.cookie, csrf: session.csrf, body: view });
    expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
    const events = await auditEvents("?actor=writer-1&action=POST%20/api/views");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: "writer-1", action: "POST /api/views", address: expect.any(String) });
  });

  it("a viewer cannot write: 403 naming the role needed, nothing written", async () => {
    const session = await signIn(app, "table-viewer");
    const view = { name: "Viewer view", state: { v: 1, nodes: [] } };
    const answer = await call(app, "POST", "/api/views", { cookie: session.cookie, csrf: session.csrf, body: view });
    expect(answer.status).toBe(403);
    expect(apiErrorSchema.parse(answer.body).error.message).toBe(
      "This needs the editor role; table-viewer is a viewer.",
    );
    const list = await call(app, "GET", "/api/views", { cookie: session.cookie });
    expect(JSON.stringify(list.body)).not.toContain("Viewer view");
  });

  it("signing out ends the session; signing out everywhere ends all of them", async () => {
    await userWith("walker", "viewer");
    const one = await signIn(app, "walker");
    const two = await signIn(app, "walker");
    const three = await signIn(app, "walker");
    const out = await call(app, "POST", "/api/auth/sign-out", { cookie: one.cookie, csrf: one.csrf, body: {} });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await call(app, "GET", "/api/graph", { cookie: one.cookie })).status).toBe(401);
    expect((await call(app, "GET", "/api/graph", { cookie: two.cookie })).status).toBe(200);
    const everywhere = await call(app, "POST", "/api/auth/sign-out-everywhere", {
      cookie: two.cookie,
      csrf: two.csrf,
      body: {},
    });
    expect(everywhere.status).toBe(204);
    expect((await call(app, "GET", "/api/graph", { cookie: two.cookie })).status).toBe(401);
    expect((await call(app, "GET", "/api/graph", { cookie: three.cookie })).status).toBe(401);
  });

  it("a removed user's open session and keys are refused at the next request", async () => {
    await userWith("leaver", "editor");
    const session = await signIn(app, "leaver");
    const key = (await accounts.createKey("leaver", "script")).secret;
    expect((await call(app, "GET", "/api/graph", { cookie: session.cookie })).status).toBe(200);
    const removed = await call(app, "DELETE", "/api/users/leaver", { bearer: keys.get("admin") as string });
    expect(removed.status).toBe(204);
    expect((await call(app, "GET", "/api/graph", { cookie: session.cookie })).status).toBe(401);
    expect((await call(app, "GET", "/api/graph", { bearer: key })).status).toBe(401);
  });

  it("a role change applies at once to open sessions", async () => {
    await userWith("promoted", "viewer");
    const session = await signIn(app, "promoted");
    expect((await call(app, "GET", "/api/users", { cookie: session.cookie })).status).toBe(403);
    const made = await call(app, "POST", "/api/users/promoted/role", {
      bearer: keys.get("admin") as string,
      body: { role: "admin" },
    });
    expect(made.status).toBe(200);
    expect((await call(app, "GET", "/api/users", { cookie: session.cookie })).status).toBe(200);
  });

  it("the last admin can be neither removed nor demoted", async () => {
    const solo = await accountsApp();
    // Every other admin (promoted, in a full run) demoted: table-admin is the last one.
    for (const user of await accounts.listUsers()) {
      if (user.role === "admin" && user.name !== "table-admin") await accounts.setRole(user.name, "viewer");
    }
    const demote = await call(solo, "POST", "/api/users/table-admin/role", {
      bearer: keys.get("admin") as string,
      body: { role: "editor" },
    });
    expect(demote.status).toBe(409);
    const remove = await call(solo, "DELETE", "/api/users/table-admin", { bearer: keys.get("admin") as string });
    expect(remove.status).toBe(409);
    expect(apiErrorSchema.parse(remove.body).error.message).toContain("last admin");
  });

  it("a session past its absolute age is refused, and so is one idle too long", async () => {
    await userWith("sleeper", "viewer");
    const shortLived = await accountsApp({ SESSION_MAX_AGE_MS: "50" });
    const session = await signIn(shortLived, "sleeper");
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect((await call(shortLived, "GET", "/api/graph", { cookie: session.cookie })).status).toBe(401);
    const idle = await accountsApp({ SESSION_IDLE_TIMEOUT_MS: "50" });
    const other = await signIn(idle, "sleeper");
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect((await call(idle, "GET", "/api/graph", { cookie: other.cookie })).status).toBe(401);
  });
});

describe("API keys", () => {
  it("are shown once, carry the user's role, and stop working when revoked", async () => {
    await userWith("scripter", "editor");
    const session = await signIn(app, "scripter");
    const created = await call(app, "POST", "/api/keys", {
      cookie: session.cookie,
      csrf: session.csrf,
      body: { label: "nightly import" },
    });
    expect(created.status).toBe(201);
    const { key, secret } = created.body as { key: { id: string }; secret: string };
    expect(secret).toMatch(/^gek_/);
    const listed = await call(app, "GET", "/api/keys", { cookie: session.cookie });
    expect(JSON.stringify(listed.body)).toContain("nightly import");
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const view = { name: "Key view", state: { v: 1, nodes: [] } };
    expect((await call(app, "POST", "/api/views", { bearer: secret, body: view })).status).toBeLessThan(300);
    expect((await call(app, "GET", "/api/users", { bearer: secret })).status).toBe(403);

    const revoked = await call(app, "DELETE", `/api/keys/${key.id}`, { cookie: session.cookie, csrf: session.csrf });
    expect(revoked.status).toBe(204);
    const after = await call(app, "GET", "/api/graph", { bearer: secret });
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toContain("invalid_token");
  });
});

describe("failed sign-ins", () => {
  it("lock an account after five failures from any address, with Retry-After, even for the right password", async () => {
    await userWith("guessed", "viewer");
    for (let i = 0; i < 5; i++) {
      const wrong = await call(app, "POST", "/api/auth/sign-in", { body: { name: "guessed", password: `guess-${i}` } });
      expect(wrong.status).toBe(401);
    }
    const locked = await call(app, "POST", "/api/auth/sign-in", { body: { name: "guessed", password: PASSWORD } });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another account from the same address is not locked by it.
    expect(
      (await call(app, "POST", "/api/auth/sign-in", { body: { name: "table-editor", password: PASSWORD } })).status,
    ).toBe(200);
  });

  it("lock an address after AUTH_FAILURE_MAX wrong passwords or keys, whichever account", async () => {
    const strict = await accountsApp({ AUTH_FAILURE_MAX: "3" });
    await call(strict, "POST", "/api/auth/sign-in", { body: { name: "a-1", password: "wrong-1" } });
    await call(strict, "POST", "/api/auth/sign-in", { body: { name: "a-2", password: "wrong-2" } });
    await call(strict, "GET", "/api/graph", { bearer: "gek_not-a-real-key" });
    const locked = await call(strict, "POST", "/api/auth/sign-in", {
      body: { name: "table-admin", password: PASSWORD },
    });
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).not.toBeNull();
  });
});

describe("the audit trail", () => {
  it("filters by actor and action, and exports CSV", async () => {
    const all = await auditEvents("?limit=5000");
    expect(all.some((event) => event.action === "sign-in")).toBe(true);
    expect(all.some((event) => event.action === "DELETE /api/users/:name" && event.summary.includes("leaver"))).toBe(
      true,
    );
    const csv = await call(app, "GET", "/api/audit.csv?actor=writer-1", { bearer: keys.get("admin") as string });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = String(csv.body).trim().split("\r\n");
    expect(lines[0]).toBe("at,actor,address,action,status,summary");
    expect(lines.slice(1).every((line) => line.includes('"writer-1"'))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
  });

  it("a bad date filter is 400, not a server error", async () => {
    const answer = await call(app, "GET", "/api/audit?from=yesterday", { bearer: keys.get("admin") as string });
    expect(answer.status).toBe(400);
  });

  it("users, sessions, keys and audit events never appear in the graph", async () => {
    const answer = await call(app, "GET", "/api/graph?limit=5000", { bearer: keys.get("viewer") as string });
    const graph = graphSchema.parse(answer.body);
    const labels = new Set(graph.nodes.flatMap((node) => node.data.labels));
    for (const label of ["AppUser", "AuthSession", "ApiKey", "AuditEvent"]) expect(labels.has(label)).toBe(false);
    expect(graph.nodes.length).toBeGreaterThan(0);
  });
});

/**
 * A project script run against this file's Neo4j, without blocking this process: it also serves the
 * app, and a blocked event loop lets the app's idle keep-alive sockets close under the next request
 * (ECONNRESET).
 */
function runScript(script: string, ...args: string[]) {
  const { uri, username, password, database } = neo4j.connection;
  return new Promise<{ status: number; out: string; err: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", join(projectRoot, "scripts", script), ...args],
      {
        cwd: projectRoot,
        encoding: "utf8",
        env: {
          ...process.env,
          NEO4J_URI: uri,
          NEO4J_USERNAME: username,
          NEO4J_PASSWORD: password,
          NEO4J_DATABASE: database,
        },
      },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr }),
    );
  });
}

describe("npm run users", () => {
  const users = (...args: string[]) => runScript("users.ts", ...args);

  it("adds a user with a one-time password that signs in, changes roles, lists, removes, and audits each", async () => {
    const added = await users("add", "cli.analyst", "--role", "viewer");
    expect(added.status, added.err).toBe(0);
    const oneTime = /One-time password of cli\.analyst: (\S+)/.exec(added.out)?.[1] ?? "";
    expect(oneTime).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const signedIn = await call(app, "POST", "/api/auth/sign-in", { body: { name: "cli.analyst", password: oneTime } });
    expect(signedIn.body).toMatchObject({ name: "cli.analyst", role: "viewer", mustChangePassword: true });

    expect((await users("role", "cli.analyst", "editor")).status).toBe(0);
    expect((await users("list")).out).toMatch(/cli\.analyst\s+editor/);
    expect((await users("remove", "cli.analyst")).status).toBe(0);
    expect((await users("list")).out).not.toContain("cli.analyst");
    const events = await auditEvents("?actor=cli:");
    expect(events.map((event) => event.action)).toEqual(["users remove", "users role", "users add"]);
  }, 60_000);

  it("says what is wrong in one line: a taken name, a bad role, an unknown command", async () => {
    const taken = await users("add", "table-admin");
    expect(taken.status).toBe(1);
    expect(taken.err).toContain('users: A user named "table-admin" exists already.');
    const badRole = await users("add", "someone", "--role", "owner");
    expect(badRole.status).toBe(1);
    expect(badRole.err).toContain("a role is viewer, editor or admin");
    expect((await users("frobnicate")).err).toContain('no command "frobnicate"');
  }, 60_000);
});

describe("who entered each claim", () => {
  const laterReport = () =>
    JSON.parse(readFileSync(join(projectRoot, "tests", "fixtures", "claims", "later-report.json"), "utf8")) as {
      article: { id: string };
    };

  it("a claims file committed with an editor's key records the editor on each new claim, shown with the claims", async () => {
    await userWith("claims.editor", "editor");
    const key = (await accounts.createKey("claims.editor", "ingest")).secret;
    const answer = await call(app, "POST", "/api/claims", { bearer: key, body: laterReport() });
    expect(answer.status, JSON.stringify(answer.body).slice(0, 500)).toBe(200);
    const { records } = await driver.executeQuery(
      "MATCH (c:Claim {articleId: $article}) RETURN c.relationshipId AS relationshipId, c.enteredBy AS by LIMIT 1",
      { article: laterReport().article.id },
    );
    expect(records[0]?.get("by")).toBe("claims.editor");
    const claims = await call(app, "GET", `/api/relationships/${records[0]?.get("relationshipId")}/claims`, {
      bearer: key,
    });
    const entered = (claims.body as { claims: { enteredBy: string | null; enteredAt: string | null }[] }).claims.find(
      (claim) => claim.enteredBy === "claims.editor",
    );
    expect(entered?.enteredAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const events = await auditEvents("?actor=claims.editor&action=POST%20/api/claims");
    expect(events[0]?.summary).toMatch(/^claims file: \d+ new claims/);
  });

  it("npm run ingest records the OS user, or the name given with --as", async () => {
    const file = laterReport();
    file.article.id = "fictional-later-report-cli-copy";
    const path = join(mkdtempSync(join(tmpdir(), "ingest-as-")), "later-copy.json");
    writeFileSync(path, JSON.stringify(file));
    const run = await runScript("ingest.ts", path, "--as", "M. Dupont");
    expect(run.status, run.err).toBe(0);
    const { records } = await driver.executeQuery(
      "MATCH (c:Claim {articleId: $article}) RETURN collect(DISTINCT c.enteredBy) AS by",
      { article: file.article.id },
    );
    expect(records[0]?.get("by")).toEqual(["M. Dupont"]);
  });
});

describe("single sign-on through OpenID Connect", () => {
  let provider: MiniOidcProvider;
  let sso: RunningApp;

  beforeAll(async () => {
    provider = await startMiniOidcProvider("graph-explorer", "client-secret-for-tests");
    sso = await accountsApp({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: "graph-explorer",
      OIDC_CLIENT_SECRET: "client-secret-for-tests",
      OIDC_ROLE_CLAIM: "groups",
      OIDC_ROLE_MAP: "analysts=editor, it-admins=admin, readers=viewer",
    });
  });
  afterAll(async () => {
    await provider?.close();
  });

  /** The browser's round trip: start here, the provider's redirect back, the callback's answer. */
  async function roundTrip(target: RunningApp) {
    const start = await call(target, "GET", "/api/auth/oidc/start?next=%2F%3Fview%3Dx");
    expect(start.status).toBe(302);
    const flowCookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(start.headers.get("set-cookie")).toMatch(/SameSite=Lax/);
    const authorize = await fetch(start.headers.get("location") ?? "", { redirect: "manual" });
    expect(authorize.status).toBe(302);
    const callback = new URL(authorize.headers.get("location") ?? "");
    return call(target, "GET", `${callback.pathname}${callback.search}`, { cookie: flowCookie });
  }

  it("signs a new user in with the role their groups map to, and goes on to where they were going", async () => {
    provider.user = { sub: "u-1", preferred_username: "s.sso", groups: ["readers", "analysts"] };
    const answer = await roundTrip(sso);
    expect(answer.status, String(answer.body).slice(0, 300)).toBe(200);
    expect(String(answer.body)).toContain('content="0;url=/?view=x"');
    const cookie = (answer.headers.get("set-cookie") ?? "")
      .split(", ")
      .find((c) => c.startsWith("graph_explorer_session="));
    const me = await call(sso, "GET", "/api/auth/me", { cookie: cookie?.split(";")[0] ?? "" });
    expect(me.body).toEqual({
      mode: "accounts",
      user: { name: "s.sso", role: "editor", mustChangePassword: false },
      oidc: true,
    });
  });

  it("takes the role from the provider at each sign-in", async () => {
    provider.user = { sub: "u-1", preferred_username: "s.sso", groups: "readers" };
    expect((await roundTrip(sso)).status).toBe(200);
    expect((await accounts.listUsers()).find((user) => user.name === "s.sso")?.role).toBe("viewer");
  });

  it("refuses a user none of whose groups maps to a role", async () => {
    provider.user = { sub: "u-2", preferred_username: "outsider", groups: ["marketing"] };
    const answer = await roundTrip(sso);
    expect(answer.status).toBe(403);
    expect((await accounts.listUsers()).some((user) => user.name === "outsider")).toBe(false);
  });

  it("refuses an ID token from another issuer, or for another client", async () => {
    provider.user = { sub: "u-3", preferred_username: "forged", groups: ["it-admins"] };
    provider.tamper = { iss: "http://127.0.0.1:1/elsewhere" };
    expect((await roundTrip(sso)).status).toBe(401);
    provider.tamper = { aud: "another-client" };
    expect((await roundTrip(sso)).status).toBe(401);
    provider.tamper = {};
    expect((await accounts.listUsers()).some((user) => user.name === "forged")).toBe(false);
  });

  it("cannot take over a local account of the same name", async () => {
    provider.user = { sub: "u-4", preferred_username: "table-admin", groups: ["it-admins"] };
    expect((await roundTrip(sso)).status).toBe(409);
  });

  it("refuses a callback that did not start here; a browser is sent to the sign-in page with the reason", async () => {
    const answer = await call(sso, "GET", "/api/auth/oidc/callback?code=x&state=y");
    expect(answer.status).toBe(401);
    const browser = await call(sso, "GET", "/api/auth/oidc/callback?code=x&state=y", {
      headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
    });
    expect(browser.status).toBe(303);
    expect(browser.headers.get("location")).toMatch(
      /^\/sign-in\.html\?error=This%20sign-in%20did%20not%20start%20here/,
    );
  });

  it("answers 404 where no provider is configured", async () => {
    expect((await call(app, "GET", "/api/auth/oidc/start")).status).toBe(404);
  });
});
