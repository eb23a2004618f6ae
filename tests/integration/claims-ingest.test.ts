/**
 * Claims ingestion end to end on a private Neo4j (port 7694: this file writes, so never on the
 * shared database): the seed as claims, a later (fictional) report that corroborates, contradicts
 * and confirms, idempotent re-ingest, an interrupted ingest, the as-of views, every bad input
 * rejected with nothing written, and the write-token rules of POST /api/claims.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiErrorSchema,
  type Graph,
  graphSchema,
  type IngestReport,
  ingestReportSchema,
  nodeLookupResultSchema,
  relationshipClaimsSchema,
  searchResultSchema,
} from "../../contract/graph-contract";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { projectRoot } from "../../scripts/project-root";
import { ingestClaims } from "../../server/src/claims/ingest-claims";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { getJson, type RunningApp, startTestApp } from "../support/test-app";

const LATER_REPORT = readFileSync(join(projectRoot, "tests", "fixtures", "claims", "later-report.json"), "utf8");
const WRITE_TOKEN = "claims-test-write-token";

let neo4j: PrivateNeo4j;
let admin: Driver;
let app: RunningApp;
let readOnlyApp: RunningApp;

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "claims", boltPort: 7694 });
  admin = createDriver(neo4j.connection);
  app = await startTestApp({ neo4j: neo4j.connection, env: { WRITE_TOKEN, APP_TOKEN: "", RATE_LIMIT_MAX: "100000" } });
  readOnlyApp = await startTestApp({
    neo4j: neo4j.connection,
    env: { WRITE_TOKEN: "", APP_TOKEN: "", RATE_LIMIT_MAX: "100000" },
  });
}, 240_000);
afterAll(async () => {
  await app?.close();
  await readOnlyApp?.close();
  await admin?.close();
  await neo4j?.stop();
}, 120_000);

const ingest = (input: unknown, options = {}) =>
  ingestClaims(
    new Neo4jDatabase(admin, { database: neo4j.connection.database, queryTimeoutMs: 60_000 }),
    input,
    options,
  );

/** Every node and relationship with every property: equal before and after means nothing was written. */
async function fingerprint(): Promise<string> {
  const { records } = await admin.executeQuery(`
    CALL { MATCH (n) WITH n ORDER BY elementId(n) RETURN collect([labels(n), properties(n)]) AS nodes }
    CALL { MATCH (a)-[r]->(b) WITH a, r, b ORDER BY elementId(r) RETURN collect([a.id, type(r), b.id, properties(r)]) AS relationships }
    RETURN nodes, relationships`);
  return JSON.stringify(records[0]?.toObject());
}

async function count(query: string): Promise<number> {
  const { records } = await admin.executeQuery(query);
  return Number(records[0]?.get(0));
}

const api = (path: string) => getJson(`${app.baseUrl}/api${path}`);
const graphAt = async (query: string): Promise<Graph> =>
  graphSchema.parse((await api(`/graph?limit=5000${query}`)).body);
const claimsOf = async (id: string) => relationshipClaimsSchema.parse((await api(`/relationships/${id}/claims`)).body);

function postClaims(body: string, token?: string, target: RunningApp = app) {
  return fetch(`${target.baseUrl}/api/claims`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body,
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as unknown }));
}

type Edit = [path: (string | number)[], value: unknown];

