/**
 * Hostile workbench queries against the real app on a private Neo4j (port 7693): each is answered
 * at once and truthfully (the status and code its cause deserves, in the app's own words), no
 * query reaches Neo4j that would overflow its parser, one client's memory bombs do not keep
 * Neo4j busy for the others, and the graph is the same after every case.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema, cypherResultSchema } from "../../contract/graph-contract";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { loadAppConfig } from "../../server/src/config/app-config";
import { measureCypher } from "../../server/src/cypher/measure-cypher";
import { createDriver } from "../../server/src/neo4j/create-driver";
import {
  type GraphCounts,
  graphCounts,
  postCypher,
  timedFetch,
  waitFor,
  workbenchTransactions,
} from "../support/fault-helpers";
import { type RunningApp, startTestApp } from "../support/test-app";

let neo4j: PrivateNeo4j;
let admin: Driver;
let baseline: GraphCounts;
let app: RunningApp;
const apps: RunningApp[] = [];

async function appWith(env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const started = await startTestApp({ neo4j: neo4j.connection, env: { RATE_LIMIT_MAX: "100000", ...env } });
  apps.push(started);
  return started;
}

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "hostile", boltPort: 7693 });
  admin = createDriver(neo4j.connection);
  await seedHiddenRecords(admin);
  baseline = await graphCounts(admin);
  app = await appWith();
});
afterAll(async () => {
  for (const running of apps) await running.close();
  await admin?.close();
  await neo4j?.stop();
});
afterEach(async () => {
  expect(await graphCounts(admin)).toEqual(baseline);
  expect((await timedFetch(`${app.baseUrl}/api/ready`)).status).toBe(200);
});

/**
 * The app's own records, as the account, audit and draft code writes them, each carrying a marker
 * no answer of the workbench may contain.
 */
const SECRETS = {
  passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$PASSWORDHASHMARKER",
  sessionHash: "5e55105e55105e55105e55105e55105e55105e55105e55105e55105e5510aaaa",
  keyHash: "ae1ae1ae1ae1ae1ae1ae1ae1ae1ae1ae1ae1ae1ae1ae1ae1ae1ae1ae1ae1bbbb",
  auditSummary: "AUDITSUMMARYMARKER committed 3 claims",
  auditAddress: "198.51.100.77",
  draftText: "DRAFTTEXTMARKER: a fictional article under review",
};

async function seedHiddenRecords(driver: Driver): Promise<void> {
  await driver.executeQuery(
    `CREATE (:AppUser {nameKey: 'mallory', name: 'mallory', role: 'admin', passwordHash: $s.passwordHash,
                       mustChangePassword: false, createdAt: datetime()})
     CREATE (:AuthSession {idHash: $s.sessionHash, userKey: 'mallory', createdMs: 1, lastSeenMs: 2, createdAt: datetime()})
     CREATE (:ApiKey {id: 'key-1', userKey: 'mallory', secretHash: $s.keyHash, label: 'script', createdAt: datetime()})
     CREATE (:AuditEvent {id: 'event-1', at: datetime(), actor: 'mallory', address: $s.auditAddress,
                          action: 'POST /api/claims', status: 200, summary: $s.auditSummary})
     CREATE (:Draft {id: 'draft-0001', title: 'Fictional draft', status: 'open', revision: 1, itemCount: 0,
                     content: $s.draftText, createdAt: datetime(), updatedAt: datetime()})`,
    { s: SECRETS },
  );
}

/** The limits of an app with the default configuration. */
const DEFAULT_TEXT_LIMITS = {
  maxDepth: loadAppConfig({}).cypher.maxDepth,
  maxUnions: loadAppConfig({}).cypher.maxUnions,
};
const errorOf = (body: unknown) => apiErrorSchema.parse(body).error;
const stackOverflowsLogged = () =>
  (readFileSync(join(neo4j.layout.logsDir, "debug.log"), "utf8").match(/StackOverflowError/g) ?? []).length;

/** Shapes of statement that nest `n` deep, each one way Neo4j's parser recurses. */
const NESTING: [name: string, build: (n: number) => string][] = [
  ["lists", (n) => `RETURN ${"[".repeat(n)}1${"]".repeat(n)} AS x`],
  ["parentheses", (n) => `RETURN ${"(".repeat(n)}1${")".repeat(n)} AS x`],
  ["maps", (n) => `RETURN ${"{a: ".repeat(n)}1${"}".repeat(n)} AS x`],
  ["function calls", (n) => `RETURN ${"abs(".repeat(n)}1${")".repeat(n)} AS x`],
  ["CASE", (n) => `RETURN ${"CASE WHEN true THEN ".repeat(n)}1${" END".repeat(n)} AS x`],
  ["list comprehensions", (n) => `RETURN ${"[x IN ".repeat(n)}[1]${" | x]".repeat(n)} AS x`],
  ["a property chain", (n) => `WITH null AS m RETURN m${".a".repeat(n)} AS x`],
  ["NOT after NOT", (n) => `RETURN ${"NOT ".repeat(n)}true AS x`],
  ["string concatenation", (n) => `RETURN 'a'${" + 'a'".repeat(n)} AS x`],
];

