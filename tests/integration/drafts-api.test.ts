/**
 * Drafts end to end on a private Neo4j (port 7699: this file writes): save with revisions (a stale
 * one is 409 with the newer draft), drafts hidden from the graph, the write guard, commit through
 * the validated ingestion (twice: the second changes nothing), bad drafts that write nothing, and
 * the committed claims file as a download; in accounts mode (a second app on the same Neo4j), who
 * created, saved and committed each draft, and the viewer who may not. The articles are fictional.
 */
import { randomUUID } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  commitDraftAnswerSchema,
  type DraftContent,
  draftSchema,
  draftSummarySchema,
  outletListSchema,
} from "../../contract/draft-endpoints";
import { apiErrorSchema, graphSchema } from "../../contract/graph-contract";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { AuditLog } from "../../server/src/audit/audit-log";
import { AccountRepository } from "../../server/src/auth/account-repository";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { getJson, type RunningApp, startTestApp } from "../support/test-app";

const WRITE_TOKEN = "drafts-test-write-token";
let neo4j: PrivateNeo4j;
let admin: Driver;
let app: RunningApp;
let accountsApp: RunningApp | undefined;

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "drafts", boltPort: 7699 });
  admin = createDriver(neo4j.connection);
  app = await startTestApp({ neo4j: neo4j.connection, env: { WRITE_TOKEN, APP_TOKEN: "", RATE_LIMIT_MAX: "100000" } });
}, 240_000);
afterAll(async () => {
  await accountsApp?.close();
  await app?.close();
  await admin?.close();
  await neo4j?.stop();
}, 120_000);

/** FICTIONAL: a made-up article about made-up companies. */
const TEXT =
  "Fictional Quarrywind Labs has ordered 5,000 chips from Huawei, according to the (fictional) Gazette. The order would be delivered this year.";

function content(overrides: Partial<DraftContent> = {}): DraftContent {
  const quote = TEXT.slice(0, TEXT.indexOf(".") + 1);
  return {
    text: TEXT,
    title: "Fictional: Quarrywind orders chips",
    url: "https://example.org/fictional/quarrywind",
    published: "2025-03-04",
    language: "en",
    outlet: { id: "", name: "Fictional Drafts Gazette", grade: "C", known: false },
    notices: [],
    sources: [],
    entities: [
      {
        id: "fictional-quarrywind-labs",
        name: "Fictional Quarrywind Labs",
        label: "Company",
        known: false,
        why: "a new name",
        aliases: [],
        mentions: [],
      },
      { id: "huawei", name: "Huawei", label: "Company", known: true, why: "same name", aliases: [], mentions: [] },
    ],
    items: [
      {
        id: "p1",
        origin: "proposal",
        status: "accepted",
        subject: "fictional-quarrywind-labs",
        predicate: "ORDERED",
        object: "huawei",
        source: "",
        stance: "asserts",
        certainty: "reported",
        quote,
        quoteEn: "",
        quantities: { quantity: 5000 },
        start: 0,
        end: quote.length,
        cues: [{ kind: "predicate", text: "has ordered", start: 31, end: 42 }],
      },
      {
        id: "p2",
        origin: "proposal",
        status: "rejected",
        subject: "huawei",
        predicate: "MAKES",
        object: "fictional-quarrywind-labs",
        source: "",
        stance: "asserts",
        certainty: "confirmed",
        quote,
        quoteEn: "",
        quantities: {},
        start: 0,
        end: quote.length,
        cues: [],
      },
    ],
    ...overrides,
  };
}

const url = (path: string) => `${app.baseUrl}/api${path}`;
async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url(path), {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: response.headers };
}
const bearer = { authorization: `Bearer ${WRITE_TOKEN}` };

async function fingerprint(): Promise<string> {
  const { records } = await admin.executeQuery(`
    CALL { MATCH (n) WHERE NOT n:Draft WITH n ORDER BY elementId(n) RETURN collect([labels(n), properties(n)]) AS nodes }
    CALL { MATCH (a)-[r]->(b) WITH r ORDER BY elementId(r) RETURN collect(properties(r)) AS relationships }
    RETURN nodes, relationships`);
  return JSON.stringify(records[0]?.toObject());
}

