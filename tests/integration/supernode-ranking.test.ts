/**
 * Supernodes' neighbour rankings stay exact through ingestion (decision 0006), on a private Neo4j
 * (port 7682: this file writes). A fictional hub of 1,100 companies is written directly (as the
 * bench's loader writes its graph) and ranked; fictional claims files then reorder its ranking,
 * add neighbours and make a new hub, and after each the stored ranking must equal the ranking
 * computed from scratch. The expansion endpoint must read the stored ranking.
 */
import { execFile } from "node:child_process";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { projectRoot } from "../../scripts/project-root";
import { ingestClaims } from "../../server/src/claims/ingest-claims";
import {
  RANK_ALL_HUBS_QUERY,
  RANKED_DEGREE,
  RANKING_FROM_SCRATCH_QUERY,
  RANKING_LENGTH,
} from "../../server/src/claims/neighbour-ranking";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { getJson, type RunningApp, startTestApp } from "../support/test-app";

const SPOKES = 1100;

let server: PrivateNeo4j;
let admin: Driver;
let app: RunningApp;

beforeAll(async () => {
  server = await startPrivateNeo4j({ name: "supernode-ranking", boltPort: 7682, fresh: true });
  admin = createDriver(server.connection);
  app = await startTestApp({ neo4j: server.connection, env: { APP_TOKEN: "", RATE_LIMIT_MAX: "100000" } });
  // The hub and its spokes; spoke i < 40 also has i relationships of its own, so degrees differ,
  // and the many spokes of degree 1 are ordered by element id.
  await admin.executeQuery(
    `CREATE (hub:Company:Entity {id: 'fictional-hub', name: 'Fictional Hub Holdings'})
     WITH hub
     UNWIND range(1, $spokes) AS i
     CREATE (spoke:Company:Entity {id: 'fictional-spoke-' + i, name: 'Fictional Spoke ' + i})
     CREATE (spoke)-[:SOURCES_FROM {id: 'fictional-hub-spoke-' + i}]->(hub)
     WITH spoke, i WHERE i < 40
     UNWIND range(1, i) AS j
     CREATE (spoke)-[:SOURCES_FROM {id: 'fictional-spoke-' + i + '-' + j}]->
            (:Company:Entity {id: 'fictional-leaf-' + i + '-' + j, name: 'Fictional Leaf ' + i + '-' + j})`,
    { spokes: neo4j.int(SPOKES) },
  );
  await admin.executeQuery(RANK_ALL_HUBS_QUERY);
}, 240_000);
afterAll(async () => {
  await app?.close();
  await admin?.close();
  await server?.stop();
}, 120_000);

const ingest = (input: unknown) =>
  ingestClaims(new Neo4jDatabase(admin, { database: server.connection.database, queryTimeoutMs: 60_000 }), input);

async function elementIdOf(id: string): Promise<string> {
  const { records } = await admin.executeQuery("MATCH (n:Entity {id: $id}) RETURN elementId(n) AS e", { id });
  return records[0]?.get("e") as string;
}

async function stored(hubId: string) {
  const { records } = await admin.executeQuery(
    "MATCH (r:NeighbourRanking {hub: $hub}) RETURN r.neighbours AS neighbours, r.degrees AS degrees",
    { hub: await elementIdOf(hubId) },
  );
  const record = records[0];
  return record
    ? { neighbours: record.get("neighbours") as string[], degrees: (record.get("degrees") as unknown[]).map(Number) }
    : null;
}

async function fromScratch(hubId: string) {
  const { records } = await admin.executeQuery(RANKING_FROM_SCRATCH_QUERY, { hub: await elementIdOf(hubId) });
  const record = records[0];
  if (!record) throw new Error(`no node ${hubId}`);
  return {
    neighbours: record.get("neighbours") as string[],
    degrees: (record.get("degrees") as unknown[]).map(Number),
  };
}

