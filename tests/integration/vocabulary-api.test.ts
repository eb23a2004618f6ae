/**
 * The vocabulary of relationship types end to end on a private Neo4j (port 7689: this file
 * writes): the seeded built-in types with their counts, adding a type (and every refusal), editing
 * its trigger phrases, ingesting a claims file that uses it, a file with a type nobody added, and
 * an extraction that proposes the new type from its phrase. The article and companies are FICTIONAL.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractAnswerSchema } from "../../contract/extract-endpoints";
import { apiErrorSchema, graphSchema, ingestReportSchema } from "../../contract/graph-contract";
import { relationshipTypeSchema, vocabularySchema } from "../../contract/vocabulary-endpoints";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { getJson, type RunningApp, startTestApp } from "../support/test-app";

const WRITE_TOKEN = "vocabulary-test-write-token";

let neo4j: PrivateNeo4j;
let admin: Driver;
let app: RunningApp;

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "vocabulary", boltPort: 7689 });
  admin = createDriver(neo4j.connection);
  app = await startTestApp({ neo4j: neo4j.connection, env: { WRITE_TOKEN, APP_TOKEN: "", RATE_LIMIT_MAX: "100000" } });
}, 240_000);
afterAll(async () => {
  await app?.close();
  await admin?.close();
  await neo4j?.stop();
}, 120_000);

async function send(path: string, body: unknown, token = WRITE_TOKEN) {
  const response = await fetch(`${app.baseUrl}/api${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}
const vocabulary = async () => vocabularySchema.parse((await getJson(`${app.baseUrl}/api/vocabulary`)).body).types;
const errorOf = (body: unknown) => apiErrorSchema.parse(body).error;

/** Every node and relationship with its properties: equal before and after means nothing was written. */
async function fingerprint(): Promise<string> {
  const { records } = await admin.executeQuery(`
    CALL { MATCH (n) WITH n ORDER BY elementId(n) RETURN collect([labels(n), properties(n)]) AS nodes }
    CALL { MATCH (a)-[r]->(b) WITH a, r, b ORDER BY elementId(r) RETURN collect([a.id, type(r), b.id, properties(r)]) AS relationships }
    RETURN nodes, relationships`);
  return JSON.stringify(records[0]?.toObject());
}

const LICENSES = {
  name: "LICENSES_TO",
  description: "The subject lets the object use its technology or patents under a licence.",
  direction: "licensor → licensee",
  subjectLabels: ["Company"],
  triggers: { en: ["licens* * to"] },
};

/** A FICTIONAL article's claims: Acmetron licenses its patents to Zorblax. */
function claimsFile(predicate: string) {
  return {
    format: "claims/1",
    fictional: true,
    article: {
      id: "fictional-acmetron-licence",
      title: "Acmetron licenses its patents (fictional)",
      source: "fictional-wire",
      language: "en",
      publishedAt: "2024-05-02",
    },
    sources: [{ id: "fictional-wire", name: "Fictional Wire", grade: "C" }],
    entities: [
      { id: "acmetron", name: "Acmetron", label: "Company" },
      { id: "zorblax", name: "Zorblax", label: "Company" },
    ],
    claims: [
      {
        subject: "acmetron",
        predicate,
        object: "zorblax",
        source: "fictional-wire",
        certainty: "confirmed",
        quote: "Acmetron licenses its patents to Zorblax.",
        quoteLang: "en",
        reportedAt: "2024-05-02",
      },
    ],
  };
}

describe("GET /api/vocabulary", () => {
  it("lists the 16 built-in types, stored by the seed, with their relationships' counts", async () => {
    const types = await vocabulary();
    expect(types.filter((type) => type.builtIn)).toHaveLength(16);
    const ordered = types.find((type) => type.name === "ORDERED");
    expect(ordered).toMatchObject({ builtIn: true, createdBy: "built-in", direction: "buyer → what it ordered" });
    expect(ordered?.createdAt).not.toBeNull();
    expect(ordered?.lexiconTriggers.fr.length).toBeGreaterThan(0);
    const { records } = await admin.executeQuery("MATCH ()-[r:SOURCES_FROM]->() RETURN count(r) AS n");
    const sourcesFrom = types.find((type) => type.name === "SOURCES_FROM");
    expect(sourcesFrom?.relationships).toBe(Number(records[0]?.get("n")));
    expect(sourcesFrom?.relationships).toBeGreaterThan(0);
  });

  it("keeps RelationshipType nodes out of the graph", async () => {
    const graph = graphSchema.parse((await getJson(`${app.baseUrl}/api/graph?limit=5000`)).body);
    expect(graph.nodes.flatMap((node) => node.data.labels)).not.toContain("RelationshipType");
  });
});

