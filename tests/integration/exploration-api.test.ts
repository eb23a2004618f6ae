import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiErrorSchema,
  expansionsSchema,
  type Graph,
  graphSchema,
  nodeLookupResultSchema,
  type PathsResult,
  pathsResultSchema,
} from "../../contract/graph-contract";
import { expansionsQuery } from "../../server/src/graph/graph-queries";
import { getJson, postJson, type RunningApp, startTestApp } from "../support/test-app";

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const api = (path: string) => getJson(`${app.baseUrl}/api${path}`);

async function read(query: string, params: Record<string, unknown> = {}) {
  const { records } = await app.driver.executeQuery(query, params, { routing: neo4j.routing.READ });
  return records.map((record) => record.toObject() as Record<string, unknown>);
}

async function expectError(path: string, status: number, code: string) {
  const { status: actual, body } = await api(path);
  expect(actual, path).toBe(status);
  const { error } = apiErrorSchema.parse(body);
  expect(error.code, path).toBe(code);
  return error;
}

const nodeIds = (graph: Graph) => graph.nodes.map((node) => node.data.id).sort();

describe("GET /api/nodes/:id/expansions", () => {
  it("counts ByteDance's distinct neighbours per relationship type and direction, as Cypher does", async () => {
    const { status, body } = await api("/nodes/bytedance/expansions");
    expect(status).toBe(200);
    const expansions = expansionsSchema.parse(body);

    const expected = await read(`
      MATCH (n:Company {id: 'bytedance'})-[r]->(m) RETURN type(r) AS type, 'out' AS direction, count(DISTINCT m) AS count
      UNION ALL
      MATCH (n:Company {id: 'bytedance'})<-[r]-(m) RETURN type(r) AS type, 'in' AS direction, count(DISTINCT m) AS count`);
    const asText = (option: Record<string, unknown>) => `${option.type} ${option.direction} ${Number(option.count)}`;
    expect(expansions.options.map(asText).sort()).toEqual(expected.map(asText).sort());
    const [distinct] = await read("MATCH (:Company {id: 'bytedance'})--(m) RETURN count(DISTINCT m) AS n");
    expect(expansions.neighbourCount).toBe(Number(distinct?.n));

    expect(expansions.nodeId).toBe("bytedance");
    expect(expansions.options).toContainEqual({ type: "DEVELOPS", direction: "out", count: 3 });
    expect(expansions.options).toContainEqual({ type: "SOURCES_FROM", direction: "out", count: 1 });
    expect(expansions.options).toContainEqual({ type: "RESTRICTS", direction: "in", count: 1 });
    // The trade restrictions reach ByteDance both ways (MAY_COUNTER out, RESTRICTS in): one neighbour.
    expect(expansions.neighbourCount).toBe(11);
    expect(expansions.options[0]).toEqual({ type: "DEVELOPS", direction: "out", count: 3 });
  });

  it("counts a big node per type and direction from its degrees, as the exact pass does", async () => {
    // exactLimit 0 takes ByteDance for a big node; the first read names the database's types.
    const run = (types: string[]) => read(expansionsQuery(types), { id: "bytedance", types, exactLimit: neo4j.int(0) });
    const [first] = await run([]);
    expect(first?.options).toBeNull();
    expect(first?.degreeRows).toEqual([]);
    const types = first?.relationshipTypes as string[];
    expect(types).toEqual(expect.arrayContaining(["DEVELOPS", "SOURCES_FROM", "RESTRICTS"]));
    const [row] = await run(types);
    const byDegree = ((row?.degreeRows ?? []) as { type: string; out: unknown; in: unknown }[])
      .flatMap((way) => [`${way.type} out ${Number(way.out)}`, `${way.type} in ${Number(way.in)}`])
      .filter((text) => !text.endsWith(" 0"));
    const exact = await api("/nodes/bytedance/expansions");
    const options = expansionsSchema.parse(exact.body).options;
    // The seed joins two nodes once per type and direction, so relationships are neighbours here.
    expect(byDegree.sort()).toEqual(
      options.map((option) => `${option.type} ${option.direction} ${option.count}`).sort(),
    );
    const [degree] = await read("MATCH (:Company {id: 'bytedance'})-[r]-() RETURN count(r) AS n");
    expect(Number(row?.neighbourCount)).toBe(Number(degree?.n));
  });

  it("returns 404 NOT_FOUND for an unknown id", async () => {
    const error = await expectError("/nodes/no-such-node/expansions", 404, "NOT_FOUND");
    expect(error.message).toContain("no-such-node");
  });
});