/** A fictional claims file: `pairs` of (subject, object) names, each SOURCES_FROM, new names as companies. */
function claimsFile(articleId: string, pairs: ReadonlyArray<readonly [string, string]>, newNames: readonly string[]) {
  return {
    format: "claims/1",
    fictional: true,
    note: "FICTIONAL TEST DATA: no such article or outlet exists; it only tests the supernode rankings.",
    article: {
      id: articleId,
      title: `Fictional test article ${articleId}`,
      source: "fictional-ranking-wire",
      language: "en",
      publishedAt: "2026-01-05",
    },
    sources: [{ id: "fictional-ranking-wire", name: "Fictional Ranking Wire", grade: "C" }],
    entities: newNames.map((name) => ({ name, label: "Company" })),
    claims: pairs.map(([subject, object]) => ({
      subject,
      predicate: "SOURCES_FROM",
      object,
      source: "fictional-ranking-wire",
      certainty: "reported",
      quote: `${subject} buys from ${object}, a fictional report says.`,
      quoteLang: "en",
      reportedAt: "2026-01-05",
    })),
  };
}

describe("supernode neighbour rankings", () => {
  it("ranks a hub's neighbours as the expansion query does, the first RANKING_LENGTH of them", async () => {
    const ranking = await stored("fictional-hub");
    expect(ranking?.neighbours).toHaveLength(RANKING_LENGTH);
    expect(ranking).toEqual(await fromScratch("fictional-hub"));
    expect(ranking?.degrees[0]).toBe(40); // spoke 39: the hub and its 39 leaves
  });

  it("keeps the ranking exact when ingestion reorders it and adds neighbours", async () => {
    const before = await stored("fictional-hub");
    const lowest = before?.neighbours.at(-1) as string;
    const { records } = await admin.executeQuery("MATCH (n) WHERE elementId(n) = $e RETURN n.name AS name", {
      e: lowest,
    });
    const climber = records[0]?.get("name") as string;
    // The last-ranked spoke gains 45 suppliers (to the top); a spoke outside the stored top gains
    // 3 (into it); a new company supplies the hub (a new neighbour of degree 1).
    const outsider = await outsiderName();
    const newNames = [
      ...Array.from({ length: 45 }, (_, i) => `Fictional Climber Supplier ${i + 1}`),
      ...Array.from({ length: 3 }, (_, i) => `Fictional Outsider Supplier ${i + 1}`),
      "Fictional Newcomer Corp",
    ];
    const pairs: Array<[string, string]> = [
      ...newNames.slice(0, 45).map((name): [string, string] => [climber, name]),
      ...newNames.slice(45, 48).map((name): [string, string] => [outsider, name]),
      ["Fictional Newcomer Corp", "Fictional Hub Holdings"],
    ];
    const report = await ingest(claimsFile("fictional-ranking-one", pairs, newNames));
    expect(report.problems).toEqual([]);
    expect(report.written).toBe(true);

    const after = await stored("fictional-hub");
    expect(after).toEqual(await fromScratch("fictional-hub"));
    expect(after?.neighbours[0]).toBe(lowest);
    expect(after?.degrees[0]).toBe(46);
    expect(after?.neighbours).toContain(await elementIdOf((await idOfName(outsider)) as string));
    expect(after).not.toEqual(before);
  });

  it("ranks a node from scratch in the ingestion that takes it over the threshold", async () => {
    await admin.executeQuery(
      `CREATE (almost:Company:Entity {id: 'fictional-almost-hub', name: 'Fictional Almost Hub'})
       WITH almost
       UNWIND range(1, $count) AS i
       CREATE (:Company:Entity {id: 'fictional-client-' + i, name: 'Fictional Client ' + i})-[:SOURCES_FROM]->(almost)`,
      { count: neo4j.int(RANKED_DEGREE) },
    );
    expect(await stored("fictional-almost-hub")).toBeNull();
    const report = await ingest(
      claimsFile(
        "fictional-ranking-two",
        [["Fictional Late Client", "Fictional Almost Hub"]],
        ["Fictional Late Client"],
      ),
    );
    expect(report.written).toBe(true);
    const ranking = await stored("fictional-almost-hub");
    expect(ranking?.neighbours).toHaveLength(RANKED_DEGREE + 1);
    expect(ranking).toEqual(await fromScratch("fictional-almost-hub"));
    // The first hub's ranking is still exact too.
    expect(await stored("fictional-hub")).toEqual(await fromScratch("fictional-hub"));
  });

  it("answers a hub's expansion from its stored ranking", async () => {
    const ranking = (await stored("fictional-hub")) as { neighbours: string[] };
    const top = async (way = "") => {
      const answer = await getJson(`${app.baseUrl}/api/nodes/fictional-hub/neighbors?limit=5${way}`);
      expect(answer.status).toBe(200);
      const { nodes } = answer.body as { nodes: Array<{ data: { id: string } }> };
      return nodes.map((node) => node.data.id).filter((id) => id !== "fictional-hub");
    };
    const idsOf = async (elementIds: readonly string[]) => {
      const { records } = await admin.executeQuery(
        "UNWIND $e AS e MATCH (n) WHERE elementId(n) = e RETURN n.id AS id",
        { e: elementIds },
      );
      return records.map((record) => record.get("id") as string);
    };
    expect(new Set(await top())).toEqual(new Set(await idsOf(ranking.neighbours.slice(0, 5))));
    // Swap in another order: the answer follows what is stored (then put it back).
    const reordered = [
      ...ranking.neighbours.slice(5, 10),
      ...ranking.neighbours.slice(0, 5),
      ...ranking.neighbours.slice(10),
    ];
    await admin.executeQuery("MATCH (r:NeighbourRanking {hub: $hub}) SET r.neighbours = $list", {
      hub: await elementIdOf("fictional-hub"),
      list: reordered,
    });
    try {
      expect(new Set(await top())).toEqual(new Set(await idsOf(reordered.slice(0, 5))));
      // A type and direction every entry has: the ranking's entries, each checked, in stored order.
      expect(new Set(await top("&types=SOURCES_FROM&direction=in"))).toEqual(
        new Set(await idsOf(reordered.slice(0, 5))),
      );
    } finally {
      await admin.executeQuery("MATCH (r:NeighbourRanking {hub: $hub}) SET r.neighbours = $list", {
        hub: await elementIdOf("fictional-hub"),
        list: ranking.neighbours,
      });
    }
  });
});

