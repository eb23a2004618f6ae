import { describe, expect, it } from "vitest";
import { type PlannedStatement, PlanWarmup } from "../../server/src/neo4j/plan-warmup";

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
});
