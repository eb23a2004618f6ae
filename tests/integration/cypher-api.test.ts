import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  apiErrorSchema,
  cypherResultSchema,
  graphSchemaInfoSchema,
  libraryQueriesSchema,
} from "../../contract/graph-contract";
import { getJson, postJson, type RunningApp, startTestApp } from "../support/test-app";

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const cypher = (query: string, params: Record<string, unknown> = {}, signal?: AbortSignal) =>
  postJson(`${app.baseUrl}/api/cypher`, { query, params }, signal);

/** Everything a write could change: counts, labels, types, property keys, indexes and constraints. */
async function databaseFingerprint(): Promise<string> {
  const data = await app.driver.executeQuery(`
    CALL { MATCH (n) WHERE NOT n:SavedView RETURN count(n) AS nodes }
    CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
    CALL { MATCH (n) WHERE NOT n:SavedView UNWIND keys(n) AS key RETURN count(key) AS nodeProperties }
    CALL { MATCH ()-[r]->() UNWIND keys(r) AS key RETURN count(key) AS relationshipProperties }
    CALL { CALL db.labels() YIELD label WITH label WHERE label <> 'SavedView' RETURN collect(label) AS labels }
    RETURN nodes, relationships, nodeProperties, relationshipProperties, labels`);
  const schema = await app.driver.executeQuery("SHOW INDEXES YIELD name RETURN collect(name) AS indexes");
  return JSON.stringify([data.records[0]?.toObject(), schema.records[0]?.toObject()]);
}

describe("POST /api/cypher", () => {
  it("answers a read as a table and as a graph, with row count and elapsed time", async () => {
    const { status, body } = await cypher(
      "MATCH (a:Company {id: $id})-[r:SOURCES_FROM]->(b) RETURN a, r, b, b.name AS name, r.sources AS sources",
      { id: "bytedance" },
    );
    expect(status).toBe(200);
    const result = cypherResultSchema.parse(body);
    expect(result.columns).toEqual(["a", "r", "b", "name", "sources"]);
    expect(result.rowCount).toBe(1);
    expect(result.truncated).toBe(false);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(result.rows[0]).toEqual([
      { $node: { id: "bytedance", labels: ["Company"], caption: "ByteDance" } },
      { $relationship: { id: expect.any(String), type: "SOURCES_FROM", source: "bytedance", target: "huawei" } },
      { $node: { id: "huawei", labels: ["Company"], caption: "Huawei Technologies" } },
      "Huawei Technologies",
      expect.arrayContaining(["reuters"]),
    ]);
    expect(result.graph.nodes.map((node) => node.data.id).sort()).toEqual(["bytedance", "huawei"]);
    expect(result.graph.edges[0]?.data).toMatchObject({ source: "bytedance", target: "huawei", certainty: "reported" });
  });

  it("converts integers and temporals, and summarises paths", async () => {
    const { body } = await cypher(
      "MATCH p = (:Company {id:'bytedance'})-[:ORDERED]->(c) RETURN p, 9007199254740993 AS big, date('2024-09-27') AS day, 100000 AS n",
    );
    const [row] = cypherResultSchema.parse(body).rows;
    expect(row?.[0]).toEqual({
      $path: { nodes: ["bytedance", "ascend-910b"], relationships: [expect.any(String)], length: 1 },
    });
    expect(row?.slice(1)).toEqual(["9007199254740993", "2024-09-27", 100000]);
  });

  it("takes whole-number JSON parameters as integers (LIMIT $n works)", async () => {
    const result = cypherResultSchema.parse((await cypher("MATCH (n) RETURN n LIMIT $n", { n: 3 })).body);
    expect(result.rowCount).toBe(3);
  });

  it("runs a statement it has checked before with new parameter values", async () => {
    const statement = "MATCH (n:Company {id: $id}) RETURN n.name AS name";
    const names: unknown[] = [];
    for (const id of ["bytedance", "huawei", "bytedance"]) {
      const { status, body } = await cypher(statement, { id });
      expect(status).toBe(200);
      names.push(cypherResultSchema.parse(body).rows[0]?.[0]);
    }
    expect(names).toEqual(["ByteDance", "Huawei Technologies", "ByteDance"]);
  });

  it("caps rows and says the answer was truncated", async () => {
    const capped = await startTestApp({ cypher: { rowCap: 5 } });
    try {
      const { body } = await postJson(`${capped.baseUrl}/api/cypher`, { query: "UNWIND range(1, 50) AS x RETURN x" });
      const result = cypherResultSchema.parse(body);
      expect(result.rowCount).toBe(5);
      expect(result.truncated).toBe(true);
      expect(result.truncatedReason).toMatch(/more than 5 rows/);
    } finally {
      await capped.close();
    }
  });

  it("caps the size of the answer and says so", async () => {
    const capped = await startTestApp({ cypher: { maxResponseBytes: 2_000 } });
    try {
      const { body } = await postJson(`${capped.baseUrl}/api/cypher`, {
        query: "UNWIND range(1, 200) AS x RETURN x, 'padding padding padding padding' AS text",
      });
      const result = cypherResultSchema.parse(body);
      expect(result.truncated).toBe(true);
      expect(result.rowCount).toBeLessThan(200);
      expect(result.truncatedReason).toMatch(/larger than/);
    } finally {
      await capped.close();
    }
  });
});

