/**
 * The story over time (issue #20) end to end on a private Neo4j (port 7697: this file writes): the
 * seed plus the fictional story of tests/fixtures/story, then GET /api/timeline, GET /api/changes
 * against the hand-written expected list for two date pairs (and between two articles, on the held
 * axis, swapped and future dates), independent origins on the republished story, and the watches:
 * the badge after one more article is ingested, a watch on a deleted node or view listed as removed,
 * and each signed-in user's own watches in accounts mode.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimSummarySchema, graphSchema, relationshipClaimsSchema } from "../../contract/graph-contract";
import {
  type Change,
  changeListSchema,
  timelineSchema,
  watchChangesSchema,
  watchListSchema,
  watchSchema,
} from "../../contract/timeline-endpoints";
import { asOfGraphByWholeRead } from "../../scripts/bench/timeline-graph-reference";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { projectRoot } from "../../scripts/project-root";
import { AccountRepository } from "../../server/src/auth/account-repository";
import { ingestClaims } from "../../server/src/claims/ingest-claims";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { diffClaims } from "../../server/src/timeline/change-diff";
import { TimelineRepository } from "../../server/src/timeline/timeline-repository";
import { getJson, postJson, type RunningApp, startTestApp } from "../support/test-app";

const STORY = join(projectRoot, "tests", "fixtures", "story");
const STORY_FILES = [
  "01-northwind-order.json",
  "02-courrier-republished.json",
  "03-daily-invented-copy.json",
  "04-journal-rule.json",
  "05-harbour-gazette-order.json",
  "06-velmora-denial.json",
];

/** A story file with its article's text read from the file it names. */
function storyFile(name: string): Record<string, unknown> {
  const file = JSON.parse(readFileSync(join(STORY, name), "utf8")) as { article: Record<string, unknown> };
  const text = readFileSync(join(STORY, String(file.article.file)), "utf8");
  return { ...file, article: { ...file.article, text } };
}

interface ExpectedChange {
  kind: string;
  relationshipId: string | null;
  entityIds: string[];
  before: string | null;
  after: string | null;
  origins: string[];
  articles: string[];
}
const EXPECTED = JSON.parse(readFileSync(join(STORY, "expected-changes.json"), "utf8")) as {
  pairs: { query: { from: string; to: string; axis: string }; changes: ExpectedChange[] }[];
};

let neo4j: PrivateNeo4j;
let admin: Driver;
let app: RunningApp;

const ingest = async (name: string) => {
  const report = await ingestClaims(
    new Neo4jDatabase(admin, { database: neo4j.connection.database, queryTimeoutMs: 60_000 }),
    storyFile(name),
  );
  expect(report.problems).toEqual([]);
  expect(report.written).toBe(true);
  return report;
};

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "timeline", boltPort: 7697 });
  admin = createDriver(neo4j.connection);
  app = await startTestApp({ neo4j: neo4j.connection, env: { APP_TOKEN: "", RATE_LIMIT_MAX: "100000" } });
  for (const name of STORY_FILES) await ingest(name);
}, 300_000);
afterAll(async () => {
  await app?.close();
  await admin?.close();
  await neo4j?.stop();
}, 120_000);