describe("nesting that would overflow Neo4j's parser", () => {
  it.each(NESTING)("%s 600 deep: 400 VALIDATION naming the limit, and Neo4j never sees it", async (_name, build) => {
    const overflowsBefore = stackOverflowsLogged();
    const answer = await postCypher(app.baseUrl, build(600));
    expect(answer.status).toBe(400);
    expect(errorOf(answer.body)).toMatchObject({
      code: "VALIDATION",
      retriable: false,
      message: expect.stringMatching(new RegExp(`at most ${DEFAULT_TEXT_LIMITS.maxDepth} are allowed`)),
    });
    expect(stackOverflowsLogged()).toBe(overflowsBefore);
  });

  it.each(NESTING)("%s as deep as the limit allows: Neo4j answers it", async (_name, build) => {
    // The limit must stay below what overflows Neo4j: the deepest query it lets through is run.
    let deepest = 1;
    while (measureCypher(build(deepest + 1)).depth <= DEFAULT_TEXT_LIMITS.maxDepth) deepest += 1;
    const overflowsBefore = stackOverflowsLogged();
    const answer = await postCypher(app.baseUrl, build(deepest));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(stackOverflowsLogged()).toBe(overflowsBefore);
  });

  it("800 statements joined by UNION: 400 naming the limit; as many as allowed: answered", async () => {
    const union = (parts: number) => Array.from({ length: parts }, (_, i) => `RETURN ${i} AS x`).join(" UNION ");
    const refused = await postCypher(app.baseUrl, union(800));
    expect(refused.status).toBe(400);
    expect(errorOf(refused.body).message).toMatch(/800 parts with UNION/);
    const allowed = await postCypher(app.baseUrl, union(DEFAULT_TEXT_LIMITS.maxUnions + 1));
    expect(allowed.status).toBe(200);
    expect(cypherResultSchema.parse(allowed.body).rowCount).toBe(DEFAULT_TEXT_LIMITS.maxUnions + 1);
  });
});

describe("a request's deadline", () => {
  it("frees Neo4j: the query of a request answered 504 by REQUEST_TIMEOUT_MS is stopped", async () => {
    const hurried = await appWith({ REQUEST_TIMEOUT_MS: "1500", QUERY_TIMEOUT_MS: "120000" });
    const answer = await postCypher(
      hurried.baseUrl,
      "UNWIND range(1, 400000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)",
    );
    expect(answer.status).toBe(504);
    expect(await waitFor(async () => (await workbenchTransactions(admin)).length === 0, 10_000)).toBe(true);
  });
});

describe("memory bombs", () => {
  // A string of 2^30 characters: twice the private Neo4j's heap.
  const bomb = "RETURN size(reduce(s = 'x', i IN range(1, 30) | s + s)) AS c";
  const from = (address: string) => ({ "x-forwarded-for": address, "content-type": "application/json" });
  const post = (target: RunningApp, address: string, query: string) =>
    timedFetch(`${target.baseUrl}/api/cypher`, {
      method: "POST",
      headers: from(address),
      body: JSON.stringify({ query }),
    });

  it("a string grown past the heap: 422 QUERY_TOO_LARGE, not retriable; after the budget, 429 for that client only", async () => {
    const guarded = await appWith({ TRUST_PROXY: "loopback", CYPHER_MEMORY_FAILURE_MAX: "2" });
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await post(guarded, "203.0.113.7", bomb);
      expect(answer.status).toBe(422);
      expect(errorOf(answer.body)).toMatchObject({ code: "QUERY_TOO_LARGE", retriable: false });
      expect(answer.headers.get("retry-after")).toBeNull();
    }
    const limited = await post(guarded, "203.0.113.7", bomb);
    expect(limited.status).toBe(429);
    expect(errorOf(limited.body)).toMatchObject({ code: "RATE_LIMITED", retriable: true });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // The budget is per client: another address's ordinary query is served.
    expect((await post(guarded, "203.0.113.8", "RETURN 1 AS one")).status).toBe(200);
  });
});

describe("errors in the app's words", () => {
  it("an argument Neo4j refuses while running (substring from -1): 400 VALIDATION, not 500", async () => {
    const answer = await postCypher(app.baseUrl, "RETURN substring('abc', -1) AS s");
    expect(answer.status).toBe(400);
    expect(errorOf(answer.body)).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/negative/) });
  });

  it("a full-text query Lucene cannot parse, and an unknown index: 400 saying what is wrong, no Java class", async () => {
    const badSyntax = await postCypher(
      app.baseUrl,
      "CALL db.index.fulltext.queryNodes('entityNames', 'AND') YIELD node RETURN node",
    );
    const badIndex = await postCypher(
      app.baseUrl,
      "CALL db.index.fulltext.queryNodes('noSuchIndex', 'huawei') YIELD node RETURN node",
    );
    for (const answer of [badSyntax, badIndex]) {
      expect(answer.status).toBe(400);
      const { code, message } = errorOf(answer.body);
      expect(code).toBe("VALIDATION");
      expect(message).toMatch(/full-text search/);
      expect(message).not.toMatch(/java|lucene\.|Exception|org\./i);
    }
    expect(errorOf(badIndex.body).message).toMatch(/noSuchIndex/);
  });
});