describe("POST /api/cypher refuses, and the graph is unchanged afterwards", () => {
  let before: string;
  beforeAll(async () => {
    before = await databaseFingerprint();
  });
  afterEach(async () => {
    expect(await databaseFingerprint()).toBe(before);
  });

  const refusals: Array<[string, string, number, string]> = [
    ["CREATE", "CREATE (n:Intruder {id: 'x'}) RETURN n", 403, "WRITE_FORBIDDEN"],
    ["MERGE", "MERGE (n:Company {id: 'bytedance'}) RETURN n", 403, "WRITE_FORBIDDEN"],
    ["SET", "MATCH (n:Company {id: 'bytedance'}) SET n.name = 'pwned' RETURN n", 403, "WRITE_FORBIDDEN"],
    ["DELETE", "MATCH ()-[r:SOURCES_FROM]->() DELETE r", 403, "WRITE_FORBIDDEN"],
    ["DETACH DELETE", "MATCH (n) DETACH DELETE n", 403, "WRITE_FORBIDDEN"],
    ["REMOVE", "MATCH (n:Company) REMOVE n.name RETURN n", 403, "WRITE_FORBIDDEN"],
    ["CREATE INDEX", "CREATE INDEX intruder FOR (n:Company) ON (n.name)", 403, "WRITE_FORBIDDEN"],
    ["a write behind comments", "MATCH (n) /* harmless? */ // RETURN n\n SET n.x = 1 RETURN n", 403, "WRITE_FORBIDDEN"],
    ["a write in a CALL subquery", "MATCH (n) CALL (n) { SET n.flag = true } RETURN count(n)", 403, "WRITE_FORBIDDEN"],
    ["a write behind a unicode escape", "MATCH (n) \\u0053ET n.x = 1 RETURN n", 403, "WRITE_FORBIDDEN"],
    ["a write procedure", "CALL db.createLabel('Intruder')", 403, "WRITE_FORBIDDEN"],
    ["a procedure off the allow-list", "CALL db.info()", 403, "QUERY_FORBIDDEN"],
    [
      "an APOC write procedure (not installed here)",
      "CALL apoc.create.node(['Intruder'], {}) YIELD node RETURN node",
      400,
      "VALIDATION",
    ],
    ["a dbms procedure revealing settings", "CALL dbms.listConfig()", 403, "QUERY_FORBIDDEN"],
    [
      "LOAD CSV of a file inside an expression subquery",
      'RETURN [x IN [1] | COLLECT { LOAD CSV FROM "file:///etc/passwd" AS l RETURN l[0] }] AS r',
      403,
      "QUERY_FORBIDDEN",
    ],
    [
      "LOAD CSV of a URL inside an expression subquery",
      'RETURN [x IN [1] | COLLECT { LOAD CSV FROM "http://127.0.0.1:9/x" AS l RETURN l[0] }] AS r',
      403,
      "QUERY_FORBIDDEN",
    ],
    [
      "other users' queries through a procedure inside an expression subquery",
      'RETURN [x IN [1] | COLLECT { CALL db.stats.retrieve("QUERIES") YIELD data RETURN data.query }] AS r',
      403,
      "QUERY_FORBIDDEN",
    ],
    [
      "a procedure off the allow-list inside CASE",
      "RETURN CASE WHEN true THEN COUNT { CALL db.info() YIELD id RETURN id } END AS r",
      403,
      "QUERY_FORBIDDEN",
    ],
    ["USE written without a space", "USE(neo4j) MATCH (n) RETURN count(n)", 403, "QUERY_FORBIDDEN"],
    [
      "CALL IN TRANSACTIONS",
      "UNWIND [1, 2] AS x CALL (x) { RETURN x AS y } IN TRANSACTIONS RETURN y",
      400,
      "VALIDATION",
    ],
    ["LOAD CSV of a local file", "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", 403, "QUERY_FORBIDDEN"],
    ["two statements", "MATCH (n) RETURN n; MATCH (n) DETACH DELETE n", 400, "VALIDATION"],
    ["USE system", "USE system SHOW USERS", 403, "QUERY_FORBIDDEN"],
    ["SHOW USERS", "SHOW USERS", 403, "QUERY_FORBIDDEN"],
    ["SHOW SETTINGS", "SHOW SETTINGS", 403, "QUERY_FORBIDDEN"],
    ["SHOW TRANSACTIONS", "SHOW TRANSACTIONS", 403, "QUERY_FORBIDDEN"],
    ["TERMINATE", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 403, "QUERY_FORBIDDEN"],
    ["a syntax error", "MATCH (n RETURN n", 400, "CYPHER_SYNTAX"],
  ];
  for (const [what, query, status, code] of refusals) {
    it(`${what}: ${status} ${code}, and again when sent a second time`, async () => {
      // The second try checks that a refusal is never remembered as a pass (ReadVerdictCache).
      for (const attempt of [1, 2]) {
        const response = await cypher(query);
        expect(response.status, `attempt ${attempt}`).toBe(status);
        const { error } = apiErrorSchema.parse(response.body);
        expect(error.code).toBe(code);
        expect(error.retriable).toBe(false);
        expect(error.message.length).toBeGreaterThan(10);
      }
    });
  }

  it("reports where a syntax error is", async () => {
    const { body } = await cypher("MATCH (n)\nRETURN n ORDER BY");
    expect(apiErrorSchema.parse(body).error.details).toMatchObject({ line: 2, column: expect.any(Number) });
  });

  it("a query of 1 MB: refused as too large", async () => {
    const response = await cypher(`RETURN '${"x".repeat(1_000_000)}'`);
    expect(response.status).toBe(413);
    expect(apiErrorSchema.parse(response.body).error.code).toBe("VALIDATION");
  });

  it("a query over the length cap: 400 VALIDATION", async () => {
    const response = await cypher(`RETURN '${"x".repeat(25_000)}'`);
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).error.message).toMatch(/at most 20,000 characters/);
  });

  it("parameters nested 1,000 deep: 400 VALIDATION", async () => {
    let deep: unknown = 1;
    for (let level = 0; level < 1_000; level += 1) deep = { inner: deep };
    const response = await cypher("RETURN $deep", { deep });
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).error.message).toMatch(/nest at most/);
  });

  it("a huge collection: refused by the memory limit with a clear error, not retried", async () => {
    const started = Date.now();
    const response = await cypher("UNWIND range(1, 10000000) AS x RETURN collect(x)");
    expect(response.status).toBe(422);
    expect(apiErrorSchema.parse(response.body).error).toMatchObject({ code: "QUERY_TOO_LARGE", retriable: false });
    const attempts = await app.driver.executeQuery("RETURN 1");
    expect(attempts.records).toHaveLength(1);
    // One attempt takes about a second or two here; a retry loop would take the driver's whole budget or more.
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe("the Neo4j the project runs", () => {
  // Defence in depth behind the gate: the neo4j.conf the project writes refuses these itself.
  const direct = (query: string) =>
    app.driver.executeQuery(query, {}, { routing: "READ" }).then(
      () => "ran",
      (error: { code?: string }) => error.code ?? "failed",
    );

  it("refuses file URLs in LOAD CSV", async () => {
    expect(await direct("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1")).toBe(
      "Neo.ClientError.Statement.ExternalResourceFailed",
    );
  });

  it("refuses to fetch URLs from Cypher", async () => {
    expect(await direct("LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row LIMIT 1")).toMatch(
      /^Neo\.ClientError\./,
    );
  });
});

describe("a runaway query", () => {
  let slow: RunningApp;
  beforeAll(async () => {
    slow = await startTestApp({ queryTimeoutMs: 3_000 });
    // The first readiness answer waits for the app's query plans to be prepared (decision 0006);
    // that wait is not what this test is about, so it is over before the runaway starts.
    expect((await getJson(`${slow.baseUrl}/api/ready`)).status).toBe(200);
  });
  afterAll(() => slow.close());

  it("is stopped by the timeout (504 DB_TIMEOUT) while the server keeps answering others", async () => {
    let runawaySettled = false;
    const runaway = postJson(`${slow.baseUrl}/api/cypher`, {
      query: "MATCH (a), (b), (c), (d), (e) WITH a, b, c, d, e, range(1, 1000) AS xs UNWIND xs AS x RETURN count(*)",
    }).finally(() => {
      runawaySettled = true;
    });
    // Answered while the runaway still runs: ordering, not a stopwatch, so a loaded machine cannot
    // make it fail (the runaway is only stopped after QUERY_TIMEOUT_MS).
    const health = await getJson(`${slow.baseUrl}/api/ready`);
    expect(health.status).toBe(200);
    expect(runawaySettled).toBe(false);
    const response = await runaway;
    expect(response.status).toBe(504);
    expect(apiErrorSchema.parse(response.body).error.code).toBe("DB_TIMEOUT");
  });
});

describe("cancelling", () => {
  const slowQuery = "UNWIND range(1, 400000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS hits";
  const running = async () => {
    const { records } = await app.driver.executeQuery(
      "SHOW TRANSACTIONS YIELD currentQuery, metaData WHERE metaData.purpose = 'workbench' RETURN currentQuery",
    );
    return records.map((record) => record.get("currentQuery") as string).filter((query) => query.includes("400000000"));
  };
  const waitFor = async (condition: () => Promise<boolean>, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await condition()) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  };

  it("a client that aborts its request has its Neo4j transaction closed", async () => {
    const controller = new AbortController();
    const request = cypher(slowQuery, {}, controller.signal).catch((error: Error) => error);
    expect(await waitFor(async () => (await running()).length === 1, 5_000)).toBe(true);
    controller.abort();
    expect(await request).toBeInstanceOf(Error);
    expect(await waitFor(async () => (await running()).length === 0, 3_000)).toBe(true);
  });
});

describe("the per-client concurrency cap", () => {
  it("answers 429 RATE_LIMITED with Retry-After beyond two queries at once", async () => {
    const slow = "UNWIND range(1, 30000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)";
    const responses = await Promise.all([cypher(slow), cypher(slow), cypher(slow)]);
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 429]);
    const limited = responses.find((response) => response.status === 429);
    expect(limited?.headers.get("retry-after")).toBe("1");
    expect(apiErrorSchema.parse(limited?.body).error.code).toBe("RATE_LIMITED");
  });
});

