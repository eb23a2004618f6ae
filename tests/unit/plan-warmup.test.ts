import { describe, expect, it } from "vitest";
import { everyListSize, type PlannedStatement, PlanWarmup } from "../../server/src/neo4j/plan-warmup";

const statement = (name: string): PlannedStatement => ({ name, query: `RETURN '${name}'`, params: {} });

describe("PlanWarmup", () => {
  it("is ready only once every source's statements were explained, in order", async () => {
    const explained: string[] = [];
    const reports: string[][] = [];
    const warmup = new PlanWarmup(
      [async () => [statement("neighbors"), statement("node")], async () => [statement("expansions")]],
      async (planned) => {
        explained.push(planned.name);
      },
      (report) => reports.push(report.prepared),
    );
    expect(warmup.report).toBeNull();
    expect(await warmup.ready()).toBe(true);
    expect(explained).toEqual(["neighbors", "node", "expansions"]);
    expect(warmup.report?.prepared).toEqual(["neighbors", "node", "expansions"]);
    expect(await warmup.ready()).toBe(true);
    expect(reports).toHaveLength(1); // not run twice
  });

  it("is not ready while Neo4j fails, and tries again at the next call", async () => {
    let up = false;
    let calls = 0;
    const warmup = new PlanWarmup([async () => [statement("neighbors")]], async () => {
      calls++;
      if (!up) throw new Error("ServiceUnavailable");
    });
    expect(await warmup.ready()).toBe(false);
    expect(warmup.report).toBeNull();
    up = true;
    expect(await warmup.ready()).toBe(true);
    expect(calls).toBe(2);
  });

  it("makes every caller wait for the same run", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    const warmup = new PlanWarmup([async () => [statement("graph")]], async () => {
      runs++;
      await gate;
    });
    const first = warmup.ready();
    const second = warmup.ready();
    let settled = false;
    void first.then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    release();
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(runs).toBe(1);
  });

  it("plans a list parameter at the largest size of each of Neo4j's size buckets (1, 2-10, 11-100, ... over 10,000)", () => {
    const planned = everyListSize(
      { name: "claims by id", query: "MATCH (c) WHERE c.id IN $ids RETURN c", params: { a: 1 } },
      "ids",
    );
    expect(planned.map((one) => one.name)).toEqual([
      "claims by id",
      "claims by id, 10 ids",
      "claims by id, 100 ids",
      "claims by id, 1000 ids",
      "claims by id, 10000 ids",
      "claims by id, 10001 ids",
    ]);
    expect(planned.map((one) => (one.params.ids as string[]).length)).toEqual([1, 10, 100, 1_000, 10_000, 10_001]);
    expect(planned.every((one) => one.params.a === 1 && (one.params.ids as string[]).every((id) => id === ""))).toBe(
      true,
    );
  });

  it("stops at the bucket of the longest list a request can send", () => {
    const upTo = (longest: number) =>
      everyListSize({ name: "by type", query: "RETURN $types", params: {} }, "types", longest).map(
        (one) => (one.params.types as string[]).length,
      );
    expect(upTo(100)).toEqual([1, 10, 100]);
    expect(upTo(30)).toEqual([1, 10, 100]);
    expect(upTo(1)).toEqual([1]);
  });
});