describe("GET /api/nodes/:id/neighbors", () => {
  it("expands by type and direction", async () => {
    const graph = graphSchema.parse((await api("/nodes/bytedance/neighbors?types=DEVELOPS&direction=out")).body);
    expect(nodeIds(graph)).toEqual(["bytedance", "doubao", "faceu", "jimeng"]);
    expect(graph.edges.filter((edge) => edge.data.type === "DEVELOPS")).toHaveLength(3);
    expect(graph.truncated).toBe(false);
    const incoming = graphSchema.parse((await api("/nodes/bytedance/neighbors?direction=in")).body);
    expect(nodeIds(incoming)).toEqual(["bytedance", "us-trade-restrictions"]);
  });

  it("keeps the top N by degree and says the answer was capped", async () => {
    const graph = graphSchema.parse((await api("/nodes/bytedance/neighbors?limit=2")).body);
    expect(graph.nodes).toHaveLength(3);
    expect(graph.truncated).toBe(true);
    const degrees = await read(
      "MATCH (:Company {id: 'bytedance'})--(m) WITH DISTINCT m RETURN m.id AS id, COUNT { (m)--() } AS degree ORDER BY degree DESC",
    );
    const second = Number(degrees[1]?.degree);
    for (const node of graph.nodes.filter((node) => node.data.id !== "bytedance")) {
      const degree = Number(degrees.find((row) => row.id === node.data.id)?.degree);
      expect(degree, node.data.id).toBeGreaterThanOrEqual(second);
    }
  });
});