describe("GET /api/schema", () => {
  it("lists labels and relationship types with counts, property keys, and the allowed procedures", async () => {
    const { status, body } = await getJson(`${app.baseUrl}/api/schema`);
    expect(status).toBe(200);
    const schema = graphSchemaInfoSchema.parse(body);
    expect(schema.labels).toContainEqual({ label: "Company", count: 8 });
    expect(schema.relationshipTypes).toContainEqual({ type: "SOURCES_FROM", count: 1 });
    expect(schema.nodeProperties.Company).toEqual(expect.arrayContaining(["id", "name", "aliases"]));
    expect(schema.relationshipProperties.SOURCES_FROM).toEqual(
      expect.arrayContaining(["sources", "evidence", "certainty"]),
    );
    expect(schema.propertyKeys).toContain("evidence_en");
    expect(schema.procedures.map((procedure) => procedure.name)).toContain("db.labels");
    expect(schema.procedures.map((procedure) => procedure.name)).not.toContain("dbms.listConfig");
    expect(schema.functions.map((fn) => fn.name)).toContain("toUpper");
  });
});

describe("GET /api/queries", () => {
  it("serves the query library with names, descriptions and example parameters", async () => {
    const { queries } = libraryQueriesSchema.parse((await getJson(`${app.baseUrl}/api/queries`)).body);
    const bySource = queries.find((query) => query.id === "claims-by-source");
    expect(bySource).toMatchObject({ name: expect.any(String), params: { source: "reuters" } });
    expect(bySource?.query).toContain("$source");
    const result = cypherResultSchema.parse(
      (await cypher(bySource?.query ?? "", { ...bySource?.params, source: "engadget" })).body,
    );
    expect(result.graph.edges.length).toBeGreaterThan(0);
    for (const edge of result.graph.edges) expect(edge.data.props.sources).toContain("engadget");
  });
});
