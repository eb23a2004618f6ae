import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiErrorSchema,
  graphSchema,
  healthSchema,
  nodeDetailsSchema,
  searchResultSchema,
} from "../../contract/graph-contract";
import { META_LABELS } from "../../server/src/claims/claims-queries";
import { getJson, type RunningApp, startTestApp } from "../support/test-app";

let app: RunningApp;
let databaseCounts: { nodes: number; relationships: number };

beforeAll(async () => {
  app = await startTestApp();
  const { records } = await app.driver.executeQuery(
    `CALL { MATCH (n) WHERE NOT n:${META_LABELS} RETURN count(n) AS nodes } CALL { MATCH (n)-[r]->() WHERE NOT n:${META_LABELS} RETURN count(r) AS relationships } RETURN nodes, relationships`,
  );
  databaseCounts = { nodes: Number(records[0]?.get("nodes")), relationships: Number(records[0]?.get("relationships")) };
});
afterAll(() => app.close());

const api = (path: string) => getJson(`${app.baseUrl}/api${path}`);

describe("GET /api/health and /api/ready", () => {
  it("health is liveness: the process answers, without asking Neo4j", async () => {
    const { status, body } = await api("/health");
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok" });
  });

  it("ready reports the connected Neo4j's version and edition", async () => {
    const { status, body } = await api("/ready");
    expect(status).toBe(200);
    expect(healthSchema.parse(body)).toEqual({
      status: "ok",
      neo4j: { connected: true, version: expect.stringMatching(/^5\.26\./), edition: "community" },
    });
  });
});

describe("GET /api/graph", () => {
  it("returns every node and relationship of the seeded graph as Cytoscape elements", async () => {
    const { status, body } = await api("/graph");
    expect(status).toBe(200);
    const graph = graphSchema.parse(body);
    expect(graph.nodes).toHaveLength(databaseCounts.nodes);
    expect(graph.edges).toHaveLength(databaseCounts.relationships);
    expect(graph.truncated).toBe(false);
    const ids = new Set(graph.nodes.map((node) => node.data.id));
    for (const id of ["bytedance", "huawei", "nvidia", "ascend-910b", "h20", "a100", "reuters"])
      expect(ids).toContain(id);
    for (const edge of graph.edges) {
      expect(ids).toContain(edge.data.source);
      expect(ids).toContain(edge.data.target);
    }
  });

  it("caps the answer at the limit, most connected nodes first, and says it was truncated", async () => {
    const graph = graphSchema.parse((await api("/graph?limit=3")).body);
    expect(graph.nodes).toHaveLength(3);
    expect(graph.truncated).toBe(true);
    expect(graph.nodes[0]?.data.id).toBe("bytedance");
  });

  it("returns 400 VALIDATION for a limit that is not a positive whole number", async () => {
    for (const limit of ["0", "abc", "2.5", "999999"]) {
      const { status, body } = await api(`/graph?limit=${limit}`);
      expect(status, limit).toBe(400);
      expect(apiErrorSchema.parse(body).error.code).toBe("VALIDATION");
    }
  });
});