describe("GET /api/paths", () => {
  const paths = async (query: string): Promise<PathsResult> => {
    const { status, body } = await api(`/paths?${query}`);
    expect(status, query).toBe(200);
    return pathsResultSchema.parse(body);
  };

  it("finds the shortest path from Doubao to the A100, with the source and sentence of each hop", async () => {
    const result = await paths("from=doubao&to=a100&mode=shortest&maxHops=4");
    expect(result).toMatchObject({ mode: "shortest", direction: "either", maxHops: 4, truncated: false, total: 1 });
    expect(result.paths).toEqual([
      { nodes: ["doubao", "ascend-910b", "a100"], edges: expect.any(Array), length: 2, weakest: expect.any(String) },
    ]);
    const hops = (result.paths[0]?.edges ?? []).map((id) => result.graph.edges.find((edge) => edge.data.id === id));
    expect(hops.map((edge) => edge?.data.type)).toEqual(["COULD_IMPROVE", "REPORTEDLY_OUTPERFORMS"]);
    expect(hops[0]?.data).toMatchObject({ source: "ascend-910b", target: "doubao" });
    for (const edge of hops) {
      expect(edge?.data.props.sources).toEqual(expect.arrayContaining(["article-bytedance-huawei-ascend"]));
      expect(String(edge?.data.props.evidence).length).toBeGreaterThan(20);
      expect(String(edge?.data.props.evidence_en).length).toBeGreaterThan(20);
    }
    expect(hops[1]?.data.props.sources).toContain("unnamed-reports");
    expect(hops[1]?.data.props.evidence).toContain("Plusieurs rapports suggèrent");
    expect(nodeIds(result.graph)).toEqual(["a100", "ascend-910b", "doubao"]);
  });

  it("lists all simple paths up to the hop limit, ranked by their weakest hop then length, as many as Cypher finds", async () => {
    const result = await paths("from=doubao&to=a100&mode=all&maxHops=4&limit=100");
    const [expected] = await read(
      `MATCH p = (:Product {id: 'doubao'})-[*1..4]-(:Chip {id: 'a100'})
       WHERE all(i IN range(0, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
       RETURN count(p) AS n`,
    );
    expect(result.paths).toHaveLength(Number(expected?.n));
    expect(result.paths.length).toBeGreaterThan(3);
    expect(result).toMatchObject({ truncated: false, total: result.paths.length, offset: 0, direction: "either" });
    const edgesById = new Map(result.graph.edges.map((edge) => [edge.data.id, edge.data]));
    const rank = (certainty: string | undefined) => ["speculative", "reported", "confirmed"].indexOf(certainty ?? "");
    const keys = result.paths.map((path) => {
      const weakest = Math.min(...path.edges.map((id) => rank(edgesById.get(id)?.certainty)));
      expect(path.weakest, path.nodes.join(">")).toBe(["speculative", "reported", "confirmed"][weakest]);
      return [-weakest, path.length];
    });
    const sorted = [...keys].sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0));
    expect(keys).toEqual(sorted);
    // The seed has paths of more than one strength here, so the order is not just by length.
    expect(new Set(keys.map((key) => key[0])).size).toBeGreaterThan(1);
    expect(Math.max(...result.paths.map((path) => path.length))).toBeLessThanOrEqual(4);
    for (const path of result.paths) {
      expect(new Set(path.nodes).size, path.nodes.join(">")).toBe(path.nodes.length);
      expect(path.nodes[0]).toBe("doubao");
      expect(path.nodes.at(-1)).toBe("a100");
      path.edges.forEach((id, index) => {
        const edge = edgesById.get(id);
        const ends = [path.nodes[index], path.nodes[index + 1]].sort();
        expect([edge?.source, edge?.target].sort()).toEqual(ends);
      });
    }
  });

  it("pages through the ranked paths: offset and limit, the total, and whether more follow", async () => {
    const whole = await paths("from=doubao&to=a100&mode=all&maxHops=4&limit=100");
    const total = whole.paths.length;
    const seen: string[] = [];
    for (let offset = 0; offset < total; offset += 2) {
      const page = await paths(`from=doubao&to=a100&mode=all&maxHops=4&limit=2&offset=${offset}`);
      expect(page).toMatchObject({ offset, total, cap: 500, truncated: offset + 2 < total });
      expect(page.paths.length).toBe(Math.min(2, total - offset));
      seen.push(...page.paths.map((path) => path.edges.join(",")));
      // Each page's graph holds that page's paths only.
      const pageEdges = new Set(page.paths.flatMap((path) => path.edges));
      expect(page.graph.edges.map((edge) => edge.data.id).sort()).toEqual([...pageEdges].sort());
    }
    expect(seen).toEqual(whole.paths.map((path) => path.edges.join(",")));
    const past = await paths(`from=doubao&to=a100&mode=all&maxHops=4&limit=2&offset=${total + 3}`);
    expect(past).toMatchObject({ paths: [], total, truncated: false });
  });

  it("follows the arrows when asked: directed paths only, as Cypher counts them", async () => {
    const [expected] = await read(
      `MATCH p = (:Company {id: 'bytedance'})-[*1..4]->(:Chip {id: 'ascend-910b'})
       WHERE all(i IN range(0, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
       RETURN count(p) AS n`,
    );
    const result = await paths("from=bytedance&to=ascend-910b&mode=all&direction=directed&maxHops=4&limit=100");
    expect(result.direction).toBe("directed");
    expect(result.paths.length).toBe(Number(expected?.n));
    expect(result.paths.length).toBeGreaterThan(0);
    const edgesById = new Map(result.graph.edges.map((edge) => [edge.data.id, edge.data]));
    for (const path of result.paths)
      path.edges.forEach((id, index) => {
        expect(edgesById.get(id)?.source).toBe(path.nodes[index]);
        expect(edgesById.get(id)?.target).toBe(path.nodes[index + 1]);
      });
    const either = await paths("from=bytedance&to=ascend-910b&mode=all&maxHops=4&limit=100");
    expect(either.total).toBeGreaterThan(result.total);
    // Against every arrow: nothing.
    const backwards = await paths("from=ascend-910b&to=bytedance&mode=all&direction=directed&maxHops=4");
    const [reverse] = await read(
      `MATCH p = (:Chip {id: 'ascend-910b'})-[*1..4]->(:Company {id: 'bytedance'}) RETURN count(p) AS n`,
    );
    expect(backwards.total).toBe(Number(reverse?.n));
  });

  it("caps the number of paths per page and says more follow", async () => {
    const result = await paths("from=doubao&to=a100&mode=all&maxHops=4&limit=2");
    expect(result.paths).toHaveLength(2);
    expect(result.total).toBeGreaterThan(2);
    expect(result.truncated).toBe(true);
  });

  it("answers 200 with no paths when none is within the hop limit", async () => {
    for (const mode of ["shortest", "all"]) {
      const result = await paths(`from=doubao&to=a100&mode=${mode}&maxHops=1`);
      expect(result.paths).toEqual([]);
      expect(result.graph.nodes).toEqual([]);
      expect(result.truncated).toBe(false);
    }
  });

  it("returns 404 naming an unknown end, 400 for the same node at both ends or bad parameters", async () => {
    expect((await expectError("/paths?from=no-such-node&to=a100", 404, "NOT_FOUND")).message).toContain("no-such-node");
    expect((await expectError("/paths?from=doubao&to=gone-too", 404, "NOT_FOUND")).message).toContain("gone-too");
    await expectError("/paths?from=doubao&to=doubao", 400, "VALIDATION");
    const [doubao] = await read("MATCH (p:Product {id: 'doubao'}) RETURN elementId(p) AS elementId");
    await expectError(`/paths?from=doubao&to=${encodeURIComponent(String(doubao?.elementId))}`, 400, "VALIDATION");
    for (const bad of [
      "maxHops=0",
      "maxHops=7",
      "mode=longest",
      "limit=101",
      "limit=0",
      "direction=up",
      "offset=-1",
      "offset=500",
    ])
      await expectError(`/paths?from=doubao&to=a100&${bad}`, 400, "VALIDATION");
    await expectError("/paths?from=doubao", 400, "VALIDATION");
  });
});

