import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { projectRoot } from "../../scripts/project-root";
import type { BenchNeo4jSettings } from "./bench-neo4j";

/** The real server (server/src/main.ts) in its own process, on the bench Neo4j, as analysts meet it. */
export interface AppServer {
  baseUrl: string;
  pid: number;
  /** The app's own response time (pino-http's responseTime, ms) of a request sent with this X-Request-Id. */
  responseTime(requestId: string): number | undefined;
  /** Resident memory of the server process, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

/** Request ids the bench sets itself start with this; only theirs are kept from the log. */
export const BENCH_REQUEST_PREFIX = "bench-";

export async function startAppServer(neo4j: BenchNeo4jSettings): Promise<AppServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "server", "src", "main.ts")], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      LOG_LEVEL: "info",
      // The load test measures throughput, not the limits: raised so they do not shape the figures
      // (a 429 that still comes is counted apart).
      RATE_LIMIT_MAX: "100000000",
      // Open on loopback without sign-in (token mode, no token), as the figures before accounts were:
      // a signed-in session adds its lookup to every request, measured apart if ever.
      AUTH_MODE: "token",
      APP_TOKEN: "",
      WRITE_TOKEN: "",
      CYPHER_MAX_CONCURRENT_PER_CLIENT: "1000",
    },
  });
  const times = new Map<string, number>();
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    if (!line.includes(`"id":"${BENCH_REQUEST_PREFIX}`)) return;
    try {
      const entry = JSON.parse(line) as { req?: { id?: string }; responseTime?: number };
      if (entry.req?.id && typeof entry.responseTime === "number") times.set(entry.req.id, entry.responseTime);
    } catch {
      // not a log line of pino-http
    }
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilServing(baseUrl, child, () => stderr);
  const pid = child.pid as number;
  return {
    baseUrl,
    pid,
    responseTime: (id) => times.get(id),
    rssMb: () => rssMb(pid),
    stop: () => stopChild(child),
  };
}

async function waitUntilServing(baseUrl: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app server exited: ${stderr()}`);
    const ok = await fetch(`${baseUrl}/api/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the app server did not answer /api/ready within 60 s: ${stderr()}`);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
