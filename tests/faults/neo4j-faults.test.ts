/**
 * Neo4j stopped and restarted under the real server process, a client leaving mid-query, and a
 * graceful SIGTERM, all on a private Neo4j (port 7690): the shared one is never touched.
 */
import { once } from "node:events";
import { Agent, request as httpRequest } from "node:http";
import { connect } from "node:net";
import type { Driver } from "neo4j-driver";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema, graphSchema, healthSchema } from "../../contract/graph-contract";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { createDriver } from "../../server/src/neo4j/create-driver";
import {
  type GraphCounts,
  graphCounts,
  postCypher,
  type TimedResponse,
  timedFetch,
  waitFor,
  workbenchTransactions,
} from "../support/fault-helpers";
import { type ServerProcess, startServerProcess } from "../support/server-process";

const REQUEST_TIMEOUT_MS = 25_000;
// Long enough to still run when Neo4j is told to stop, and to be cut by that stop.
const SLOW_QUERY = "UNWIND range(1, 300000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS hits";

let neo4j: PrivateNeo4j;
let admin: Driver;
let baseline: GraphCounts;
let server: ServerProcess;

function serverSettings(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { uri, username, password, database } = neo4j.connection;
  return {
    NEO4J_URI: uri,
    NEO4J_USERNAME: username,
    NEO4J_PASSWORD: password,
    NEO4J_DATABASE: database,
    QUERY_TIMEOUT_MS: "60000",
    REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    CYPHER_MAX_CONCURRENT_PER_CLIENT: "50",
    RATE_LIMIT_MAX: "100000",
    ...extra,
  };
}

/** The server's log lines about one request, to explain an unexpected answer. */
const serverLogOf = (answer: TimedResponse) =>
  JSON.stringify(
    server.logs.filter((line) => (line.req as { id?: string } | undefined)?.id === answer.headers.get("x-request-id")),
  );

const fatalLines = (process: ServerProcess) => process.logs.filter((line) => line.level >= 60);

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "faults", boltPort: 7690 });
  admin = createDriver(neo4j.connection);
  baseline = await graphCounts(admin);
  server = await startServerProcess(serverSettings());
});

afterAll(async () => {
  server?.child.kill("SIGKILL");
  await admin?.close();
  await neo4j?.stop();
});