describe("POST /api/vocabulary", () => {
  it("refuses a write without the write token, and writes nothing", async () => {
    const before = await fingerprint();
    const { status, body } = await send("/vocabulary", LICENSES, "");
    expect(status).toBe(401);
    expect(errorOf(body).code).toBe("UNAUTHORIZED");
    expect(await fingerprint()).toBe(before);
  });

  it("refuses a name that is not UPPER_SNAKE with the rule (400)", async () => {
    const { status, body } = await send("/vocabulary", { ...LICENSES, name: "licenses to" });
    expect(status).toBe(400);
    expect(errorOf(body)).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/UPPER_SNAKE/) });
  });

  it("refuses a trigger phrase that cannot match anything (400)", async () => {
    const { status, body } = await send("/vocabulary", { ...LICENSES, triggers: { en: ["{reverse} *"] } });
    expect(status).toBe(400);
    expect(errorOf(body).message).toMatch(/at least one word/);
  });

  it("adds a type (201) and lists it with no relationships yet", async () => {
    const { status, body } = await send("/vocabulary", LICENSES);
    expect(status).toBe(201);
    expect(relationshipTypeSchema.parse(body)).toMatchObject({
      name: "LICENSES_TO",
      builtIn: false,
      createdBy: "analyst",
      triggers: { fr: [], en: ["licens* * to"] },
    });
    const listed = (await vocabulary()).find((type) => type.name === "LICENSES_TO");
    expect(listed).toMatchObject({ direction: "licensor → licensee", relationships: 0, subjectLabels: ["Company"] });
  });

  it("refuses a name taken by a stored or a built-in type (409 CONFLICT)", async () => {
    for (const name of ["LICENSES_TO", "ORDERED"]) {
      const { status, body } = await send("/vocabulary", { ...LICENSES, name });
      expect([name, status]).toEqual([name, 409]);
      expect(errorOf(body)).toMatchObject({ code: "CONFLICT", message: expect.stringContaining(name) });
    }
    const { records } = await admin.executeQuery("MATCH (t:RelationshipType {name: 'LICENSES_TO'}) RETURN count(t)");
    expect(Number(records[0]?.get(0))).toBe(1);
  });

  it("edits a type's trigger phrases, and says so for a type nobody added (404)", async () => {
    const triggers = { fr: ["concède * licence* à"], en: ["licens* * to", "grants a licence to"] };
    const { status, body } = await send("/vocabulary/LICENSES_TO", { triggers });
    expect(status).toBe(200);
    expect(relationshipTypeSchema.parse(body).triggers).toEqual(triggers);
    const missing = await send("/vocabulary/NOBODY_ADDED", { description: "x" });
    expect(missing.status).toBe(404);
  });
});

describe("ingesting claims with the vocabulary", () => {
  it("refuses a type that is not in the vocabulary, naming it, and writes nothing", async () => {
    const before = await fingerprint();
    const { status, body } = await send("/claims", claimsFile("ACQUIRED_FICTIONALLY"));
    expect(status).toBe(400);
    const report = ingestReportSchema.parse(errorOf(body).details);
    expect(report.problems).toContainEqual({
      path: "$.claims[0].predicate",
      message: expect.stringContaining("ACQUIRED_FICTIONALLY is not in the vocabulary"),
    });
    expect(await fingerprint()).toBe(before);
  });

  it("ingests a claims file using the added type, and counts its relationship", async () => {
    const { status, body } = await send("/claims", claimsFile("LICENSES_TO"));
    expect(status).toBe(200);
    expect(ingestReportSchema.parse(body).counts.relationships.created).toBe(1);
    const { records } = await admin.executeQuery(
      "MATCH (:Company {id: 'acmetron'})-[r:LICENSES_TO]->(:Company {id: 'zorblax'}) RETURN count(r)",
    );
    expect(Number(records[0]?.get(0))).toBe(1);
    expect((await vocabulary()).find((type) => type.name === "LICENSES_TO")?.relationships).toBe(1);
  });
});

describe("POST /api/extract with the vocabulary", () => {
  it("proposes the added type from its stored trigger phrase", async () => {
    const text =
      "Zorblax said on Tuesday that Acmetron licenses its chip designs to Zorblax, in a fictional deal announced to investors.";
    const response = await fetch(`${app.baseUrl}/api/extract`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text, language: "en", published: "2024-05-03" }),
    });
    expect(response.status).toBe(200);
    const answer = extractAnswerSchema.parse(await response.json());
    const claims = answer.draft.claims.map((claim) => `${claim.subject} ${claim.predicate} ${claim.object}`);
    expect(claims).toContain("acmetron LICENSES_TO zorblax");
  });
});
