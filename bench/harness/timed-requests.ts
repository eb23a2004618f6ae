import { randomUUID } from "node:crypto";
import { type AppServer, BENCH_REQUEST_PREFIX } from "./app-server";

export interface TimedAnswer {
  /** Wall time seen by the client, ms. */
  clientMs: number;
  status: number;
  /** The answer's size as sent (compressed when the app compressed it), bytes. */
  bytes: number;
  /** The app's own response time for this request, ms, once its log line has arrived. */
  serverMs: () => number | undefined;
}

/** One HTTP request to the app, timed from the client, its body read to the end. */
export async function timedRequest(server: AppServer, path: string, body?: unknown): Promise<TimedAnswer> {
  const requestId = `${BENCH_REQUEST_PREFIX}${randomUUID()}`;
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "x-request-id": requestId, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = await response.arrayBuffer();
  const clientMs = performance.now() - started;
  const sent = Number(response.headers.get("content-length") ?? Number.NaN);
  return {
    clientMs,
    status: response.status,
    bytes: Number.isFinite(sent) ? sent : answer.byteLength,
    serverMs: () => server.responseTime(requestId),
  };
}

/** Waits for the server's log lines of the requests just made (they are written after the answer). */
export async function settleLogs(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 200));
}