describe("Neo4j going away and coming back", () => {
  afterEach(async () => {
    // A case that failed half-way may have left Neo4j stopped: the next one needs it.
    await neo4j.start();
    // Whatever happened, nothing was written, and the same process answers again.
    expect(await graphCounts(admin)).toEqual(baseline);
    expect((await timedFetch(`${server.baseUrl}/api/ready`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect(fatalLines(server)).toEqual([]);
  });

  it("stopped while idle: 503 with Retry-After at once, a server started meanwhile turns ready by itself, the first request after the restart succeeds", async () => {
    expect((await timedFetch(`${server.baseUrl}/api/ready`)).status).toBe(200);
    await neo4j.stop();

    const ready = await timedFetch(`${server.baseUrl}/api/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("retry-after")).toBe("5");
    expect(healthSchema.parse(ready.body).neo4j.connected).toBe(false);
    const graph = await timedFetch(`${server.baseUrl}/api/graph`);
    expect(graph.status).toBe(503);
    expect(apiErrorSchema.parse(graph.body).error).toMatchObject({ code: "DB_UNAVAILABLE", retriable: true });
    expect(graph.headers.get("retry-after")).toBe("5");
    expect((await timedFetch(`${server.baseUrl}/api/health`)).status).toBe(200);

    // A second server, started while Neo4j is down, must not need a restart of its own.
    const late = await startServerProcess(serverSettings());
    try {
      expect((await timedFetch(`${late.baseUrl}/api/ready`)).status).toBe(503);
      await neo4j.start();
      const first = await timedFetch(`${server.baseUrl}/api/graph`);
      expect(first.status).toBe(200);
      expect(graphSchema.parse(first.body).nodes).toHaveLength(baseline.shownNodes);
      expect(await waitFor(async () => (await timedFetch(`${late.baseUrl}/api/ready`)).status === 200, 15_000)).toBe(
        true,
      );
      expect((await timedFetch(`${late.baseUrl}/api/nodes/bytedance`)).status).toBe(200);
      expect(fatalLines(late)).toEqual([]);
    } finally {
      late.child.kill("SIGTERM");
      expect(await late.exited).toBe(0);
    }
  });

  it("stopped with 20 queries in flight: each ends 200, 503 or 504 before its deadline, none hangs, the server lives on", async () => {
    const workbench = Array.from({ length: 14 }, () => postCypher(server.baseUrl, SLOW_QUERY));
    expect(await waitFor(async () => (await workbenchTransactions(admin)).length >= 14, 20_000)).toBe(true);

    const stopping = neo4j.stop();
    let answers: TimedResponse[];
    try {
      // Graph reads sent while Neo4j shuts down: the driver retries them within its budget.
      const reads = ["/api/graph", "/api/search?q=huawei", "/api/nodes/bytedance", "/api/schema", "/api/graph?limit=5"]
        .concat("/api/nodes/huawei/neighbors")
        .map((path) => timedFetch(`${server.baseUrl}${path}`));
      answers = await Promise.all([...workbench, ...reads]);
    } finally {
      await stopping;
      await neo4j.start();
    }

    expect(answers).toHaveLength(20);
    for (const answer of answers) {
      expect([200, 503, 504], serverLogOf(answer)).toContain(answer.status);
      expect(answer.elapsedMs).toBeLessThan(REQUEST_TIMEOUT_MS + 2_000);
      if (answer.status !== 200) {
        expect(["DB_UNAVAILABLE", "DB_TIMEOUT"]).toContain(apiErrorSchema.parse(answer.body).error.code);
      }
    }
    // Every workbench query was still running when Neo4j went: none can have finished normally.
    expect(answers.slice(0, 14).filter((answer) => answer.status === 200)).toEqual([]);

    const first = await timedFetch(`${server.baseUrl}/api/graph`);
    expect(first.status).toBe(200);
    expect(graphSchema.parse(first.body).edges).toHaveLength(baseline.shownRelationships);
    expect((await postCypher(server.baseUrl, "MATCH (n) RETURN count(n) AS n")).status).toBe(200);
  });

  it("a client that leaves mid-query has its transaction closed in Neo4j", async () => {
    const controller = new AbortController();
    const request = postCypher(server.baseUrl, SLOW_QUERY, controller.signal).catch((error: Error) => error);
    expect(await waitFor(async () => (await workbenchTransactions(admin)).length === 1, 10_000)).toBe(true);
    controller.abort();
    expect(await request).toBeInstanceOf(Error);
    expect(await waitFor(async () => (await workbenchTransactions(admin)).length === 0, 5_000)).toBe(true);
  });
});

describe("SIGTERM", () => {
  it("drops readiness at once, lets requests in flight finish, closes the driver and exits 0", async () => {
    const stopping = await startServerProcess(serverSettings({ SHUTDOWN_GRACE_MS: "30000" }));
    // Long enough (about 6 s on a quiet machine; 3 s was not enough on a loaded CI machine) to be
    // still running when readiness is checked right after SIGTERM, short enough to finish well
    // inside REQUEST_TIMEOUT_MS there.
    const medium = "UNWIND range(1, 240000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS hits";
    const inFlight = [postCypher(stopping.baseUrl, medium), postCypher(stopping.baseUrl, medium)];
    expect(await waitFor(async () => (await workbenchTransactions(admin)).length === 2, 10_000)).toBe(true);

    let settled: string | false = false;
    void Promise.allSettled(inFlight).then((outcomes) => {
      settled = `settled before readiness dropped: ${JSON.stringify(outcomes.map((outcome) => (outcome.status === "fulfilled" ? outcome.value.status : String(outcome.reason))))}`;
    });
    const signalled = Date.now();
    stopping.child.kill("SIGTERM");
    // The signal reaches the process asynchronously: a request racing it may still be answered
    // ready. Readiness must drop within moments, while both queries are still running.
    let ready = await timedFetch(`${stopping.baseUrl}/api/ready`);
    for (let attempt = 0; ready.status === 200 && attempt < 10; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ready = await timedFetch(`${stopping.baseUrl}/api/ready`);
    }
    expect(ready.status).toBe(503);
    expect(settled).toBe(false);
    expect(healthSchema.parse(ready.body).status).toBe("draining");

    const answers = await Promise.all(inFlight);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    // Then the listener closes: a new connection is refused (nothing sent, safe to retry), and a
    // request on a connection still open is answered, with Connection: close.
    const late = await timedFetch(`${stopping.baseUrl}/api/ready`).catch((error: Error) => error);
    if (late instanceof Error) expect((late.cause as { code?: string } | undefined)?.code).toBe("ECONNREFUSED");
    else expect([late.status, late.headers.get("connection")]).toEqual([503, "close"]);
    expect(await stopping.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(30_000);
    const messages = stopping.logs.map((line) => line.msg);
    expect(messages).toContain("shutting down: draining requests in flight");
    expect(stopping.logs.find((line) => line.msg === "Neo4j driver closed; bye")).toMatchObject({ outcome: "drained" });
    expect(fatalLines(stopping)).toEqual([]);
    expect(await graphCounts(admin)).toEqual(baseline);
  });

  it("under keep-alive load: every request sent before the listener closes is answered (Connection: close), idle sockets close cleanly, none is reset", async () => {
    const stopping = await startServerProcess(serverSettings({ SHUTDOWN_GRACE_MS: "20000" }));
    const { port } = new URL(stopping.baseUrl);
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    const outcomes = { answered: 0, answeredWithClose: 0, refused: 0, failures: [] as string[] };

    // Idle keep-alive sockets: one request each, then silence.
    const idle = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const socket = connect(Number(port), "127.0.0.1");
        await once(socket, "connect");
        socket.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        await once(socket, "data");
        const ended = new Promise<string>((resolve) => {
          socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
          socket.on("end", () => resolve("end"));
        });
        return ended;
      }),
    );

    const get = (path: string) =>
      new Promise<void>((resolve) => {
        const request = httpRequest({ host: "127.0.0.1", port, path, agent }, (response) => {
          response.resume();
          response.on("end", () => {
            outcomes.answered += 1;
            if (response.headers.connection === "close") outcomes.answeredWithClose += 1;
            resolve();
          });
          response.on("error", (error: NodeJS.ErrnoException) => {
            outcomes.failures.push(`response ${error.code ?? error.message}`);
            resolve();
          });
        });
        request.on("error", (error: NodeJS.ErrnoException) => {
          if (error.code === "ECONNREFUSED") outcomes.refused += 1;
          else outcomes.failures.push(`${path}: ${error.code ?? error.message}`);
          resolve();
        });
        request.end();
      });
    let listenerClosed = false;
    const loops = Array.from({ length: 20 }, async (_, index) => {
      const path = index % 2 === 0 ? "/api/health" : "/api/graph?limit=5";
      while (!listenerClosed) {
        const refusedBefore = outcomes.refused;
        await get(path);
        if (outcomes.refused > refusedBefore) listenerClosed = true;
      }
    });

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const answeredBefore = outcomes.answered;
    stopping.child.kill("SIGTERM");
    const exitCode = await stopping.exited;
    listenerClosed = true;
    await Promise.all(loops);
    agent.destroy();

    expect(exitCode).toBe(0);
    expect(outcomes.failures).toEqual([]);
    expect(outcomes.answered).toBeGreaterThan(answeredBefore);
    expect(outcomes.answeredWithClose).toBeGreaterThan(0);
    expect(await Promise.all(idle)).toEqual(["end", "end", "end", "end", "end"]);
    expect(stopping.logs.find((line) => line.msg === "Neo4j driver closed; bye")).toMatchObject({ outcome: "drained" });
    expect(fatalLines(stopping)).toEqual([]);
  });

  it("cuts what is still running when the grace period is over, and still exits 0", async () => {
    const stopping = await startServerProcess(serverSettings({ SHUTDOWN_GRACE_MS: "1000" }));
    const request = postCypher(stopping.baseUrl, SLOW_QUERY).catch((error: Error) => error);
    expect(await waitFor(async () => (await workbenchTransactions(admin)).length === 1, 10_000)).toBe(true);
    const signalled = Date.now();
    stopping.child.kill("SIGTERM");
    expect(await stopping.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(8_000);
    expect(await request).toBeInstanceOf(Error);
    expect(stopping.logs.find((line) => line.msg === "Neo4j driver closed; bye")).toMatchObject({ outcome: "cut" });
    // The cut connection made the driver close the session: Neo4j stops the query.
    expect(await waitFor(async () => (await workbenchTransactions(admin)).length === 0, 5_000)).toBe(true);
  });
});