describe("npm run db:rank, after the graph was changed by hand", () => {
  /** The command as an operator runs it, pointed at this file's Neo4j (without blocking the app). */
  const dbRank = () =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        "npm",
        ["run", "-s", "db:rank"],
        {
          cwd: projectRoot,
          encoding: "utf8",
          timeout: 120_000,
          env: {
            ...process.env,
            NEO4J_URI: server.connection.uri,
            NEO4J_USERNAME: server.connection.username,
            NEO4J_PASSWORD: server.connection.password,
            NEO4J_DATABASE: server.connection.database,
          },
        },
        (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  it("ranks every hub again and drops the rankings of nodes that are no longer hubs", async () => {
    // Deleted in Neo4j Browser, say: the hub's ten best-ranked spokes lose all their leaves, and the
    // second hub falls back under the threshold. Nothing keeps the rankings right meanwhile.
    const top = (await stored("fictional-hub"))?.neighbours.slice(0, 10) as string[];
    await admin.executeQuery(
      `UNWIND $top AS e MATCH (spoke) WHERE elementId(spoke) = e
       MATCH (spoke)-[r]-(other) WHERE other.id <> 'fictional-hub' DELETE r`,
      { top },
    );
    await admin.executeQuery("MATCH (:Entity {id: 'fictional-almost-hub'})-[r]-() WITH r LIMIT 10 DELETE r");
    expect(await stored("fictional-hub")).not.toEqual(await fromScratch("fictional-hub"));
    expect(await stored("fictional-almost-hub")).not.toBeNull();

    const run = await dbRank();
    expect(run.stderr).toBe("");
    expect(run).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/Ranked the neighbours of 1 node.*removed 1 ranking/),
    });
    expect(await stored("fictional-hub")).toEqual(await fromScratch("fictional-hub"));
    expect(await stored("fictional-almost-hub")).toBeNull();
    // Run again on a graph already right: nothing to drop, the same rankings.
    const again = await dbRank();
    expect(again.stdout).toMatch(/removed 0 ranking/);
    expect(await stored("fictional-hub")).toEqual(await fromScratch("fictional-hub"));
  });
});

/** A spoke of degree 1 that the stored top does not hold. */
async function outsiderName(): Promise<string> {
  const ranking = (await stored("fictional-hub")) as { neighbours: string[] };
  const { records } = await admin.executeQuery(
    `MATCH (:Entity {id: 'fictional-hub'})--(m) WHERE NOT elementId(m) IN $kept RETURN m.name AS name LIMIT 1`,
    { kept: ranking.neighbours },
  );
  return records[0]?.get("name") as string;
}

async function idOfName(name: string): Promise<string | undefined> {
  const { records } = await admin.executeQuery("MATCH (n:Entity {name: $name}) RETURN n.id AS id", { name });
  return records[0]?.get("id") as string | undefined;
}