describe("drafts API", () => {
  it("creates a draft at revision 1, lists it, and answers 409 with the newer draft to a stale save", async () => {
    const id = randomUUID();
    const created = await send("PUT", `/drafts/${id}`, { revision: 0, content: content() });
    expect(created.status).toBe(201);
    const draft = draftSchema.parse(created.body);
    expect(draft).toMatchObject({ id, revision: 1, status: "open", itemCount: 2, committed: null });

    const saved = await send("PUT", `/drafts/${id}`, {
      revision: 1,
      content: content({ title: "Fictional: renamed" }),
    });
    expect(saved.status).toBe(200);
    expect(draftSchema.parse(saved.body)).toMatchObject({ revision: 2, title: "Fictional: renamed" });

    const stale = await send("PUT", `/drafts/${id}`, { revision: 1, content: content({ title: "Fictional: lost" }) });
    expect(stale.status).toBe(409);
    const error = apiErrorSchema.parse(stale.body).error;
    expect(error.code).toBe("CONFLICT");
    expect(draftSchema.parse((error.details as { draft: unknown }).draft).title).toBe("Fictional: renamed");

    const list = await getJson(url("/drafts"));
    const drafts = (list.body as { drafts: unknown[] }).drafts.map((entry) => draftSummarySchema.parse(entry));
    expect(drafts.find((entry) => entry.id === id)).toMatchObject({ revision: 2, title: "Fictional: renamed" });
    const reopened = draftSchema.parse((await getJson(url(`/drafts/${id}`))).body);
    expect(reopened.content.text).toBe(TEXT);
  });

  it("keeps drafts out of the graph", async () => {
    const id = randomUUID();
    await send("PUT", `/drafts/${id}`, { revision: 0, content: content() });
    const graph = graphSchema.parse((await getJson(url("/graph?limit=5000"))).body);
    expect(graph.nodes.some((node) => node.data.labels.includes("Draft"))).toBe(false);
    expect(graph.nodes.some((node) => JSON.stringify(node.data.props).includes(id))).toBe(false);
  });

  it("refuses a save from another site's page and one that is not JSON", async () => {
    const id = randomUUID();
    const crossSite = await send(
      "PUT",
      `/drafts/${id}`,
      { revision: 0, content: content() },
      { "sec-fetch-site": "cross-site" },
    );
    expect(crossSite.status).toBe(403);
    const response = await fetch(url(`/drafts/${id}`), {
      method: "PUT",
      headers: { "content-type": "text/plain" },
      body: "x",
    });
    expect(response.status).toBe(415);
    expect((await getJson(url(`/drafts/${id}`))).status).toBe(404);
  });

  it("deletes a draft", async () => {
    const id = randomUUID();
    await send("PUT", `/drafts/${id}`, { revision: 0, content: content() });
    expect((await send("DELETE", `/drafts/${id}`)).status).toBe(204);
    expect((await getJson(url(`/drafts/${id}`))).status).toBe(404);
    expect((await send("DELETE", `/drafts/${id}`)).status).toBe(404);
  });

  it("lists the graph's Source nodes for the outlet picker", async () => {
    const outlets = outletListSchema.parse((await getJson(url("/draft-outlets"))).body).outlets;
    expect(outlets.length).toBeGreaterThan(0);
    expect(outlets.every((outlet) => outlet.id && outlet.name && outlet.grade)).toBe(true);
  });
});