describe("POST /api/nodes/lookup", () => {
  it("returns the nodes found, the relationships among them, and the ids that no longer exist", async () => {
    const [huawei] = await read("MATCH (c:Company {id: 'huawei'}) RETURN elementId(c) AS elementId");
    const { status, body } = await postJson(`${app.baseUrl}/api/nodes/lookup`, {
      ids: ["bytedance", String(huawei?.elementId), "ascend-910b", "deleted-meanwhile"],
    });
    expect(status).toBe(200);
    const result = nodeLookupResultSchema.parse(body);
    expect(nodeIds(result.graph)).toEqual(["ascend-910b", "bytedance", "huawei"]);
    expect(result.missing).toEqual(["deleted-meanwhile"]);
    const [among] = await read("MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN count(r) AS n", {
      ids: ["bytedance", "huawei", "ascend-910b"],
    });
    expect(result.graph.edges).toHaveLength(Number(among?.n));
    expect(result.graph.edges.map((edge) => edge.data.type).sort()).toEqual(["MAKES", "ORDERED", "SOURCES_FROM"]);
  });

  it("returns 400 VALIDATION for a body without a list of ids", async () => {
    for (const body of [{}, { ids: "bytedance" }, { ids: [""] }, { ids: [42] }]) {
      const { status, body: answer } = await postJson(`${app.baseUrl}/api/nodes/lookup`, body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(apiErrorSchema.parse(answer).error.code).toBe("VALIDATION");
    }
  });
});

describe("GET /api/sources/:id/claims", () => {
  it("returns every relationship that Reuters vouches for, with both ends", async () => {
    const { status, body } = await api("/sources/reuters/claims");
    expect(status).toBe(200);
    const graph = graphSchema.parse(body);
    const expected = await read(
      "MATCH (a)-[r]->(b) WHERE 'reuters' IN r.sources RETURN r.id AS id, a.id AS a, b.id AS b",
    );
    expect(graph.edges.map((edge) => edge.data.props.id).sort()).toEqual(expected.map((row) => row.id).sort());
    expect(graph.edges.map((edge) => edge.data.type)).toContain("SOURCES_FROM");
    for (const edge of graph.edges) expect(edge.data.props.sources).toContain("reuters");
    expect(nodeIds(graph)).toEqual([...new Set(expected.flatMap((row) => [row.a, row.b]))].sort());
    expect(graph.truncated).toBe(false);
  });

  it("caps the claims at the limit and says so", async () => {
    const graph = graphSchema.parse((await api("/sources/article-bytedance-huawei-ascend/claims?limit=5")).body);
    expect(graph.edges).toHaveLength(5);
    expect(graph.truncated).toBe(true);
  });

  it("returns 404 for an id that is not a Source", async () => {
    await expectError("/sources/bytedance/claims", 404, "NOT_FOUND");
    await expectError("/sources/no-such-source/claims", 404, "NOT_FOUND");
  });
});