describe("the app's own records (accounts, sessions, keys, audit, drafts)", () => {
  const post = (query: string, params: { [key: string]: unknown } = {}) =>
    timedFetch(`${app.baseUrl}/api/cypher`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, params }),
    });
  /** No secret, no audit or draft text; an answer (not a refusal, which names what it refused) names no hidden label or key either. */
  const expectNoSecret = (body: unknown, answered = false) => {
    const text = JSON.stringify(body);
    for (const marker of Object.values(SECRETS)) expect(text).not.toContain(marker);
    expect(text).not.toMatch(/\$argon2|mallory/);
    if (answered) expect(text).not.toMatch(/AppUser|AuthSession|ApiKey|AuditEvent|passwordHash|secretHash|idHash/);
  };

  it.each([
    "MATCH (u:AppUser) RETURN u",
    "MATCH (n) WHERE n.passwordHash IS NOT NULL RETURN n.passwordHash",
    "MATCH (n) RETURN n.secretHash",
    "MATCH (n:Company|ApiKey) RETURN n",
    "MATCH (n:AuditEvent) RETURN count(n)",
    "MATCH (n) WHERE 'AppUser' IN labels(n) RETURN n.name",
    "MATCH (n) UNWIND keys(n) AS k RETURN n[k] AS v",
    "MATCH (n) RETURN [k IN keys(n) | n[k]] AS values",
    "MATCH (n) RETURN properties(n) AS p",
    "MATCH (n) RETURN n {.*} AS p",
    "MATCH (n) WHERE n.summary IS NOT NULL RETURN n.summary, n.address",
    "MATCH (n) RETURN n.content AS text",
    "MATCH (n) WHERE id(n) >= 0 RETURN n.role, n.name",
    "MATCH (n) WITH n, 'passw' + 'ordHash' AS k RETURN n[k]",
  ])("%s: 403 QUERY_FORBIDDEN saying why, nothing read", async (query) => {
    const answer = await post(query);
    expect(answer.status, JSON.stringify(answer.body)).toBe(403);
    expect(errorOf(answer.body)).toMatchObject({ code: "QUERY_FORBIDDEN", retriable: false });
    expect(errorOf(answer.body).message).toMatch(/app's own record|secret's hash|Name the label/);
    expectNoSecret(answer.body);
  });

  it("a hidden label passed as a parameter (MATCH (n:$($label))): 403", async () => {
    const answer = await post("MATCH (n:$($label)) RETURN n.name", { label: "AuthSession" });
    expect(answer.status).toBe(403);
    expectNoSecret(answer.body);
  });

  it("a statement that passed with a graph label is refused with a hidden one (its verdict is remembered, its parameters are not)", async () => {
    const query = "MATCH (n:$($kind)) RETURN n.name AS name LIMIT 2";
    expect((await post(query, { kind: "Company" })).status).toBe(200);
    expect((await post(query, { kind: "Company" })).status).toBe(200);
    const answer = await post(query, { kind: "ApiKey" });
    expect(answer.status).toBe(403);
    expectNoSecret(answer.body);
  });

  it.each([
    "MATCH (n) RETURN n",
    "MATCH (n) RETURN labels(n) AS labels, n.name AS name",
    "MATCH (n) RETURN keys(n) AS keys",
    "MATCH (n) RETURN collect(n) AS everything",
    "CALL db.labels()",
    "CALL db.propertyKeys()",
    "CALL db.schema.nodeTypeProperties()",
    "CALL db.schema.visualization()",
  ])("%s: answered without the app's records or their keys", async (query) => {
    const answer = await post(query);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const result = cypherResultSchema.parse(answer.body);
    expectNoSecret(result, true);
    expect(result.rowCount).toBeGreaterThan(0);
  });

  it("the graph's own nodes still answer every way: labelled properties(n), n {.*}, a name over all nodes", async () => {
    for (const query of [
      "MATCH (n:Company) RETURN properties(n) AS p LIMIT 3",
      "MATCH (n:Company) RETURN n {.*} AS p LIMIT 3",
      "MATCH (n) WHERE n.name STARTS WITH 'H' RETURN n.name AS name",
      "MATCH (a:Company)-[r]-(b) RETURN properties(b) AS p LIMIT 3",
    ]) {
      const answer = await post(query);
      expect(answer.status, `${query}: ${JSON.stringify(answer.body)}`).toBe(200);
      expect(cypherResultSchema.parse(answer.body).rowCount, query).toBeGreaterThan(0);
    }
  });

  it("the editor's schema (GET /api/schema) names neither the app's labels nor its secrets' keys", async () => {
    const answer = await timedFetch(`${app.baseUrl}/api/schema`);
    expect(answer.status).toBe(200);
    expectNoSecret(answer.body, true);
  });
});