describe("committing a draft", () => {
  it("ingests the accepted claims only, reports them, serves the claims file, and a second commit changes nothing", async () => {
    const id = randomUUID();
    const put = draftSchema.parse((await send("PUT", `/drafts/${id}`, { revision: 0, content: content() })).body);
    expect((await getJson(url(`/drafts/${id}/claims-file`))).status).toBe(404);

    const first = await send("POST", `/drafts/${id}/commit`, { revision: put.revision }, bearer);
    expect(first.status).toBe(200);
    const answer = commitDraftAnswerSchema.parse(first.body);
    expect(answer.nothingChanged).toBe(false);
    expect(answer.report.counts.claims.created).toBe(1);
    expect(answer.report.counts.entities.created).toBe(1);
    expect(answer.draft.status).toBe("committed");
    expect(answer.relationshipIds).toEqual(["fictional-quarrywind-labs-ordered-huawei"]);
    expect(answer.nodeIds.sort()).toEqual(["fictional-quarrywind-labs", "huawei"]);
    const { records } = await admin.executeQuery(
      "MATCH (:Company {id: 'fictional-quarrywind-labs'})-[r:ORDERED]->(:Company {id: 'huawei'}) RETURN r.quantity AS quantity, r.evidence_en AS en",
    );
    expect(records.map((record) => record.get("quantity"))).toEqual([5000]);
    expect(records[0]?.get("en")).toBe(null);
    const rejected = await admin.executeQuery(
      "MATCH ()-[r:MAKES]->({id: 'fictional-quarrywind-labs'}) RETURN count(r) AS n",
    );
    expect(Number(rejected.records[0]?.get("n"))).toBe(0);

    const download = await fetch(url(`/drafts/${id}/claims-file`));
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("attachment");
    const file = (await download.json()) as { format: string; claims: { quoteEn?: string }[] };
    expect(file.format).toBe("claims/1");
    expect(file.claims).toHaveLength(1);
    expect(file.claims[0]?.quoteEn).toBeUndefined();

    // A second analyst commits the same article from another draft.
    const other = randomUUID();
    const second = draftSchema.parse((await send("PUT", `/drafts/${other}`, { revision: 0, content: content() })).body);
    const before = await fingerprint();
    const again = await send("POST", `/drafts/${other}/commit`, { revision: second.revision }, bearer);
    expect(again.status).toBe(200);
    expect(commitDraftAnswerSchema.parse(again.body).nothingChanged).toBe(true);
    expect(await fingerprint()).toBe(before);
  });

  it("writes nothing for a draft with no accepted claim, a bad date, a stale revision or no write token", async () => {
    const before = await fingerprint();
    const cases: [Partial<DraftContent>, RegExp][] = [
      [
        { items: content().items.map((item) => ({ ...item, status: "pending" as const })) },
        /Accept at least one claim/,
      ],
      [{ published: "04/03/2025" }, /not YYYY-MM-DD/],
      [{ title: "  " }, /needs a title/],
    ];
    for (const [overrides, message] of cases) {
      const id = randomUUID();
      const draft = draftSchema.parse(
        (await send("PUT", `/drafts/${id}`, { revision: 0, content: content(overrides) })).body,
      );
      const answer = await send("POST", `/drafts/${id}/commit`, { revision: draft.revision }, bearer);
      expect(answer.status).toBe(400);
      expect(apiErrorSchema.parse(answer.body).error.message).toMatch(message);
    }
    const id = randomUUID();
    const draft = draftSchema.parse((await send("PUT", `/drafts/${id}`, { revision: 0, content: content() })).body);
    const stale = await send("POST", `/drafts/${id}/commit`, { revision: draft.revision - 1 }, bearer);
    expect(stale.status).toBe(409);
    const unsigned = await send("POST", `/drafts/${id}/commit`, { revision: draft.revision });
    expect(unsigned.status).toBe(401);
    const unknownPredicate = content({
      items: content().items.map((item) => ({ ...item, predicate: "not a predicate" })),
    });
    const bad = randomUUID();
    const badDraft = draftSchema.parse(
      (await send("PUT", `/drafts/${bad}`, { revision: 0, content: unknownPredicate })).body,
    );
    const refused = await send("POST", `/drafts/${bad}/commit`, { revision: badDraft.revision }, bearer);
    expect(refused.status).toBe(400);
    expect(apiErrorSchema.parse(refused.body).error.message).toMatch(/nothing was written/);
    expect(await fingerprint()).toBe(before);
  });
});

