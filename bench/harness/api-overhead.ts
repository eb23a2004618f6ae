import { Agent, request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import neo4j, { type Driver } from "neo4j-driver";
import { expansionLinkCap } from "../../contract/request-schemas";
import { NEIGHBORS_QUERY } from "../../server/src/graph/graph-queries";
import type { AppServer } from "./app-server";
import { percentile } from "./stats";

/** The workbench query both paths run: a company's relationships, capped as the workbench caps rows. */
export const CYPHER_QUERY = "MATCH (n:Company {id: $id})-[r]-(m) RETURN n, r, m LIMIT 100";
const NEIGHBOUR_LIMIT = 100;

export interface ApiOverheadPlan {
  driver: Driver;
  database: string;
  server: AppServer;
  /** Nodes to expand, and companies to query; cycled through. */
  nodeIds: readonly string[];
  companyIds: readonly string[];
  requests: number;
}

/**
 * One run: each request made through the API and through the raw driver in turn (interleaved, so
 * both see the same machine), p50 and p99 of each side. The API is called with Node's own HTTP
 * client on a kept-alive connection, taking brotli and gzip as a browser does: Node's `fetch`
 * (undici) cost about 0.8 ms more per request on this machine (decision 0006), which is the
 * measuring client's, not the app's.
 */
export async function measureApiOverhead(plan: ApiOverheadPlan): Promise<Record<string, number>> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const read = (query: string, params: Record<string, unknown>) =>
    plan.driver.executeQuery(query, params, { database: plan.database, routing: neo4j.routing.READ });
  const samples = {
    neighborsHttp: [] as number[],
    neighborsRaw: [] as number[],
    cypherHttp: [] as number[],
    cypherRaw: [] as number[],
    neighborsBytes: [] as number[],
    cypherBytes: [] as number[],
  };
  for (let i = 0; i < plan.requests; i += 1) {
    const id = plan.nodeIds[i % plan.nodeIds.length] as string;
    const company = plan.companyIds[i % plan.companyIds.length] as string;
    const neighbours = await loopbackRequest(
      agent,
      plan.server,
      `/api/nodes/${encodeURIComponent(id)}/neighbors?limit=${NEIGHBOUR_LIMIT}`,
    );
    expectOk(neighbours.status, "GET /api/nodes/:id/neighbors");
    samples.neighborsHttp.push(neighbours.clientMs);
    samples.neighborsBytes.push(neighbours.bytes);
    samples.neighborsRaw.push(
      await timed(() =>
        read(NEIGHBORS_QUERY, {
          id,
          types: null,
          direction: "both",
          neighbourFetch: neo4j.int(NEIGHBOUR_LIMIT + 1),
          neighbourLimit: neo4j.int(NEIGHBOUR_LIMIT),
          linkFetch: neo4j.int(expansionLinkCap(NEIGHBOUR_LIMIT) + 1),
          linkLimit: neo4j.int(expansionLinkCap(NEIGHBOUR_LIMIT)),
        }),
      ),
    );
    const cypher = await loopbackRequest(agent, plan.server, "/api/cypher", {
      query: CYPHER_QUERY,
      params: { id: company },
    });
    expectOk(cypher.status, "POST /api/cypher");
    samples.cypherHttp.push(cypher.clientMs);
    samples.cypherBytes.push(cypher.bytes);
    samples.cypherRaw.push(await timed(() => read(CYPHER_QUERY, { id: company })));
  }
  agent.destroy();
  const figures: Record<string, number> = {
    "api.neighbors.http.p50": percentile(samples.neighborsHttp, 50),
    "api.neighbors.http.p99": percentile(samples.neighborsHttp, 99),
    "api.neighbors.raw.p50": percentile(samples.neighborsRaw, 50),
    "api.neighbors.raw.p99": percentile(samples.neighborsRaw, 99),
    "api.cypher.http.p50": percentile(samples.cypherHttp, 50),
    "api.cypher.http.p99": percentile(samples.cypherHttp, 99),
    "api.cypher.raw.p50": percentile(samples.cypherRaw, 50),
    "api.cypher.raw.p99": percentile(samples.cypherRaw, 99),
    "api.neighbors.http.kb": percentile(samples.neighborsBytes, 50) / 1024,
    "api.cypher.http.kb": percentile(samples.cypherBytes, 50) / 1024,
  };
  // Issue #21 item 4: the workbench's cost is judged as time added to the raw driver's, not as a
  // ratio (HTTP alone is about 1 ms, so no ratio holds on a 5 ms query).
  for (const endpoint of ["neighbors", "cypher"])
    for (const p of ["p50", "p99"])
      figures[`api.${endpoint}.overhead.${p}`] =
        (figures[`api.${endpoint}.http.${p}`] as number) - (figures[`api.${endpoint}.raw.${p}`] as number);
  return figures;
}

interface LoopbackAnswer {
  /** Wall time seen by the client, body received and decoded, ms. */
  clientMs: number;
  status: number;
  /** The answer's size as sent (compressed when the app compressed it), bytes. */
  bytes: number;
}

/** One request to the app on the agent's kept-alive connection, timed until its body is read and decoded. */
function loopbackRequest(agent: Agent, server: AppServer, path: string, body?: unknown): Promise<LoopbackAnswer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: { [name: string]: string | number } = { "accept-encoding": "gzip, deflate, br" };
  if (payload !== undefined) {
    headers["content-type"] = "application/json";
    headers["content-length"] = Buffer.byteLength(payload);
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const sent = request(
      `${server.baseUrl}${path}`,
      { method: payload === undefined ? "GET" : "POST", agent, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const received = Buffer.concat(chunks);
          const encoding = response.headers["content-encoding"];
          // Decoded as a browser would, before the answer counts as received.
          if (encoding === "br") brotliDecompressSync(received);
          else if (encoding === "gzip") gunzipSync(received);
          resolve({ clientMs: performance.now() - started, status: response.statusCode ?? 0, bytes: received.length });
        });
      },
    );
    sent.on("error", reject);
    sent.end(payload);
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export function expectOk(status: number, what: string): void {
  if (status < 200 || status > 299) throw new Error(`${what} answered ${status}`);
}
