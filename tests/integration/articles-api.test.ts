/**
 * The Sources view's API on a private Neo4j (port 7698: this file writes, so never on the shared
 * database): the seed article without its text, then with it (db:seed reading the sources folder),
 * a re-seed that changes nothing, and a fictional article ingested with its text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleListSchema, articleSchema } from "../../contract/article-endpoints";
import type { ClaimsFile } from "../../contract/claims-file";
import { graphSchema, relationshipClaimsSchema } from "../../contract/graph-contract";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { projectRoot } from "../../scripts/project-root";
import { seedDatabase } from "../../scripts/seed/seed-database";
import { ingestClaims } from "../../server/src/claims/ingest-claims";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { getJson, type RunningApp, startTestApp } from "../support/test-app";

const SEED_ID = "bytedance-huawei-ascend-fr-2024";
const seedFile = JSON.parse(readFileSync(join(projectRoot, "cypher", "claims", "seed-article.json"), "utf8")) as {
  article: { file: string };
  claims: { quote: string }[];
};

let neo4j: PrivateNeo4j;
let admin: Driver;
const floor = () => new Neo4jDatabase(admin, { database: neo4j.connection.database, queryTimeoutMs: 60_000 });
let app: RunningApp;
const folders: string[] = [];

/** A sources folder holding `files` (name → text), or none. */
function sourcesFolder(files: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), "seed-sources-"));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

const seed = (sourcesDir: string) =>
  seedDatabase(admin, neo4j.connection.database, join(projectRoot, "cypher"), sourcesDir);

async function fingerprint(): Promise<string> {
  const { records } = await admin.executeQuery(`
    CALL { MATCH (n) WITH n ORDER BY elementId(n) RETURN collect([labels(n), properties(n)]) AS nodes }
    CALL { MATCH (a)-[r]->(b) WITH a, r, b ORDER BY elementId(r) RETURN collect([a.id, type(r), b.id, properties(r)]) AS relationships }
    RETURN nodes, relationships`);
  return JSON.stringify(records[0]?.toObject());
}

const article = async (id: string) => {
  const answer = await getJson(`${app.baseUrl}/api/articles/${encodeURIComponent(id)}`);
  expect(answer.status).toBe(200);
  return articleSchema.parse(answer.body);
};
const list = async () => articleListSchema.parse((await getJson(`${app.baseUrl}/api/articles`)).body).articles;

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "articles", boltPort: 7698, seed: false });
  admin = createDriver(neo4j.connection);
  app = await startTestApp({ neo4j: neo4j.connection, env: { APP_TOKEN: "", RATE_LIMIT_MAX: "100000" } });
}, 240_000);
afterAll(async () => {
  await app?.close();
  await admin?.close();
  await neo4j?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}, 120_000);

describe("the seed article without its text", () => {
  it("is stored without text when the sources folder does not hold it, and lists its claims' sentences", async () => {
    const report = await seed(sourcesFolder());
    expect(report.articleTexts).toBe(0);
    const [seedArticle] = await list();
    expect(seedArticle).toMatchObject({
      id: SEED_ID,
      outlet: { id: "article-bytedance-huawei-ascend" },
      language: "fr",
      publishedAt: "2024",
      claimCount: seedFile.claims.length,
      hasText: false,
    });
    const opened = await article(SEED_ID);
    expect(opened.text).toBeNull();
    expect(opened.highlights).toHaveLength(seedFile.claims.length);
    expect(opened.highlights.every((highlight) => highlight.start === null && highlight.end === null)).toBe(true);
    // Without a text, reading order is the file's order.
    expect(opened.highlights.map((highlight) => highlight.quote)).toEqual(seedFile.claims.map((claim) => claim.quote));
  });
});

describe("the seed article with its text", () => {
  // The seed's sentences joined, standing in for the article: the real text stays outside the repository.
  const text = [...new Set(seedFile.claims.map((claim) => claim.quote))].join("\n");

  it("gets its text and every claim its place when db:seed finds the text, and a second seed changes nothing", async () => {
    const folder = sourcesFolder({ [seedFile.article.file]: text });
    const report = await seed(folder);
    expect(report.articleTexts).toBe(1);
    const opened = await article(SEED_ID);
    expect(opened.text).toBe(text);
    expect(opened.hasText).toBe(true);
    for (const highlight of opened.highlights)
      expect(text.slice(highlight.start ?? 0, highlight.end ?? 0)).toBe(highlight.quote);
    const starts = opened.highlights.map((highlight) => highlight.start ?? -1);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));

    const before = await fingerprint();
    await seed(folder);
    expect(await fingerprint()).toBe(before);
  });

  it("keeps the text and the places when seeded again without the sources folder", async () => {
    const before = await fingerprint();
    await seed(sourcesFolder());
    expect(await fingerprint()).toBe(before);
  });

  it("gives each highlight the canvas' edge id of its relationship, whose claims carry the same place", async () => {
    const opened = await article(SEED_ID);
    const highlight = opened.highlights.find((candidate) => candidate.predicate === "ORDERED");
    expect(highlight).toMatchObject({ subject: "ByteDance", predicateCaption: "ordered", certainty: "reported" });
    const claims = relationshipClaimsSchema.parse(
      (await getJson(`${app.baseUrl}/api/relationships/${encodeURIComponent(highlight?.relationshipId ?? "")}/claims`))
        .body,
    );
    expect(claims.relationship.data.id).toBe(highlight?.relationshipId);
    const claim = claims.claims.find((candidate) => candidate.id === highlight?.claimId);
    expect(claim).toMatchObject({ article: { id: SEED_ID }, start: highlight?.start, end: highlight?.end });
  });

  it("keeps articles and claims out of the graph", async () => {
    const graph = graphSchema.parse((await getJson(`${app.baseUrl}/api/graph?limit=5000`)).body);
    const labels = graph.nodes.flatMap((node) => node.data.labels);
    expect(labels).not.toContain("Article");
    expect(labels).not.toContain("Claim");
    expect(graph.nodes.some((node) => node.data.props.text !== undefined)).toBe(false);
  });
});