/** The later report with some values replaced (`undefined` deletes the key). */
function laterReport(...edits: Edit[]): unknown {
  const file = JSON.parse(LATER_REPORT) as unknown;
  for (const [path, value] of edits) {
    const keys = [...path];
    const last = keys.pop() as string | number;
    const parent = keys.reduce<Record<string | number, unknown>>(
      (inner, key) => inner[key] as Record<string | number, unknown>,
      file as Record<string, unknown>,
    );
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return file;
}

describe("the seed, ingested from cypher/claims/seed-article.json", () => {
  it("builds the 24 nodes and 32 relationships from 35 claims, one independent source per relationship", async () => {
    expect(await count("MATCH (n) WHERE NOT n:Claim|Article|RelationshipType RETURN count(n)")).toBe(24);
    expect(await count("MATCH (a)-[r]->() WHERE NOT a:Claim|Article RETURN count(r)")).toBe(32);
    expect(await count("MATCH (c:Claim) RETURN count(c)")).toBe(35);
    expect(await count("MATCH (a:Article) RETURN count(a)")).toBe(1);
    expect(await count("MATCH ()-[r]->() WHERE r.independentSources = 1 RETURN count(r)")).toBe(32);
    // What the article says twice with different certainty is two claims on one relationship.
    const { records } = await admin.executeQuery(
      "MATCH ()-[r]->() WHERE r.claimCount > 1 RETURN r.id AS id, r.claimCount AS claims ORDER BY id",
    );
    expect(records.map((record) => [record.get("id"), Number(record.get("claims"))])).toEqual([
      ["bytedance-ordered-ascend-910b", 2],
      ["bytedance-sources-from-huawei", 3],
    ]);
  });

  it("keeps Claim and Article nodes out of the graph, search and lookup", async () => {
    const graph = await graphAt("");
    expect(graph.nodes).toHaveLength(24);
    expect(graph.edges).toHaveLength(32);
    expect(graph.nodes.flatMap((node) => node.data.labels)).not.toContain("Claim");
    const [claimId] = (await admin.executeQuery("MATCH (c:Claim) RETURN c.id AS id LIMIT 1")).records.map((r) =>
      r.get("id"),
    );
    const lookup = nodeLookupResultSchema.parse(
      await fetch(`${app.baseUrl}/api/nodes/lookup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ids: [claimId, "bytehuawei-ascend-fr-2024", "bytedance-huawei-ascend-fr-2024"] }),
      }).then((response) => response.json()),
    );
    expect(lookup.graph.nodes).toEqual([]);
    expect((await api(`/nodes/${claimId}`)).status).toBe(404);
    const search = searchResultSchema.parse((await api("/search?q=ByteDance")).body);
    expect(search.hits.flatMap((hit) => hit.node.data.labels)).not.toContain("Claim");
  });

  it("answers a relationship's claims with their source, grade and article", async () => {
    const claims = await claimsOf("bytedance-sources-from-huawei");
    // Reuters' report, the article's conditional opening on that story, and its later possibility.
    expect(claims.claims.map((claim) => [claim.source.id, claim.certainty])).toEqual([
      ["reuters", "reported"],
      ["article-bytedance-huawei-ascend", "reported"],
      ["article-bytedance-huawei-ascend", "speculative"],
    ]);
    expect(claims.claims[1]?.republishes).toBe("reuters");
    expect(claims.claims[1]?.note).toMatch(/conditional/);
    expect(claims.claims[0]).toMatchObject({
      stance: "asserts",
      certainty: "reported",
      quoteLang: "fr",
      reportedAt: "2024",
      source: { id: "reuters", name: "Reuters", grade: "B" },
      article: { id: "bytedance-huawei-ascend-fr-2024" },
    });
    expect(claims.summary).toMatchObject({ independentSources: 1, claimCount: 3, contested: false });
    expect(claims.contests).toEqual([]);
    expect((await api("/relationships/no-such-relationship/claims")).status).toBe(404);
  });

  it("finds the same claims by the edge's data id (its element id), as the canvas asks", async () => {
    const { records } = await admin.executeQuery(
      "MATCH ()-[r {id: 'bytedance-sources-from-huawei'}]->() RETURN elementId(r) AS elementId",
    );
    const elementId = records[0]?.get("elementId") as string;
    const byElementId = await claimsOf(encodeURIComponent(elementId));
    expect(byElementId).toEqual(await claimsOf("bytedance-sources-from-huawei"));
  });
});

describe("bad input: a report of every problem, nothing written", () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ["an unknown predicate", laterReport([["claims", 0, "predicate"], "LOVES"]), /^\$\.claims\[0\]\.predicate$/],
    ["a missing source", laterReport([["claims", 1, "source"], "nobody-we-know"]), /^\$\.claims\[1\]\.source$/],
    ["a claim without a source", laterReport([["claims", 2, "source"], undefined]), /^\$\.claims\[2\]\.source$/],
    ["a 100 KB quote", laterReport([["claims", 3, "quote"], "x".repeat(100 * 1024)]), /^\$\.claims\[3\]\.quote$/],
    ["a date in the future", laterReport([["claims", 4, "reportedAt"], "2999-01-01"]), /^\$\.claims\[4\]\.reportedAt$/],
    ["an entity matching two nodes", laterReport([["entities", 1, "aliases"], ["Huawei"]]), /^\$\.entities\[1\]$/],
    ["malformed JSON", `${LATER_REPORT.slice(0, 200)}`, /^\$$/],
  ];
  for (const [what, input, path] of cases) {
    it(`${what}`, async () => {
      const before = await fingerprint();
      const report = ingestReportSchema.parse(await ingest(input));
      expect(report.written).toBe(false);
      expect(report.problems.map((problem) => problem.path)).toEqual(
        expect.arrayContaining([expect.stringMatching(path)]),
      );
      expect(await fingerprint()).toBe(before);
    });
  }

  it("lists every problem of a file at once", async () => {
    const report = await ingest(
      laterReport(
        // Not UPPER_SNAKE: a schema problem, reported with the others (a well-formed name outside
        // the vocabulary is checked once the file fits the schema).
        [["claims", 0, "predicate"], "loves"],
        [["claims", 1, "quote"], "y".repeat(100 * 1024)],
        [["claims", 2, "source"], undefined],
      ),
    );
    expect(report.problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(["$.claims[0].predicate", "$.claims[1].quote", "$.claims[2].source"]),
    );
  });
});

describe("an interrupted ingest", () => {
  it("leaves no half-written claim: aborted after the relationships, everything rolls back", async () => {
    const before = await fingerprint();
    const controller = new AbortController();
    const steps: string[] = [];
    await expect(
      ingest(LATER_REPORT, {
        signal: controller.signal,
        onProgress: (step: string) => {
          steps.push(step);
          if (step === "claims") controller.abort(new Error("interrupted by the test"));
        },
      }),
    ).rejects.toThrow(/interrupted by the test/);
    expect(steps).toEqual(["resolved", "nodes", "article", "relationships", "claims"]);
    expect(await count("MATCH (c:Claim {articleId: 'fictional-later-report-2025'}) RETURN count(c)")).toBe(0);
    expect(await fingerprint()).toBe(before);
  });
});

describe("the later report (fictional test data)", () => {
  let report: IngestReport;
  beforeAll(async () => {
    report = await ingest(LATER_REPORT);
  });

  it("is written, with counts of what it created and merged", () => {
    expect(report.problems).toEqual([]);
    expect(report.written).toBe(true);
    expect(report.counts).toEqual({
      entities: { created: 1, merged: 0, unchanged: 2 },
      sources: { created: 3, merged: 0, unchanged: 0 },
      articles: { created: 1, merged: 0, unchanged: 0 },
      claims: { created: 6, merged: 0, unchanged: 0 },
      relationships: { created: 1, merged: 4, unchanged: 0 },
    });
  });

  it("resolves aliases to one node and reports every merge with its reason", () => {
    expect(report.merges).toEqual(
      expect.arrayContaining([
        { path: "$.entities[0]", given: "Huawei", nodeId: "huawei", reason: "alias", matched: "Huawei" },
        { path: "$.entities[1]", given: "Nvidia", nodeId: "nvidia", reason: "name", matched: "NVIDIA" },
        {
          path: "$.claims[0].subject",
          given: "Byte Dance",
          nodeId: "bytedance",
          reason: "alias",
          matched: "Byte Dance",
        },
        {
          path: "$.claims[2].object",
          given: "Huawei Ascend 910B",
          nodeId: "ascend-910b",
          reason: "alias",
          matched: "Huawei Ascend 910B",
        },
      ]),
    );
  });

  it("adds only the new chip and the three new sources to the graph", async () => {
    const graph = await graphAt("");
    expect(graph.nodes).toHaveLength(28);
    expect(graph.edges).toHaveLength(33);
    expect(await count("MATCH (n:Company {id: 'huawei'}) RETURN count(n)")).toBe(1);
    expect(await count("MATCH (n:Chip:Entity {id: 'ascend-910c'}) RETURN count(n)")).toBe(1);
  });

  it("corroboration: another outlet raises the independent sources, its republisher does not", async () => {
    const claims = await claimsOf("bytedance-sources-from-huawei");
    expect(claims.summary).toMatchObject({
      independentSources: 2,
      claimCount: 5,
      firstReported: "2024",
      lastReported: "2025-03-11",
      contested: false,
      sources: ["article-bytedance-huawei-ascend", "reuters", "fictional-ledger", "fictional-syndicate"],
    });
    expect(claims.relationship.data.props).toMatchObject({ independentSources: 2, claimCount: 5 });
    expect(claims.claims.map((claim) => claim.source.id)).toEqual([
      "reuters",
      "article-bytedance-huawei-ascend",
      "article-bytedance-huawei-ascend",
      "fictional-ledger",
      "fictional-syndicate",
    ]);
    expect(claims.claims[4]?.republishes).toBe("fictional-ledger");
  });

  it("contradiction: a different delivered quantity marks the order contested, both sides with their claims", async () => {
    const claims = await claimsOf("bytedance-ordered-ascend-910b");
    expect(claims.summary.contested).toBe(true);
    expect(claims.relationship.data.props.contested).toBe(true);
    expect(claims.contests).toHaveLength(1);
    const [contest] = claims.contests;
    expect(contest?.kind).toBe("quantity");
    expect(contest?.quantity).toBe("delivered");
    expect(contest?.sides.map((side) => side.value)).toEqual([30000, 20000]);
    const seedClaim = claims.claims.find((claim) => claim.quantities.delivered === 30000);
    const laterClaim = claims.claims.find((claim) => claim.quantities.delivered === 20000);
    expect(contest?.sides.map((side) => side.claimIds)).toEqual([[seedClaim?.id], [laterClaim?.id]]);
    expect(claims.relationship.data.props.quantity).toBe(100000);
  });

  it("confirmation: confirmed after reported raises the certainty and records when, without a contest", async () => {
    const claims = await claimsOf("bytedance-previously-used-h20");
    expect(claims.summary).toMatchObject({ certainty: "confirmed", confirmedAt: "2025-03-10", contested: false });
    expect(claims.relationship.data.certainty).toBe("confirmed");
  });

  it("denial: a statement denying the joint model marks it contested, asserts against denies", async () => {
    const claims = await claimsOf("huawei-co-develops-bytedance-huawei-ai-model");
    expect(claims.summary.contested).toBe(true);
    expect(claims.contests[0]?.kind).toBe("denial");
    expect(claims.contests[0]?.sides.map((side) => side.position)).toEqual(["asserts", "denies"]);
    const denial = claims.claims.find((claim) => claim.stance === "denies");
    expect(denial).toMatchObject({ quoteLang: "zh", source: { id: "fictional-huawei-press-office", grade: "C" } });
  });

  it("re-ingesting the same file changes nothing", async () => {
    const before = await fingerprint();
    const again = await ingest(LATER_REPORT);
    expect(again.written).toBe(true);
    expect(again.counts.claims).toEqual({ created: 0, merged: 0, unchanged: 6 });
    expect(again.counts.relationships).toEqual({ created: 0, merged: 0, unchanged: 5 });
    expect(again.counts.sources).toEqual({ created: 0, merged: 0, unchanged: 3 });
    expect(await fingerprint()).toBe(before);
  });

  it("as of two dates: what was known at the end of 2024 is the seed; in mid-2025, the report too", async () => {
    const end2024 = await graphAt("&knownAt=2024-12-31");
    expect(end2024.nodes).toHaveLength(24);
    expect(end2024.edges).toHaveLength(32);
    expect(end2024.nodes.map((node) => node.data.id)).not.toContain("ascend-910c");
    const mid2025 = await graphAt("&knownAt=2025-06-01");
    expect(mid2025.nodes).toHaveLength(28);
    expect(mid2025.edges.map((edge) => edge.data.props.id)).toContain("huawei-makes-ascend-910c");
    expect(await graphAt("&knownAt=2023-06-01")).toMatchObject({ nodes: [], edges: [] });
  });

  it("as of a day, each relationship carries that day's summary: not contested before the contradiction", async () => {
    const ordered = (graph: Graph) =>
      graph.edges.find((edge) => edge.data.props.id === "bytedance-ordered-ascend-910b");
    const today = ordered(await graphAt(""));
    // The seed states its 30,000 plainly; the later report's 20,000 is reported: the stronger claim's
    // number stays on the edge, and the disagreement marks it contested.
    expect(today?.data.props).toMatchObject({ contested: true, delivered: 30000 });
    const end2024 = ordered(await graphAt("&knownAt=2024-12-31"));
    expect(end2024?.data.props).toMatchObject({
      contested: false,
      independentSources: 1,
      // The order reported ("aurait commandé"), the 30,000 received stated plainly: two claims.
      claimCount: 2,
      delivered: 30000,
      lastReported: "2024",
    });
    expect(end2024?.data.certainty).toBe("confirmed");
  });

  it("as held on a date: the 910C, made from 2025, does not hold in mid-2024", async () => {
    const mid2024 = await graphAt("&holdsAt=2024-06-01");
    const ids = mid2024.edges.map((edge) => edge.data.props.id);
    expect(ids).not.toContain("huawei-makes-ascend-910c");
    expect(ids).toContain("bytedance-ordered-ascend-910b");
    expect((await graphAt("&holdsAt=2025-06-01")).edges.map((edge) => edge.data.props.id)).toContain(
      "huawei-makes-ascend-910c",
    );
    expect((await api("/graph?knownAt=2024-02-30")).status).toBe(400);
  });
});

describe("POST /api/claims", () => {
  const error = (body: unknown) => apiErrorSchema.parse(body).error;

  it("answers 403 when the server has no write token", async () => {
    const answer = await postClaims(LATER_REPORT, "anything", readOnlyApp);
    expect(answer.status).toBe(403);
    expect(error(answer.body).code).toBe("WRITE_FORBIDDEN");
  });

  it("answers 401 without the token or with a wrong one, and writes nothing", async () => {
    const before = await fingerprint();
    expect((await postClaims(LATER_REPORT)).status).toBe(401);
    const wrong = await postClaims(LATER_REPORT, "not-the-token");
    expect(wrong.status).toBe(401);
    expect(error(wrong.body).code).toBe("UNAUTHORIZED");
    expect(await fingerprint()).toBe(before);
  });

  it("ingests with the token, and answers a bad file with its report and nothing written", async () => {
    const good = await postClaims(LATER_REPORT, WRITE_TOKEN);
    expect(good.status).toBe(200);
    expect(ingestReportSchema.parse(good.body)).toMatchObject({ written: true, counts: { claims: { unchanged: 6 } } });

    const before = await fingerprint();
    const bad = await postClaims("{ not json", WRITE_TOKEN);
    expect(bad.status).toBe(400);
    const report = ingestReportSchema.parse(error(bad.body).details);
    expect(report).toMatchObject({
      written: false,
      problems: [{ path: "$", message: expect.stringMatching(/malformed JSON/) }],
    });
    const invalid = await postClaims(JSON.stringify(laterReport([["claims", 0, "predicate"], "LOVES"])), WRITE_TOKEN);
    expect(invalid.status).toBe(400);
    expect(ingestReportSchema.parse(error(invalid.body).details).problems[0]?.path).toBe("$.claims[0].predicate");
    expect(await fingerprint()).toBe(before);
  });
});

describe("concurrent ingests of the same new file", () => {
  /** A fictional article naming two entities that are not in the graph yet. */
  const newFile = (tag: string, companyAliases: string[] = []) =>
    JSON.stringify({
      format: "claims/1",
      fictional: true,
      article: {
        id: `fictional-concurrency-${tag}`,
        title: `Fictional test article ${tag}`,
        source: "fictional-wire",
        language: "en",
        publishedAt: "2025-04-01",
      },
      sources: [
        { id: "fictional-wire", name: "The Fictional Wire", grade: "C", kind: "news site (fictional, test data)" },
      ],
      entities: [
        { name: `Fictional Foundry ${tag}`, label: "Company", aliases: companyAliases },
        { name: `Fictional Chip ${tag}`, label: "Chip", aliases: [] },
      ],
      claims: [
        {
          subject: `Fictional Foundry ${tag}`,
          predicate: "MAKES",
          object: `Fictional Chip ${tag}`,
          source: "fictional-wire",
          certainty: "confirmed",
          quote: `Fictional Foundry ${tag} makes the Fictional Chip ${tag}.`,
          quoteLang: "en",
          quoteEn: `Fictional Foundry ${tag} makes the Fictional Chip ${tag}.`,
          reportedAt: "2025-04-01",
        },
      ],
    });
  const created = (report: IngestReport) => report.counts.entities.created;
  const changedNothing = (report: IngestReport) =>
    Object.values(report.counts).every((count) => count.created === 0 && count.merged === 0);

  it("over the API: every request answers 200, one creates the entities, the others report them unchanged", async () => {
    const body = newFile("api");
    const answers = await Promise.all([1, 2, 3, 4].map(() => postClaims(body, WRITE_TOKEN)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const reports = answers.map((answer) => ingestReportSchema.parse(answer.body));
    expect(reports.map(created).sort()).toEqual([0, 0, 0, 2]);
    expect(reports.filter(changedNothing)).toHaveLength(3);
    expect(await count("MATCH (n:Entity) WHERE n.name STARTS WITH 'Fictional Foundry api' RETURN count(n)")).toBe(1);
  });

  it("from separate sessions (as parallel `npm run ingest` runs): one creates, the others change nothing", async () => {
    const body = newFile("cli");
    const reports = await Promise.all([1, 2, 3].map(() => ingest(body)));
    expect(reports.map((report) => report.problems)).toEqual([[], [], []]);
    expect(reports.map(created).sort()).toEqual([0, 0, 2]);
    expect(reports.filter(changedNothing)).toHaveLength(2);
    expect(await count("MATCH (c:Claim {articleId: 'fictional-concurrency-cli'}) RETURN count(c)")).toBe(1);
    expect(await count("MATCH (l:IngestLock) RETURN count(l)")).toBe(0);
  });

  it("takes turns: two articles adding different aliases to the same entity at once keep both", async () => {
    await ingest(newFile("alias"));
    const first = newFile("alias", ["Fictional Foundry Alpha"]).replace(
      /fictional-concurrency-alias/g,
      "fictional-alias-1",
    );
    const second = newFile("alias", ["Fictional Foundry Beta"]).replace(
      /fictional-concurrency-alias/g,
      "fictional-alias-2",
    );
    const reports = await Promise.all([ingest(first), ingest(second)]);
    expect(reports.map((report) => report.counts.entities.merged)).toEqual([1, 1]);
    const { records } = await admin.executeQuery(
      "MATCH (n:Company {id: 'fictional-foundry-alias'}) RETURN n.aliases AS aliases",
    );
    expect([...((records[0]?.get("aliases") as string[] | undefined) ?? [])].sort()).toEqual([
      "Fictional Foundry Alpha",
      "Fictional Foundry Beta",
    ]);
  });
});
