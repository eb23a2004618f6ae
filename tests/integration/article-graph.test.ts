import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/project-root";
import { seedDatabase } from "../../scripts/seed/seed-database";
import { toPlainProperties } from "../../server/src/neo4j/to-plain-value";
import { useTestDatabase } from "../support/test-database";

const db = useTestDatabase();

async function read(query: string, params: Record<string, unknown> = {}) {
  const { records } = await db.driver.executeQuery(query, params, {
    database: db.database,
    routing: neo4j.routing.READ,
  });
  return records.map((record) => toPlainProperties(record.toObject()) as Record<string, unknown>);
}

const ARTICLE_ID = "article-bytedance-huawei-ascend";

describe("the article's three key relationships (GRAPH-MODEL.md)", () => {
  const cases = [
    {
      type: "SOURCES_FROM",
      from: ["Company", "bytedance"],
      to: ["Company", "huawei"],
      source: "reuters",
      evidence: "s'approvisionne en puces auprès de Huawei Technologies",
    },
    {
      type: "PREVIOUSLY_USED",
      from: ["Company", "bytedance"],
      to: ["Chip", "h20"],
      source: "engadget",
      evidence: "ont utilisé les puces AI H20 de NVIDIA",
    },
    {
      type: "REPORTEDLY_OUTPERFORMS",
      from: ["Chip", "ascend-910b"],
      to: ["Chip", "a100"],
      source: "unnamed-reports",
      evidence: "Plusieurs rapports suggèrent que les puces Ascend 910B de Huawei sont supérieures aux puces A100",
    },
  ] as const;

  for (const expected of cases) {
    it(`${expected.from[1]} ${expected.type} ${expected.to[1]}, reported, with sources and evidence in both languages`, async () => {
      const rows = await read(
        `MATCH (a {id: $from})-[r]->(b {id: $to}) WHERE type(r) = $type
         RETURN labels(a) AS fromLabels, labels(b) AS toLabels, properties(r) AS props`,
        { from: expected.from[1], to: expected.to[1], type: expected.type },
      );
      expect(rows).toHaveLength(1);
      const row = rows[0] as { fromLabels: string[]; toLabels: string[]; props: Record<string, unknown> };
      expect(row.fromLabels).toContain(expected.from[0]);
      expect(row.toLabels).toContain(expected.to[0]);
      expect(row.props.certainty).toBe("reported");
      expect(row.props.sources).toEqual(expect.arrayContaining([expected.source, ARTICLE_ID]));
      expect(row.props.evidence).toContain(expected.evidence);
      expect(String(row.props.evidence_en).length).toBeGreaterThan(20);
      expect(String(row.props.asOf)).toMatch(/^\d{4}/);
    });
  }
});