describe("GET /api/nodes/:id", () => {
  it("returns the node with all its properties and its relationships with their provenance", async () => {
    const { status, body } = await api("/nodes/bytedance");
    expect(status).toBe(200);
    const details = nodeDetailsSchema.parse(body);
    expect(details.node.data).toMatchObject({ id: "bytedance", label: "Company", caption: "ByteDance" });
    const sourcesFrom = details.relationships.find((edge) => edge.data.type === "SOURCES_FROM");
    expect(sourcesFrom?.data).toMatchObject({ source: "bytedance", target: "huawei", certainty: "reported" });
    expect(sourcesFrom?.data.props.sources).toContain("reuters");
    expect(sourcesFrom?.data.props.evidence).toMatch(/s'approvisionne en puces auprès de Huawei/);
    expect(details.neighbours.map((node) => node.data.id)).toContain("huawei");
  });

  it("finds a node by its element id too (the only name of a node without an id property)", async () => {
    const details = nodeDetailsSchema.parse((await api("/nodes/huawei")).body);
    const byElementId = await api(`/nodes/${encodeURIComponent(details.node.data.elementId)}`);
    expect(byElementId.status).toBe(200);
    expect(nodeDetailsSchema.parse(byElementId.body).node.data.id).toBe("huawei");
  });

  it("returns 404 NOT_FOUND for an unknown id", async () => {
    const { status, body } = await api("/nodes/no-such-node");
    expect(status).toBe(404);
    expect(apiErrorSchema.parse(body).error).toMatchObject({ code: "NOT_FOUND", retriable: false });
  });

  it("treats hostile ids as plain values, never as Cypher", async () => {
    const { status } = await api(`/nodes/${encodeURIComponent("x' OR 1=1 //")}`);
    expect(status).toBe(404);
  });
});

describe("GET /api/nodes/:id/neighbors", () => {
  it("returns the centre node, its neighbours and the relationships between them", async () => {
    const graph = graphSchema.parse((await api("/nodes/huawei/neighbors")).body);
    const ids = graph.nodes.map((node) => node.data.id);
    expect(ids).toEqual(expect.arrayContaining(["huawei", "bytedance", "ascend-910b", "china"]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(graph.edges.some((edge) => edge.data.type === "MAKES" && edge.data.target === "ascend-910b")).toBe(true);
  });

  it("filters by relationship type and direction", async () => {
    const outgoing = graphSchema.parse(
      (await api("/nodes/bytedance/neighbors?types=SOURCES_FROM,PREVIOUSLY_USED&direction=out")).body,
    );
    expect(outgoing.nodes.map((node) => node.data.id).sort()).toEqual(["bytedance", "h20", "huawei"]);
    const incoming = graphSchema.parse((await api("/nodes/huawei/neighbors?types=SOURCES_FROM&direction=in")).body);
    expect(incoming.nodes.map((node) => node.data.id).sort()).toEqual(["bytedance", "huawei"]);
  });

  it("offers the top N neighbours by degree when capped, and says it was truncated", async () => {
    const graph = graphSchema.parse((await api("/nodes/bytedance/neighbors?limit=2")).body);
    expect(graph.nodes).toHaveLength(3);
    expect(graph.truncated).toBe(true);
  });

  it("returns 400 VALIDATION for a malformed relationship type or direction, 404 for an unknown node", async () => {
    expect((await api("/nodes/bytedance/neighbors?types=MAKES%7D%20DETACH")).status).toBe(400);
    expect((await api("/nodes/bytedance/neighbors?direction=sideways")).status).toBe(400);
    expect((await api("/nodes/nobody/neighbors")).status).toBe(404);
  });
});

describe("GET /api/search", () => {
  const topHits = async (q: string) =>
    searchResultSchema
      .parse((await api(`/search?q=${encodeURIComponent(q)}`)).body)
      .hits.map((hit) => hit.node.data.id);

  it("finds nodes by name, alias and prefix", async () => {
    expect((await topHits("huawei"))[0]).toBe("huawei");
    expect(await topHits("910b")).toContain("ascend-910b");
    expect(await topHits("nvidia")).toEqual(expect.arrayContaining(["nvidia", "h20", "a100"]));
    expect(await topHits("twitter")).toContain("x-corp");
    expect(await topHits("华为")).toContain("huawei");
    expect(await topHits("byted")).toContain("bytedance");
  });

  it("puts the exact name first, entities before the sources and articles that mention them", async () => {
    const { hits } = searchResultSchema.parse((await api("/search?q=ByteDance")).body);
    expect(hits[0]?.node.data.id).toBe("bytedance");
    expect(hits[0]?.match).toEqual({ kind: "exact", field: "name", text: "ByteDance" });
    const labels = hits.map((hit) => hit.node.data.label);
    expect(labels.lastIndexOf("Company")).toBeLessThan(labels.indexOf("Source"));
  });

  it("says which alias matched", async () => {
    const { hits } = searchResultSchema.parse((await api("/search?q=twitter")).body);
    expect(hits[0]?.node.data.id).toBe("x-corp");
    expect(hits[0]?.match).toMatchObject({ field: "alias", kind: "exact" });
  });

  it("still finds a node through a typo", async () => {
    expect((await topHits("huawie"))[0]).toBe("huawei");
    expect((await topHits("bytdance"))[0]).toBe("bytedance");
    expect((await topHits("NVIDA"))[0]).toBe("nvidia");
  });

  it("suggests the nearest names when nothing matches", async () => {
    const result = searchResultSchema.parse((await api(`/search?q=${encodeURIComponent("huawei qwxzv")}`)).body);
    expect(result.hits).toEqual([]);
    expect(result.suggestions).toContain("Huawei Technologies");
  });

  it("survives Lucene syntax in the input", async () => {
    for (const q of ["AND (", '"unbalanced', "a:b OR *", "\\"]) {
      expect((await api(`/search?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
  });

  it("returns 400 VALIDATION for an empty query", async () => {
    const { status, body } = await api("/search?q=%20");
    expect(status).toBe(400);
    expect(apiErrorSchema.parse(body).error.code).toBe("VALIDATION");
  });
});

/** The raw bytes of an answer, as sent on the wire, with the Accept-Encoding given. */
function rawGet(path: string, acceptEncoding: string) {
  return new Promise<{ status: number; encoding: string | undefined; vary: string; bytes: Buffer }>(
    (resolve, reject) => {
      const headers = acceptEncoding ? { "accept-encoding": acceptEncoding } : {};
      request(`${app.baseUrl}/api${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            encoding: response.headers["content-encoding"],
            vary: String(response.headers.vary ?? ""),
            bytes: Buffer.concat(chunks),
          }),
        );
      })
        .on("error", reject)
        .end();
    },
  );
}

describe("response compression", () => {
  it("sends brotli or gzip to clients that take it, the same JSON once decoded, several times smaller", async () => {
    const plain = await rawGet("/graph", "");
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBeUndefined();
    const expected = JSON.parse(plain.bytes.toString("utf8"));

    const brotli = await rawGet("/graph", "gzip, deflate, br");
    expect(brotli.encoding).toBe("br");
    expect(brotli.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(brotliDecompressSync(brotli.bytes).toString("utf8"))).toEqual(expected);
    expect(brotli.bytes.length).toBeLessThan(plain.bytes.length / 4);

    const gzip = await rawGet("/graph", "gzip");
    expect(gzip.encoding).toBe("gzip");
    expect(JSON.parse(gunzipSync(gzip.bytes).toString("utf8"))).toEqual(expected);
  });

  it("leaves answers under 1 KB as they are", async () => {
    const health = await rawGet("/health", "gzip, deflate, br");
    expect(health.status).toBe(200);
    expect(health.encoding).toBeUndefined();
    expect(JSON.parse(health.bytes.toString("utf8"))).toEqual({ status: "ok" });
  });
});

describe("unknown endpoints", () => {
  it("answer 404 NOT_FOUND in the error shape", async () => {
    const { status, body } = await api("/nothing-here");
    expect(status).toBe(404);
    expect(apiErrorSchema.parse(body).error.code).toBe("NOT_FOUND");
  });
});

describe("with Neo4j out of reach", () => {
  let down: RunningApp;
  // Nothing listens on port 1: the driver fails to connect at once.
  beforeAll(async () => {
    down = await startTestApp({ neo4j: { uri: "bolt://127.0.0.1:1" } });
  });
  afterAll(() => down.close());

  it("health still answers 200: the process is alive", async () => {
    expect((await getJson(`${down.baseUrl}/api/health`)).status).toBe(200);
  });

  it("ready answers 503 with the same shape and a Retry-After header", async () => {
    const { status, body, headers } = await getJson(`${down.baseUrl}/api/ready`);
    expect(status).toBe(503);
    expect(healthSchema.parse(body)).toEqual({
      status: "unavailable",
      neo4j: { connected: false, version: null, edition: null },
    });
    expect(headers.get("retry-after")).toBe("5");
  });

  it("graph endpoints answer 503 DB_UNAVAILABLE, retriable, with no driver internals", async () => {
    const { status, body } = await getJson(`${down.baseUrl}/api/graph`);
    expect(status).toBe(503);
    const { error } = apiErrorSchema.parse(body);
    expect(error).toMatchObject({ code: "DB_UNAVAILABLE", retriable: true });
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|stack|at .*\.js/);
  });
});
