/**
 * Expanding a hub: the relationships with its top neighbours come from the element ids its ranking
 * stores, and those among the neighbours are capped (decision 0006, "links among a hub's top
 * neighbours"). On a private Neo4j (port 7704: this file writes). A fictional hub of 1,100 companies
 * is written directly, as the bench's loader writes its graph; its twelve best-connected spokes
 * supply each other (132 relationships among them), so an expansion of those twelve has more links
 * among them than the default cap (10 per neighbour). A fictional claims file then adds a
 * relationship between the hub and a spoke, and the stored links must follow.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { neighboursSchema } from "../../contract/graph-contract";
import { expansionLinkCap, MAX_EXPANSION_LINKS } from "../../contract/request-schemas";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { ingestClaims } from "../../server/src/claims/ingest-claims";
import {
  LINK_SEPARATOR,
  RANK_ALL_HUBS_QUERY,
  RANKING_FROM_SCRATCH_QUERY,
} from "../../server/src/claims/neighbour-ranking";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { getJson, type RunningApp, startTestApp } from "../support/test-app";

const SPOKES = 1100;
const CLUSTER = 12;

let server: PrivateNeo4j;
let admin: Driver;
let app: RunningApp;

beforeAll(async () => {
  server = await startPrivateNeo4j({ name: "supernode-links", boltPort: 7704, fresh: true });
  admin = createDriver(server.connection);
  app = await startTestApp({ neo4j: server.connection, env: { APP_TOKEN: "", RATE_LIMIT_MAX: "100000" } });
  await admin.executeQuery(
    `CREATE (hub:Company:Entity {id: 'fictional-links-hub', name: 'Fictional Links Hub'})
     WITH hub
     UNWIND range(1, $spokes) AS i
     CREATE (spoke:Company:Entity {id: 'fictional-links-spoke-' + i, name: 'Fictional Links Spoke ' + i})
     CREATE (spoke)-[:SOURCES_FROM {id: 'fictional-links-hub-spoke-' + i}]->(hub)`,
    { spokes: neo4j.int(SPOKES) },
  );
  // The cluster: every spoke up to CLUSTER supplies every other one; spoke 1 is also owned by the hub
  // (two relationships join them).
  await admin.executeQuery(
    `UNWIND range(1, $cluster) AS i
     UNWIND range(1, $cluster) AS j
     WITH i, j WHERE i <> j
     MATCH (a:Entity {id: 'fictional-links-spoke-' + i}), (b:Entity {id: 'fictional-links-spoke-' + j})
     CREATE (a)-[:SOURCES_FROM {id: 'fictional-links-' + i + '-' + j}]->(b)`,
    { cluster: neo4j.int(CLUSTER) },
  );
  await admin.executeQuery(
    `MATCH (hub:Entity {id: 'fictional-links-hub'}), (one:Entity {id: 'fictional-links-spoke-1'})
     CREATE (hub)-[:OWNS {id: 'fictional-links-hub-owns-1'}]->(one)`,
  );
  // A small node: four companies that all supply each other (12 relationships), under every cap.
  await admin.executeQuery(
    `CREATE (small:Company:Entity {id: 'fictional-links-small', name: 'Fictional Small Holdings'})
     WITH small
     UNWIND range(1, 4) AS i
     CREATE (:Company:Entity {id: 'fictional-links-partner-' + i, name: 'Fictional Partner ' + i})-[:SOURCES_FROM]->(small)
     WITH collect(i) AS done
     UNWIND range(1, 4) AS i
     UNWIND range(1, 4) AS j
     WITH i, j WHERE i <> j
     MATCH (a:Entity {id: 'fictional-links-partner-' + i}), (b:Entity {id: 'fictional-links-partner-' + j})
     CREATE (a)-[:SOURCES_FROM]->(b)`,
  );
  await admin.executeQuery(RANK_ALL_HUBS_QUERY);
}, 240_000);
afterAll(async () => {
  await app?.close();
  await admin?.close();
  await server?.stop();
}, 120_000);

async function hubElementId(): Promise<string> {
  const { records } = await admin.executeQuery("MATCH (n:Entity {id: 'fictional-links-hub'}) RETURN elementId(n) AS e");
  return records[0]?.get("e") as string;
}

/** A ranking's entries with their links as sorted lists, stored or from scratch. */
async function storedRanking() {
  const { records } = await admin.executeQuery(
    "MATCH (r:NeighbourRanking {hub: $hub}) RETURN r.neighbours AS neighbours, r.links AS links",
    { hub: await hubElementId() },
  );
  const record = records[0];
  if (!record) throw new Error("the hub has no ranking");
  const links = record.get("links") as string[] | null;
  return {
    neighbours: record.get("neighbours") as string[],
    links: links === null ? null : links.map((entry) => entry.split(LINK_SEPARATOR).toSorted()),
  };
}