const api = (path: string) => getJson(`${app.baseUrl}/api${path}`);
const changesAt = async (query: string) => {
  const response = await api(`/changes?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return changeListSchema.parse(response.body);
};
const shape = (change: Change): ExpectedChange => ({
  kind: change.kind,
  relationshipId: change.relationshipId,
  entityIds: change.entityIds,
  before: change.before,
  after: change.after,
  origins: change.origins,
  articles: change.claims.map((claim) => claim.articleId ?? "?"),
});

describe("GET /api/timeline", () => {
  it("lists the story's articles by publication date and each claim as a tick", async () => {
    const response = await api("/timeline");
    expect(response.status).toBe(200);
    const timeline = timelineSchema.parse(response.body);
    const story = timeline.articles.filter((article) => article.id.startsWith("story-"));
    expect(story.map((article) => [article.publishedAt, article.language, article.outlet?.name])).toEqual([
      ["2021-03-02", "en", "Northwind Wire"],
      ["2021-03-03", "fr", "Le Courrier fictif"],
      ["2021-03-04", "en", "The Daily Invented"],
      ["2021-09-15", "fr", "Le Journal imaginaire"],
      ["2022-02-10", "en", "The Harbour Gazette"],
      ["2022-11-20", "en", "Velmora press office (fictional statement)"],
    ]);
    const ticks = timeline.ticks.filter((tick) => tick.articleId?.startsWith("story-"));
    expect(ticks).toHaveLength(12);
    expect(ticks[0]).toMatchObject({
      relationshipId: "velmora-ordered-quillon-qx9",
      sourceId: "velmora",
      targetId: "quillon-qx9",
      type: "ORDERED",
      certainty: "reported",
      stance: "asserts",
      reportedAt: "2021-03-02",
      validFrom: "2021-03",
      outletId: "northwind-wire",
    });
    expect(ticks.find((tick) => tick.stance === "denies")?.relationshipId).toBe("velmora-sources-from-quillon");
    expect(timeline.range?.from).toBe("2021-03-02");
    expect(timeline.empty).toBeNull();
  });
});

describe("GET /api/changes", () => {
  it.each(EXPECTED.pairs.map((pair) => [`${pair.query.from} → ${pair.query.to}`, pair] as const))(
    "answers the hand-written change list %s",
    async (_name, pair) => {
      const list = await changesAt(new URLSearchParams(pair.query).toString());
      expect(list).toMatchObject({ ...pair.query, swapped: false, clamped: false, notices: [] });
      expect(list.changes.map(shape)).toEqual(pair.changes);
      for (const change of list.changes) expect(change.claims.length).toBeGreaterThan(0);
    },
  );

  it("counts the republished, copied and attributed order stories as one origin, not a corroboration", async () => {
    const pair = await changesAt("from=2021-03-02&to=2021-09-30");
    expect(pair.changes.filter((change) => change.relationshipId === "velmora-ordered-quillon-qx9")).toEqual([]);
  });

  it("swaps D2 before D1 and says so", async () => {
    const [first] = EXPECTED.pairs;
    const list = await changesAt("from=2021-09-30&to=2021-03-02");
    expect(list).toMatchObject({ from: "2021-03-02", to: "2021-09-30", swapped: true });
    expect(list.notices.join(" ")).toContain("swapped");
    expect(list.changes.map(shape)).toEqual(first?.changes);
  });

  it("takes a future date as today and says so", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const list = await changesAt("from=2022-06-01&to=2999-12-31");
    expect(list).toMatchObject({ to: today, clamped: true, swapped: false });
    expect(list.notices.join(" ")).toContain("2999-12-31 is in the future");
    expect(list.changes.some((change) => change.kind === "denied")).toBe(true);
  });

  it("compares two articles: the state on each one's publication day", async () => {
    const list = await changesAt("fromArticle=story-northwind-order-2021&toArticle=story-journal-rule-2021");
    expect(list).toMatchObject({ from: "2021-03-02", to: "2021-09-15" });
    expect(list.changes.map(shape)).toEqual(EXPECTED.pairs[0]?.changes);
    const missing = await api("/changes?fromArticle=no-such-article");
    expect(missing.status).toBe(404);
  });

  it("on the held axis: the rule stops holding after 30 June 2022", async () => {
    const list = await changesAt("from=2022-01-01&to=2022-12-31&axis=held");
    const rule = list.changes.filter(
      (change) => change.relationshipId === "ostrelia-export-rule-14-restricts-quillon-qx9",
    );
    expect(rule.map((change) => [change.kind, change.after])).toEqual([["validity-ended", "2022-06-30"]]);
    expect(list.changes.some((change) => change.kind === "new-entity" || change.kind === "denied")).toBe(false);
  });

  it("rejects a date that is not a day", async () => {
    expect((await api("/changes?from=2021-02-30")).status).toBe(400);
  });
});

describe("the change list's windowed read", () => {
  it("lists, for every pair of the story's days on both axes, what the diff of every claim lists", async () => {
    const database = new Neo4jDatabase(admin, { database: neo4j.connection.database, queryTimeoutMs: 60_000 });
    const repository = new TimelineRepository(database);
    const all = await repository.history();
    // Each publication day, the day before it, and the rule's last day and the day after: every edge of the windows.
    const days = [
      ...new Set(
        ["2021-03-02", "2021-03-03", "2021-03-04", "2021-09-15", "2022-02-10", "2022-11-20"].flatMap((day) => [
          new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
          day,
        ]),
      ),
      "2022-06-30",
      "2022-07-01",
      "2023-01-01",
    ].sort();
    const today = new Date().toISOString().slice(0, 10);
    let compared = 0;
    for (const axis of ["known", "held"] as const) {
      for (const [index, from] of days.entries()) {
        for (const to of days.slice(index)) {
          const windowed = await repository.changes({ from, to, axis });
          const whole = diffClaims(all.claims, { axis, from, to, today }, all);
          expect(windowed.changes, `${axis} ${from} → ${to}`).toEqual(whole);
          compared += windowed.changes.length;
        }
      }
    }
    // Not empty lists compared with empty ones: the story changes between most of these days.
    expect(compared).toBeGreaterThan(100);
  }, 120_000);
});

describe("independent origins on the relationship's claims", () => {
  it("says 5 outlets, 2 independent origins (Northwind Wire, The Harbour Gazette) for the order", async () => {
    const response = await api("/relationships/velmora-ordered-quillon-qx9/claims");
    const claims = relationshipClaimsSchema.parse(response.body);
    expect(claims.origins).toMatchObject({
      outlets: 5,
      independentOrigins: 2,
      originNames: ["Northwind Wire", "The Harbour Gazette"],
    });
    const reasonOf = new Map(
      claims.origins?.byClaim.map((entry) => [
        claims.claims.find((claim) => claim.id === entry.claimId)?.source.id,
        entry.reason,
      ]),
    );
    expect(Object.fromEntries(reasonOf)).toEqual({
      "northwind-wire": "own",
      "courrier-fictif": "republishes",
      "daily-invented": "near-copy",
      "journal-imaginaire": "attribution",
      "harbour-gazette": "own",
    });
  });

  it("draws the order by its independent origins, not its outlets: the graph's summary, today and as of a day", async () => {
    const orderOf = async (query: string) => {
      const response = await api(`/graph${query}`);
      expect(response.status).toBe(200);
      const graph = graphSchema.parse(response.body);
      const order = graph.edges.find((edge) => edge.data.props.id === "velmora-ordered-quillon-qx9");
      return claimSummarySchema.parse(order?.data.props);
    };
    // Five outlets, two origins: corroborated (the canvas' middle width), not the widest.
    expect((await orderOf("")).independentSources).toBe(2);
    // The wire, its republication and the unsaid copy: one origin, no corroboration yet.
    expect((await orderOf("?knownAt=2021-03-04")).independentSources).toBe(1);
    // With the story crediting the wire ("Selon Northwind Wire"): still one.
    expect((await orderOf("?knownAt=2021-09-15")).independentSources).toBe(1);
    expect((await orderOf("?knownAt=2022-02-10")).independentSources).toBe(2);
  });
});

describe("the graph as of a day", () => {
  it("answers, on each of the story's days on both axes, as a read of every claim's whole properties does", async () => {
    const database = new Neo4jDatabase(admin, { database: neo4j.connection.database, queryTimeoutMs: 60_000 });
    const days = ["2021-03-01", "2021-03-03", "2021-03-04", "2021-09-15", "2022-02-10", "2022-06-30", "2022-07-01"];
    days.push(...[...days].reverse(), new Date().toISOString().slice(0, 10));
    let summarised = 0;
    for (const axis of ["knownAt", "holdsAt"] as const) {
      for (const day of days) {
        const response = await api(`/graph?limit=500&${axis}=${day}`);
        expect(response.status).toBe(200);
        const answer = graphSchema.parse(response.body);
        expect(answer.truncated).toBe(false);
        const expected = graphSchema.parse(
          JSON.parse(JSON.stringify(await asOfGraphByWholeRead(database, 500, 100_000, { [axis]: day }))),
        );
        expect(answer, `${axis}=${day}`).toEqual(expected);
        summarised += answer.edges.filter((edge) => edge.data.props.claimCount !== undefined).length;
      }
    }
    // Claim-built relationships compared, not only the seed's.
    expect(summarised).toBeGreaterThan(20);
  }, 120_000);
});

describe("watches", () => {
  const post = (path: string, body: unknown) => postJson(`${app.baseUrl}/api${path}`, body);
  const remove = (path: string) => fetch(`${app.baseUrl}/api${path}`, { method: "DELETE" });
  const badge = async () => watchChangesSchema.parse((await api("/watches/changes")).body);

  it("watches a node, a relationship and a saved view (none of what is missing); the badge counts what one more article changed", async () => {
    const node = await post("/watches", { kind: "node", target: "velmora" });
    expect(node.status).toBe(201);
    expect(watchSchema.parse(node.body)).toMatchObject({ kind: "node", target: "velmora", label: "Velmora Systems" });
    expect((await post("/watches", { kind: "node", target: "velmora" })).status).toBe(200);
    const relationship = await post("/watches", {
      kind: "relationship",
      target: "ostrelia-imposes-ostrelia-export-rule-14",
    });
    expect(watchSchema.parse(relationship.body).label).toBe("Ostrelia IMPOSES Ostrelian export rule 14");
    // A saved view showing Quillon: what changes for Quillon changes for the view.
    const view = await post("/views", {
      name: "Story: Quillon",
      state: { v: 1, nodes: [{ id: "quillon", x: 0, y: 0 }] },
    });
    expect(view.status).toBe(201);
    const viewId = String((view.body as { id: string }).id);
    const viewWatch = await post("/watches", { kind: "view", target: viewId });
    expect(watchSchema.parse(viewWatch.body)).toMatchObject({
      kind: "view",
      label: "Story: Quillon",
      status: "active",
    });
    expect((await post("/watches", { kind: "node", target: "no-such-node" })).status).toBe(404);
    expect((await post("/watches", { kind: "view", target: "no-such-view" })).status).toBe(404);

    expect((await badge()).count).toBe(0);
    await ingest("07-ledger-after.json");
    const after = await badge();
    expect(after.count).toBe(1);
    expect(after.changes[0]).toMatchObject({
      kind: "new-relationship",
      relationshipId: "velmora-co-develops-quillon",
      watchIds: [watchSchema.parse(node.body).id, watchSchema.parse(viewWatch.body).id],
    });
    expect(after.changes[0]?.claims.map((claim) => claim.articleId)).toEqual(["story-ledger-after-2022"]);

    const seen = await post("/watches/seen", {});
    expect(seen.status).toBe(200);
    expect((await badge()).count).toBe(0);

    // The view deleted: its watch is listed as removed.
    expect((await remove(`/views/${viewId}`)).status).toBe(204);
    const watches = watchListSchema.parse((await api("/watches")).body).watches;
    expect(watches.find((item) => item.kind === "view")?.status).toBe("removed");
  });

  it("lists a watch on a deleted node as removed, not an error", async () => {
    const watch = watchSchema.parse((await post("/watches", { kind: "node", target: "ostrelia" })).body);
    await admin.executeQuery(
      "MATCH (n:Entity {id: $id}) DETACH DELETE n",
      { id: "ostrelia" },
      {
        database: neo4j.connection.database,
      },
    );
    const list = watchListSchema.parse((await api("/watches")).body);
    expect(list.watches.find((item) => item.id === watch.id)).toMatchObject({ status: "removed", label: "Ostrelia" });
    const changes = await badge();
    expect(changes.removed.map((item) => item.id)).toContain(watch.id);
    expect((await remove(`/watches/${watch.id}`)).status).toBe(204);
    expect((await remove(`/watches/${watch.id}`)).status).toBe(404);
  });
});

describe("watches in accounts mode", () => {
  const PASSWORD = "correct horse battery staple";
  let accountsApp: RunningApp;

  beforeAll(async () => {
    accountsApp = await startTestApp({
      neo4j: neo4j.connection,
      env: { AUTH_MODE: "accounts", APP_TOKEN: "", WRITE_TOKEN: "", RATE_LIMIT_MAX: "100000", CORS_ORIGINS: "" },
    });
    const accounts = new AccountRepository(
      new Neo4jDatabase(admin, { database: neo4j.connection.database, queryTimeoutMs: 60_000 }),
    );
    for (const name of ["ana", "ben"]) {
      await accounts.createUser(name, "viewer", "test");
      await accounts.changePassword(name, PASSWORD);
    }
  }, 120_000);
  afterAll(async () => {
    await accountsApp?.close();
  });

  /** Signs a viewer in: the session cookie and the page's CSRF token. */
  async function signIn(name: string) {
    const answer = await fetch(`${accountsApp.baseUrl}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, password: PASSWORD }),
    });
    expect(answer.status).toBe(200);
    const cookie = (answer.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const token = (await fetch(`${accountsApp.baseUrl}/api/csrf-token`, { headers: { cookie } }).then((r) =>
      r.json(),
    )) as {
      token: string;
    };
    return { cookie, csrf: token.token };
  }

  it("gives each signed-in viewer their own watches, apart from token mode's shared ones", async () => {
    const ana = await signIn("ana");
    const ben = await signIn("ben");
    const watch = (who: { cookie: string; csrf: string }, target: string) =>
      fetch(`${accountsApp.baseUrl}/api/watches`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: who.cookie, "x-csrf-token": who.csrf },
        body: JSON.stringify({ kind: "node", target }),
      });
    const list = async (who: { cookie: string }) =>
      watchListSchema
        .parse(
          await fetch(`${accountsApp.baseUrl}/api/watches`, { headers: { cookie: who.cookie } }).then((r) => r.json()),
        )
        .watches.map((item) => item.target);
    expect((await watch(ana, "quillon")).status).toBe(201);
    expect((await watch(ben, "quillon-qx9")).status).toBe(201);
    expect(await list(ana)).toEqual(["quillon"]);
    expect(await list(ben)).toEqual(["quillon-qx9"]);
    // Token mode's shared owner does not see them, nor they its watches.
    expect(watchListSchema.parse((await api("/watches")).body).watches.map((item) => item.target)).not.toContain(
      "quillon-qx9",
    );
    const changes = await fetch(`${accountsApp.baseUrl}/api/watches/changes`, { headers: { cookie: ana.cookie } });
    expect(changes.status).toBe(200);
    expect(watchChangesSchema.parse(await changes.json()).count).toBe(0);
  });
});