describe("every relationship of the seed", () => {
  it("carries its provenance: sources that exist, French evidence, an English rendering, a known certainty and a date", async () => {
    const rows = await read(
      `MATCH ()-[r]->() RETURN type(r) AS type, r.id AS id, r.sources AS sources, r.evidence AS evidence,
              r.evidence_en AS evidenceEn, r.certainty AS certainty, r.asOf AS asOf`,
    );
    const sourceIds = new Set((await read("MATCH (s:Source) RETURN s.id AS id")).map((row) => row.id));
    expect(rows.length).toBeGreaterThanOrEqual(30);
    for (const row of rows) {
      const where = `${row.type} ${row.id}`;
      expect(row.sources, where).toEqual(expect.arrayContaining([ARTICLE_ID]));
      for (const source of row.sources as string[]) expect(sourceIds, where).toContain(source);
      expect(typeof row.evidence === "string" && row.evidence.length > 10, where).toBe(true);
      expect(typeof row.evidenceEn === "string" && row.evidenceEn.length > 10, where).toBe(true);
      expect(["confirmed", "reported", "speculative"], where).toContain(row.certainty);
      expect(String(row.asOf), where).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });

  it("marks what the article hedges: MAY_/COULD_ speculative, reported claims reported, facts confirmed", async () => {
    const rows = await read("MATCH ()-[r]->() RETURN type(r) AS type, r.certainty AS certainty");
    for (const row of rows) {
      const type = String(row.type);
      if (/^(MAY|COULD)_/.test(type)) expect(row.certainty, type).toBe("speculative");
      if (type.startsWith("REPORTEDLY_")) expect(row.certainty, type).toBe("reported");
    }
    expect(new Set(rows.map((row) => row.certainty))).toEqual(new Set(["confirmed", "reported", "speculative"]));
  });

  const articleFile = join(projectRoot, "..", "shared", "sources", `${ARTICLE_ID}.fr.txt`);
  it.runIf(existsSync(articleFile))("quotes the article verbatim in every evidence", async () => {
    const article = readFileSync(articleFile, "utf8");
    const rows = await read("MATCH ()-[r]->() RETURN r.id AS id, r.evidence AS evidence");
    for (const row of rows) expect(article, String(row.id)).toContain(row.evidence);
  });
});

describe("what the article says twice with different certainty", () => {
  const claimsOf = (from: string, type: string, to: string) =>
    read(
      `MATCH (c:Claim {subject: $from, predicate: $type, object: $to})
       RETURN c.certainty AS certainty, c.quote AS quote, c.quantities AS quantities ORDER BY c.position`,
      { from, type, to },
    );

  it("is two claims: the order reported, the chips received confirmed", async () => {
    const claims = await claimsOf("bytedance", "ORDERED", "ascend-910b");
    expect(claims.map((claim) => [claim.certainty, JSON.parse(String(claim.quantities))])).toEqual([
      ["reported", { quantity: 100000 }],
      ["confirmed", { delivered: 30000 }],
    ]);
  });

  it("keeps the sourcing stated (per Reuters, and in the article's conditional opening) and the later possibility", async () => {
    const claims = await claimsOf("bytedance", "SOURCES_FROM", "huawei");
    expect(claims.map((claim) => claim.certainty)).toEqual(["reported", "reported", "speculative"]);
    expect(String(claims[2]?.quote)).toContain("pourrait s'approvisionner");
  });

  it("marks the trade restrictions speculative: the article mentions them only inside possibilities", async () => {
    for (const [from, type, to] of [
      ["usa", "IMPOSES", "us-trade-restrictions"],
      ["us-trade-restrictions", "RESTRICTS", "bytedance"],
    ] as const) {
      const [row] = await read("MATCH ({id: $from})-[r]->({id: $to}) WHERE type(r) = $type RETURN r.certainty AS c", {
        from,
        type,
        to,
      });
      expect(row?.c, `${from} ${type} ${to}`).toBe("speculative");
    }
  });
});

describe("the rest of the article", () => {
  const facts: Array<[string, string, string, Record<string, unknown>?]> = [
    ["huawei", "MAKES", "ascend-910b"],
    ["nvidia", "MAKES", "h20"],
    ["nvidia", "MAKES", "a100"],
    ["bytedance", "OWNS", "tiktok"],
    ["bytedance", "DEVELOPS", "doubao"],
    ["bytedance", "DEVELOPS", "jimeng"],
    ["bytedance", "DEVELOPS", "faceu"],
    // The order is reported ("aurait commandé"), the 30,000 received stated plainly: the edge takes the stronger.
    ["bytedance", "ORDERED", "ascend-910b", { quantity: 100000, delivered: 30000, certainty: "confirmed" }],
    ["bytedance", "CO_DEVELOPS", "bytedance-huawei-ai-model", { certainty: "reported" }],
    ["huawei", "CO_DEVELOPS", "bytedance-huawei-ai-model", { certainty: "reported" }],
    ["us-trade-restrictions", "RESTRICTS", "bytedance"],
    ["google", "OPERATES_PLATFORM", "generative-ai"],
    ["microsoft", "OPERATES_PLATFORM", "generative-ai"],
    ["meta", "OPERATES_PLATFORM", "generative-ai"],
    ["apple", "OPERATES_PLATFORM", "generative-ai"],
    ["x-corp", "OPERATES_PLATFORM", "generative-ai"],
  ];
  for (const [from, type, to, props] of facts) {
    it(`has ${from} ${type} ${to}`, async () => {
      const rows = await read(
        "MATCH ({id: $from})-[r]->({id: $to}) WHERE type(r) = $type RETURN properties(r) AS props",
        { from, to, type },
      );
      expect(rows).toHaveLength(1);
      if (props) expect(rows[0]?.props).toMatchObject(props);
    });
  }

  it("records Doubao's audience and X's former name", async () => {
    const [doubao] = await read("MATCH (p:Product {id:'doubao'}) RETURN p.monthlyActiveUsersAtLeast AS mau");
    expect(doubao?.mau).toBe(10_000_000);
    const [x] = await read("MATCH (c:Company {id:'x-corp'}) RETURN c.aliases AS aliases");
    expect(x?.aliases).toContain("Twitter");
  });
});

describe("the schema", () => {
  // Records kept out of the graph may have a key of their own: a relationship type is its name.
  const KEYS: Record<string, string> = {
    RelationshipType: "name",
    AppUser: "nameKey",
    AuthSession: "idHash",
    NeighbourRanking: "hub",
  };

  it("has a uniqueness constraint on id (or a record's own key) for every label in use", async () => {
    const labels = (await read("CALL db.labels() YIELD label RETURN label")).map((row) => row.label as string);
    const constraints = await read(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN labelsOrTypes, properties",
    );
    for (const label of ["Company", "Chip", "Product", "Source", ...labels]) {
      expect(
        constraints.some(
          (row) =>
            (row.labelsOrTypes as string[]).includes(label) &&
            (row.properties as string[])[0] === (KEYS[label] ?? "id"),
        ),
        label,
      ).toBe(true);
    }
  });

  it("has an online full-text index over names and aliases", async () => {
    const [index] = await read(
      "SHOW FULLTEXT INDEXES YIELD name, state, properties WHERE name = 'entityNames' RETURN state, properties",
    );
    expect(index).toEqual({ state: "ONLINE", properties: ["name", "aliases"] });
  });
});

describe("seeding", () => {
  it("twice leaves the same nodes, relationships and properties", async () => {
    const fingerprint = async () => {
      const [row] = await read(
        `CALL { MATCH (n) WHERE NOT n:SavedView RETURN collect(n.id + ':' + size(keys(n))) AS nodes }
         CALL { MATCH ()-[r]->() RETURN collect(r.id + ':' + size(keys(r))) AS relationships }
         RETURN nodes, relationships`,
      );
      return {
        nodes: [...((row?.nodes as string[] | undefined) ?? [])].sort(),
        relationships: [...((row?.relationships as string[] | undefined) ?? [])].sort(),
      };
    };
    const before = await fingerprint();
    await seedDatabase(db.driver, db.database, join(projectRoot, "cypher"));
    const after = await fingerprint();
    expect(after).toEqual(before);
    expect(after.nodes.length).toBeGreaterThanOrEqual(24);
  });
});