async function rankingFromScratch() {
  const { records } = await admin.executeQuery(RANKING_FROM_SCRATCH_QUERY, { hub: await hubElementId() });
  const record = records[0];
  if (!record) throw new Error("no hub");
  return {
    neighbours: record.get("neighbours") as string[],
    links: (record.get("links") as string[][]).map((entry) => [...entry].toSorted()),
  };
}

async function expand(id: string, query: string) {
  const answer = await getJson(`${app.baseUrl}/api/nodes/${id}/neighbors?${query}`);
  expect(answer.status).toBe(200);
  return neighboursSchema.parse(answer.body);
}

/** The relationships an answer holds between `id` and the others, and among the others, by `id` property or element id. */
function split(answer: Awaited<ReturnType<typeof expand>>, id: string) {
  const toCentre = answer.edges.filter((edge) => edge.data.source === id || edge.data.target === id);
  const among = answer.edges.filter((edge) => edge.data.source !== id && edge.data.target !== id);
  return { toCentre: toCentre.map((edge) => edge.data.elementId).toSorted(), among };
}

/** What the graph holds between `id` and the nodes `others` (ids), read directly. */
async function linksBetween(id: string, others: readonly string[], where = "true"): Promise<string[]> {
  const { records } = await admin.executeQuery(
    `MATCH (n:Entity {id: $id})-[r]-(m:Entity) WHERE m.id IN $others AND ${where} RETURN elementId(r) AS e`,
    { id, others },
  );
  return records.map((record) => record.get("e") as string).toSorted();
}

const neighbourIds = (answer: Awaited<ReturnType<typeof expand>>, id: string) =>
  answer.nodes.map((node) => node.data.id).filter((other) => other !== id);

describe("a hub's ranking stores the relationships joining it to each ranked neighbour", () => {
  it("as the graph holds them, after ranking", async () => {
    const stored = await storedRanking();
    expect(stored).toEqual(await rankingFromScratch());
    expect(stored.links?.[0]).toHaveLength(2); // spoke 1: supplies the hub, and the hub owns it
  });

  it("and after ingestion adds one between the hub and a spoke", async () => {
    const report = await ingestClaims(
      new Neo4jDatabase(admin, { database: server.connection.database, queryTimeoutMs: 60_000 }),
      {
        format: "claims/1",
        fictional: true,
        note: "FICTIONAL TEST DATA: no such article or outlet exists; it only tests the stored links of a hub.",
        article: {
          id: "fictional-links-article",
          title: "Fictional test article on a hub's suppliers",
          source: "fictional-links-wire",
          language: "en",
          publishedAt: "2026-02-03",
        },
        sources: [{ id: "fictional-links-wire", name: "Fictional Links Wire", grade: "C" }],
        entities: [],
        claims: [
          {
            subject: "Fictional Links Hub",
            predicate: "SOURCES_FROM",
            object: "Fictional Links Spoke 3",
            source: "fictional-links-wire",
            certainty: "reported",
            quote: "Fictional Links Hub buys from Fictional Links Spoke 3, a fictional report says.",
            quoteLang: "en",
            reportedAt: "2026-02-03",
          },
        ],
      },
    );
    expect(report.problems).toEqual([]);
    expect(report.written).toBe(true);
    const stored = await storedRanking();
    expect(stored).toEqual(await rankingFromScratch());
    const three = await linksBetween("fictional-links-hub", ["fictional-links-spoke-3"]);
    expect(three).toHaveLength(2);
    const place = stored.neighbours.indexOf(
      (
        await admin.executeQuery("MATCH (n:Entity {id: 'fictional-links-spoke-3'}) RETURN elementId(n) AS e")
      ).records[0]?.get("e") as string,
    );
    expect(stored.links?.[place]).toEqual(three);
  });
});

