import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchNeo4jSettings, ensureBenchNeo4j } from "../../bench/harness/bench-neo4j";
import { benchResultsSchema } from "../../bench/harness/results-schema";
import { runBench } from "../../bench/harness/run-bench";

// The whole harness end to end on a tiny graph in the bench's private Neo4j (port 7688, started
// here when it is not running). Checks the results are well-formed; never a time threshold.
describe("npm run bench -- --size tiny", () => {
  let settings = benchNeo4jSettings();
  const resultsDir = mkdtempSync(join(tmpdir(), "bench-smoke-"));
  let stop = async () => {};

  beforeAll(async () => {
    const bench = await ensureBenchNeo4j(settings);
    settings = bench.settings;
    stop = bench.stop;
  }, 240_000);
  afterAll(async () => {
    await stop();
    rmSync(resultsDir, { recursive: true, force: true });
  }, 120_000);

  it("measures every part and writes latest.json and latest.md", async () => {
    await runBench({ size: "tiny", neo4j: settings, resultsDir, log: () => {} });
    const results = benchResultsSchema.parse(JSON.parse(readFileSync(join(resultsDir, "latest.json"), "utf8")));
    expect(results.size).toBe("tiny");
    expect(results.graph).toMatchObject({ nodes: 300, relationships: 1200, supernodeDegree: 120 });
    expect(results.skipped).toEqual([]);
    // Every target has its figure: nothing was left unmeasured.
    expect(results.targets.filter((target) => target.figure === null).map((target) => target.id)).toEqual([]);
    expect(results.targets.map((target) => target.id)).toEqual(
      expect.arrayContaining([
        "api-neighbors-p50",
        "api-cypher-p99",
        "supernode-expand-ratio",
        "supernode-menu-server-p99",
        "load-errors-c100",
        "browser-20k-pan-fps",
        "layout-fcose-time",
      ]),
    );
    for (const target of results.targets.filter((candidate) => !candidate.met)) expect(target.why).toBeTruthy();
    const anchored = results.targets.find((target) => target.id === "browser-20k-first-paint");
    expect(anchored?.anchor?.figure).toBeGreaterThan(0);
    expect(results.figures.find((figure) => figure.id === "memory-server-peak-rss")?.figure).toBeGreaterThan(0);
    expect(readFileSync(join(resultsDir, "latest.md"), "utf8")).toContain("| target | figure | anchor |");
  }, 600_000);
});