describe("a fictional article ingested with its text", () => {
  const text =
    "Fictional Wire, 3 March 2025. Velda Systems reportedly ordered 500 Sorel boards.\n" +
    "A Velda spokesperson denied that the company had ordered any Sorel boards. " +
    "Analysts said Velda’s order could help Sorel Labs.";
  const file = (withText: boolean): ClaimsFile =>
    ({
      format: "claims/1",
      fictional: true,
      note: "Made up for the articles API test.",
      article: {
        id: "fictional-velda-sorel-2025",
        title: "Velda orders Sorel boards (fictional)",
        source: "fictional-wire",
        language: "en",
        publishedAt: "2025-03-03",
        ...(withText ? { text } : {}),
      },
      sources: [{ id: "fictional-wire", name: "Fictional Wire", grade: "C" }],
      entities: [
        { name: "Velda Systems", label: "Company" },
        { name: "Sorel Labs", label: "Company" },
      ],
      claims: [
        {
          subject: "Velda Systems",
          predicate: "ORDERED",
          object: "Sorel Labs",
          source: "fictional-wire",
          certainty: "reported",
          quote:
            "Velda Systems reportedly ordered 500 Sorel boards. A Velda spokesperson denied that the company had ordered any Sorel boards.",
          quoteLang: "en",
          quoteEn: "Velda Systems reportedly ordered 500 Sorel boards.",
          reportedAt: "2025-03-03",
        },
        {
          subject: "Velda Systems",
          predicate: "ORDERED",
          object: "Sorel Labs",
          source: "fictional-wire",
          stance: "denies",
          certainty: "reported",
          quote: "A Velda spokesperson denied that the company had ordered any Sorel boards.",
          quoteLang: "en",
          quoteEn: "A Velda spokesperson denied that the company had ordered any Sorel boards.",
          reportedAt: "2025-03-03",
        },
        {
          subject: "Velda Systems",
          predicate: "COULD_IMPROVE",
          object: "Sorel Labs",
          source: "fictional-wire",
          certainty: "speculative",
          quote: "Analysts said Velda's order could help Sorel Labs.",
          quoteLang: "en",
          quoteEn: "Analysts said Velda's order could help Sorel Labs.",
          reportedAt: "2025-03-03",
        },
        {
          subject: "Velda Systems",
          predicate: "OWNS",
          object: "Sorel Labs",
          source: "fictional-wire",
          certainty: "speculative",
          quote: "A sentence the article does not hold.",
          quoteLang: "en",
          quoteEn: "A sentence the article does not hold.",
          reportedAt: "2025-03-03",
        },
      ],
    }) as unknown as ClaimsFile;

  it("stores the text, places overlapping and curly-apostrophe quotes, and says which quote it did not find", async () => {
    const report = await ingestClaims(floor(), file(true));
    expect(report.written).toBe(true);
    expect(report.notices).toEqual([{ path: "$.claims[3].quote", message: expect.stringContaining("not found") }]);
    const opened = await article("fictional-velda-sorel-2025");
    const [whole, denial, analysts, missing] = [0, 1, 2, 3].map((index) =>
      opened.highlights.find((highlight) => highlight.quote === file(true).claims[index]?.quote),
    );
    expect(text.slice(whole?.start ?? 0, whole?.end ?? 0)).toContain("\nA Velda spokesperson");
    expect(denial).toMatchObject({ stance: "denies", contested: true });
    expect(analysts).toMatchObject({ contested: false, certainty: "speculative" });
    expect((denial?.start ?? 0) > (whole?.start ?? 0) && denial?.end === whole?.end).toBe(true);
    expect(text.slice(analysts?.start ?? 0, analysts?.end ?? 0)).toBe(
      "Analysts said Velda’s order could help Sorel Labs.",
    );
    expect(missing).toMatchObject({ start: null, end: null });
    // Reading order: located claims by place, the one not found last.
    expect(opened.highlights.at(-1)?.claimId).toBe(missing?.claimId);
  });

  it("lists it before the older seed article, and re-ingesting it, with or without its text, changes nothing", async () => {
    expect((await list()).map((entry) => entry.id)).toEqual(["fictional-velda-sorel-2025", SEED_ID]);
    const before = await fingerprint();
    const again = await ingestClaims(floor(), file(true));
    expect(again.counts.claims).toEqual({ created: 0, merged: 0, unchanged: 4 });
    await ingestClaims(floor(), file(false));
    expect(await fingerprint()).toBe(before);
  });

  it("answers 404 NOT_FOUND for an article that does not exist", async () => {
    const answer = await getJson(`${app.baseUrl}/api/articles/no-such-article`);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