describe("expanding a hub", () => {
  it("sends every relationship with its top neighbours, and caps those among them", async () => {
    const answer = await expand("fictional-links-hub", `limit=${CLUSTER}`);
    const others = neighbourIds(answer, "fictional-links-hub");
    expect(others.toSorted()).toEqual(
      Array.from({ length: CLUSTER }, (_, i) => `fictional-links-spoke-${i + 1}`).toSorted(),
    );
    const { toCentre, among } = split(answer, "fictional-links-hub");
    expect(toCentre).toEqual(await linksBetween("fictional-links-hub", others));
    // 132 among the twelve; the default sends 10 per neighbour asked for, and says there are more.
    expect(among).toHaveLength(expansionLinkCap(CLUSTER));
    expect(answer.moreLinks).toBe(true);
    expect(answer.truncated).toBe(true); // more neighbours than the limit, as before

    const all = await expand("fictional-links-hub", `limit=${CLUSTER}&links=${MAX_EXPANSION_LINKS}`);
    expect(split(all, "fictional-links-hub").among).toHaveLength(CLUSTER * (CLUSTER - 1));
    expect(all.moreLinks).toBe(false);
    const few = await expand("fictional-links-hub", `limit=${CLUSTER}&links=5`);
    expect(split(few, "fictional-links-hub").among).toHaveLength(5);
    expect(few.moreLinks).toBe(true);
    const none = await expand("fictional-links-hub", `limit=${CLUSTER}&links=0`);
    expect(split(none, "fictional-links-hub")).toEqual({ toCentre, among: [] });
    expect(none.moreLinks).toBe(true);
  });

  it("keeps to the type and direction asked for", async () => {
    const answer = await expand("fictional-links-hub", `limit=${CLUSTER}&types=OWNS&direction=out&links=0`);
    const others = neighbourIds(answer, "fictional-links-hub");
    expect(others).toEqual(["fictional-links-spoke-1"]);
    expect(split(answer, "fictional-links-hub").toCentre).toEqual(
      await linksBetween("fictional-links-hub", others, "type(r) = 'OWNS'"),
    );
  });

  it("answers the same from a ranking written before it stored links, and ignores a stored id that joins other nodes", async () => {
    const hub = await hubElementId();
    const before = await expand("fictional-links-hub", `limit=${CLUSTER}`);
    const { records } = await admin.executeQuery("MATCH (r:NeighbourRanking {hub: $hub}) RETURN r.links AS links", {
      hub,
    });
    const links = records[0]?.get("links") as string[];
    try {
      await admin.executeQuery("MATCH (r:NeighbourRanking {hub: $hub}) REMOVE r.links", { hub });
      const old = await expand("fictional-links-hub", `limit=${CLUSTER}`);
      expect(split(old, "fictional-links-hub").toCentre).toEqual(split(before, "fictional-links-hub").toCentre);
      expect(old.nodes).toEqual(before.nodes);

      // An id that no longer joins the hub and that neighbour (deleted by hand, then reused) is left out.
      const { records: other } = await admin.executeQuery(
        "MATCH (:Entity {id: 'fictional-links-spoke-2'})-[r]->(:Entity {id: 'fictional-links-spoke-3'}) RETURN elementId(r) AS e",
      );
      const stray = other[0]?.get("e") as string;
      await admin.executeQuery("MATCH (r:NeighbourRanking {hub: $hub}) SET r.links = $links", {
        hub,
        links: [`${links[0]}${LINK_SEPARATOR}${stray}`, ...links.slice(1)],
      });
      const guarded = await expand("fictional-links-hub", `limit=${CLUSTER}&links=0`);
      expect(split(guarded, "fictional-links-hub").toCentre).toEqual(split(before, "fictional-links-hub").toCentre);
    } finally {
      await admin.executeQuery("MATCH (r:NeighbourRanking {hub: $hub}) SET r.links = $links", { hub, links });
    }
  });
});

describe("expanding a small node", () => {
  it("is unchanged under the cap: every relationship among its neighbours, nothing said left out", async () => {
    const answer = await expand("fictional-links-small", "limit=4");
    expect(answer.moreLinks).toBe(false);
    expect(answer.truncated).toBe(false);
    expect(split(answer, "fictional-links-small").among).toHaveLength(12);
    const all = await expand("fictional-links-small", `limit=4&links=${MAX_EXPANSION_LINKS}`);
    expect(all).toEqual(answer);
  });
});