describe("drafts in accounts mode", () => {
  /** An API key per user: two editors and a viewer. */
  const keyOf = new Map<string, string>();
  const as = async (user: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${accountsApp?.baseUrl}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${keyOf.get(user)}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const article = (): DraftContent =>
    content({ title: "Fictional: Quarrywind orders again", url: "https://example.org/fictional/quarrywind-again" });

  beforeAll(async () => {
    const database = new Neo4jDatabase(admin, { database: neo4j.connection.database, queryTimeoutMs: 10_000 });
    const accounts = new AccountRepository(database);
    await accounts.ensureSchema();
    await new AuditLog(database).ensureSchema();
    for (const [name, role] of [
      ["Ada Editor", "editor"],
      ["Bo Editor", "editor"],
      ["Cy Viewer", "viewer"],
    ] as const) {
      await accounts.createUser(name, role, "test");
      await accounts.changePassword(name, "correct horse battery staple");
      keyOf.set(name, (await accounts.createKey(name, "drafts test")).secret);
    }
    accountsApp = await startTestApp({
      neo4j: neo4j.connection,
      env: { AUTH_MODE: "accounts", APP_TOKEN: "", WRITE_TOKEN: "", RATE_LIMIT_MAX: "100000", CORS_ORIGINS: "" },
    });
  }, 120_000);

  it("records who created and who last saved a draft; another editor sees it and saves over it", async () => {
    const id = randomUUID();
    const created = await as("Ada Editor", "PUT", `/drafts/${id}`, { revision: 0, content: article() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(draftSchema.parse(created.body)).toMatchObject({ createdBy: "Ada Editor", updatedBy: "Ada Editor" });

    const listed = await as("Bo Editor", "GET", "/drafts");
    expect(listed.status).toBe(200);
    const summaries = (listed.body as { drafts: unknown[] }).drafts.map((draft) => draftSummarySchema.parse(draft));
    expect(summaries.find((draft) => draft.id === id)).toMatchObject({
      createdBy: "Ada Editor",
      updatedBy: "Ada Editor",
    });

    const saved = await as("Bo Editor", "PUT", `/drafts/${id}`, { revision: 1, content: article() });
    expect(saved.status).toBe(200);
    expect(draftSchema.parse(saved.body)).toMatchObject({
      revision: 2,
      createdBy: "Ada Editor",
      updatedBy: "Bo Editor",
    });
  });

  it("a viewer reads drafts but cannot save, delete or commit one (403 naming the editor role); nothing changes", async () => {
    const id = randomUUID();
    const put = draftSchema.parse(
      (await as("Ada Editor", "PUT", `/drafts/${id}`, { revision: 0, content: article() })).body,
    );
    expect((await as("Cy Viewer", "GET", "/drafts")).status).toBe(200);
    expect((await as("Cy Viewer", "GET", `/drafts/${id}`)).status).toBe(200);
    const before = await fingerprint();
    for (const [method, path, body] of [
      ["PUT", `/drafts/${id}`, { revision: put.revision, content: article() }],
      ["PUT", `/drafts/${randomUUID()}`, { revision: 0, content: article() }],
      ["POST", `/drafts/${id}/commit`, { revision: put.revision }],
      ["DELETE", `/drafts/${id}`, undefined],
    ] as const) {
      const refused = await as("Cy Viewer", method, path, body);
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(apiErrorSchema.parse(refused.body).error.message).toContain("editor");
    }
    expect(await fingerprint()).toBe(before);
    const after = draftSchema.parse((await as("Ada Editor", "GET", `/drafts/${id}`)).body);
    expect(after).toMatchObject({ revision: put.revision, updatedBy: "Ada Editor", status: "open" });
  });

  it("an editor commits another's draft: the commit, the claims and the draft's last save are the committer's", async () => {
    const id = randomUUID();
    const put = draftSchema.parse(
      (await as("Ada Editor", "PUT", `/drafts/${id}`, { revision: 0, content: article() })).body,
    );
    const committed = await as("Bo Editor", "POST", `/drafts/${id}/commit`, { revision: put.revision });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    const answer = commitDraftAnswerSchema.parse(committed.body);
    expect(answer.draft).toMatchObject({ status: "committed", createdBy: "Ada Editor", updatedBy: "Bo Editor" });
    expect(answer.draft.committed?.by).toBe("Bo Editor");
    const { records } = await admin.executeQuery(
      "MATCH (c:Claim {articleId: $articleId}) RETURN collect(DISTINCT c.enteredBy) AS by",
      { articleId: answer.draft.committed?.articleId },
    );
    expect(records[0]?.get("by")).toEqual(["Bo Editor"]);
    const reopened = draftSchema.parse((await as("Ada Editor", "GET", `/drafts/${id}`)).body);
    expect(reopened.committed?.by).toBe("Bo Editor");
  });
  it("the page's read-only POSTs (proposals, a node lookup) need no CSRF token and are not audited; its saves still do", async () => {
    const signIn = await fetch(`${accountsApp?.baseUrl}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Ada Editor", password: "correct horse battery staple" }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const post = (path: string, body: unknown, method = "POST") =>
      fetch(`${accountsApp?.baseUrl}/api${path}`, {
        method,
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post("/extract", { text: TEXT, language: "en" })).status).toBe(200);
    expect((await post("/nodes/lookup", { ids: ["huawei"] })).status).toBe(200);
    const { records } = await admin.executeQuery("MATCH (e:AuditEvent) RETURN collect(e.action) AS actions");
    const actions = (records[0]?.get("actions") ?? []) as string[];
    expect(actions.filter((action) => /extract|lookup/.test(action))).toEqual([]);
    const save = await post(`/drafts/${randomUUID()}`, { revision: 0, content: article() }, "PUT");
    expect(save.status).toBe(403);
    expect(apiErrorSchema.parse(await save.json()).error.message).toMatch(/CSRF/);
  });
});
