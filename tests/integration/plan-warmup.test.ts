/**
 * The app plans its fixed queries before readiness says ready (decision 0006): started against the
 * development Neo4j (EXPLAIN only: nothing read or written), its log says which were prepared, and
 * that line comes before the first 200 from /api/ready; then the widest change list is read once
 * in the background (its own log line). Not a timing test.
 */
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, type RunningApp, startTestApp } from "../support/test-app";

const lines: Array<{
  msg?: string;
  warmup?: { prepared: string[]; ms: number };
  changeListWarmup?: { changes: number; ms: number };
}> = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ logger: pino({ level: "info" }, sink), env: { APP_TOKEN: "" } });
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe("query plan warm-up", () => {
  it("prepares the expansion, node, overview, search, as-of and change-list queries before readiness says ready", async () => {
    let status = 0;
    let warmLinesWhenReady = -1;
    for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
      const answer = await getJson(`${app.baseUrl}/api/ready`);
      status = answer.status;
      if (status === 200) warmLinesWhenReady = lines.filter((line) => line.warmup).length;
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    expect(warmLinesWhenReady).toBe(1);
    const warm = lines.find((line) => line.warmup);
    expect(warm?.msg).toMatch(/^query plans prepared: \d+ in \d+ ms$/);
    expect(warm?.warmup?.prepared).toEqual([
      "neighbors",
      "neighbors by type",
      "neighbors by type, 10 ids",
      "neighbors by type, 100 ids",
      "node",
      "graph",
      "search",
      "graph knownAt",
      "graph holdsAt",
      "claims by id",
      "claims by id, 10 ids",
      "claims by id, 100 ids",
      "claims by id, 1000 ids",
      "claims by id, 10000 ids",
      "claims by id, 10001 ids",
      "source names",
      "expansions",
      "changes known",
      "changes held",
      "changes claims by id",
      "changes claims by id, 10 ids",
      "changes claims by id, 100 ids",
      "changes claims by id, 1000 ids",
      "changes claims by id, 10000 ids",
      "changes claims by id, 10001 ids",
      "changes names",
      "changes names, 10 ids",
      "changes names, 100 ids",
      "changes names, 1000 ids",
      "changes names, 10000 ids",
      "changes names, 10001 ids",
      "changes priors",
      "changes priors, 10 ids",
      "changes priors, 100 ids",
      "changes priors, 1000 ids",
      "changes priors, 10000 ids",
      "changes priors, 10001 ids",
      "changes first day",
      "changes article day",
    ]);
  });

  it("then reads the widest change list once in the background, without holding readiness back", async () => {
    await expect.poll(() => lines.find((line) => line.changeListWarmup)?.msg).toMatch(/^change list warmed in \d+ ms$/);
    const warmed = lines.find((line) => line.changeListWarmup);
    // The development graph holds the seed's claims: the widest list has changes to find.
    expect(warmed?.changeListWarmup?.changes).toBeGreaterThan(0);
    expect(lines.findIndex((line) => line.changeListWarmup)).toBeGreaterThan(lines.findIndex((line) => line.warmup));
  });
});
