import { describe, expect, it } from "vitest";
import { BENCH_CONFIGS } from "../../bench/harness/bench-sizes";
import { benchFigures, benchTargets } from "../../bench/harness/bench-targets";
import { benchResultsSchema } from "../../bench/harness/results-schema";
import { median, medianByKey, percentile } from "../../bench/harness/stats";
import { summaryTable } from "../../bench/harness/summary-table";
import { collectFigures, judgeTargets } from "../../bench/harness/targets";

describe("bench statistics", () => {
  it("takes nearest-rank percentiles and medians", () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("takes the median of each figure over the runs that measured it", () => {
    expect(medianByKey([{ a: 1, b: 10 }, { a: 3 }, { a: 2, b: Number.NaN }])).toEqual({ a: 2, b: 10 });
  });
});

describe("judging targets", () => {
  const sizes = BENCH_CONFIGS.full.drawSizes;
  const specs = benchTargets(sizes, 1_000, ["fcose"]);

  it("judges a ratio against the anchor and says by how much it is missed", () => {
    const results = judgeTargets(
      specs,
      { "supernode.expand.super.p50": 40, "supernode.expand.ten.p50": 10 },
      new Map(),
    );
    const expand = results.find((result) => result.id === "supernode-expand-ratio");
    expect(expand).toMatchObject({ ratio: 4, met: false, anchor: { figure: 10 } });
    expect(expand?.why).toContain("1.33× off");
  });

  it("judges the workbench's overhead as milliseconds added to the raw driver's (issue #21 item 4)", () => {
    const results = judgeTargets(specs, { "api.cypher.overhead.p50": 3, "api.cypher.overhead.p99": 4.5 }, new Map());
    expect(results.find((result) => result.id === "api-cypher-p50")).toMatchObject({
      figure: 3,
      judged: "figure",
      target: { op: "<=", value: 2 },
      met: false,
    });
    expect(results.find((result) => result.id === "api-cypher-p50")?.why).toContain("1.5× off");
    expect(results.find((result) => result.id === "api-cypher-p99")).toMatchObject({ figure: 4.5, met: true });
  });

  it("meets a figure target within bounds and explains one that was not measured", () => {
    const results = judgeTargets(
      specs,
      { "browser.app.20k.panFps": 45 },
      new Map([["browser", "Chromium did not start"]]),
    );
    expect(results.find((result) => result.id === "browser-20k-pan-fps")).toMatchObject({ figure: 45, met: true });
    expect(results.find((result) => result.id === "browser-20k-pan-p95")?.why).toBe(
      "not measured: Chromium did not start",
    );
  });

  it("writes results that the schema accepts, and a summary row per target", () => {
    const results = {
      version: 1 as const,
      size: "tiny" as const,
      startedAt: "2025-01-01T00:00:00.000Z",
      finishedAt: "2025-01-01T00:01:00.000Z",
      runs: 2,
      machine: { cpus: 2, node: "20.20.0", platform: "linux-x64" },
      graph: {
        nodes: 300,
        relationships: 1200,
        seed: 42,
        supernodeDegree: 120,
        nodesPerSecond: null,
        relationshipsPerSecond: 900,
      },
      targets: judgeTargets(specs, { "supernode.expand.super.p50": 20, "supernode.expand.ten.p50": 10 }, new Map()),
      figures: collectFigures(benchFigures(sizes, ["graph"], [10]), { "load.graph.c10.rps": 500 }),
      skipped: [],
    };
    expect(benchResultsSchema.parse(results).targets).toHaveLength(specs.length);
    expect(results.figures.find((figure) => figure.id === "load-graph-c10-rps")?.figure).toBe(500);
    const table = summaryTable(results);
    expect(
      table
        .split("\n")
        .filter((line) => line.startsWith("| ") && !line.startsWith("| target") && !line.startsWith("| ---")),
    ).toHaveLength(specs.length);
    expect(table).toContain(
      "| Expanding the supernode (top N neighbours) vs a 10-neighbour node (/api/nodes/{id}/neighbors?limit=50, p50) | 20 ms | 10 ms (10-neighbour node) | 2× |",
    );
  });

  it("refuses results with a target that lacks its verdict", () => {
    const broken = { version: 1, size: "tiny", targets: [{ id: "x", title: "x", unit: "ms", figure: 1 }] };
    expect(benchResultsSchema.safeParse(broken).success).toBe(false);
  });
});
