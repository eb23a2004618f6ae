import { describe, expect, it } from "vitest";
import { OVERVIEW_EDGES_PER_NODE, overviewEdgeCap } from "../../server/src/graph/graph-repository";

describe("overviewEdgeCap", () => {
  it("allows ten relationships per node shown, never more than the server's edge cap", () => {
    expect(OVERVIEW_EDGES_PER_NODE).toBe(10);
    expect(overviewEdgeCap(100, 20_000)).toBe(1_000);
    expect(overviewEdgeCap(5_000, 20_000)).toBe(20_000);
  });
});
