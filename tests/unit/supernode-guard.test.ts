import { describe, expect, it } from "vitest";
import { clampCap, DEFAULT_EXPANSION_CAP, expansionCap } from "../../client/src/expand/expansion-cap";
import { limitForChoice, planExpansion } from "../../client/src/expand/supernode-guard";

describe("the supernode guard", () => {
  it("fetches at once when the expansion stays within the cap", () => {
    expect(planExpansion(12, 50)).toEqual({ kind: "fetch", limit: 12 });
    expect(planExpansion(50, 50)).toEqual({ kind: "fetch", limit: 50 });
    expect(planExpansion(0, 50)).toEqual({ kind: "fetch", limit: 1 });
  });

  it("asks past the cap, offering the top N or all of them", () => {
    const plan = planExpansion(51, 50);
    expect(plan).toEqual({ kind: "ask", count: 51, top: 50, allLimit: 1000, allCapped: false });
    if (plan.kind !== "ask") throw new Error("expected a question");
    expect(limitForChoice(plan, "top")).toBe(50);
    expect(limitForChoice(plan, "all")).toBe(1000);
    expect(limitForChoice(plan, "cancel")).toBeNull();
  });

  it("says when even 'all' is bounded by the server's limit", () => {
    expect(planExpansion(1240, 50)).toMatchObject({ kind: "ask", count: 1240, allLimit: 1000, allCapped: true });
    expect(planExpansion(30, 2)).toMatchObject({ kind: "ask", top: 2 });
  });

  it("keeps the cap a whole number between 1 and the server's limit, 50 by default", () => {
    const memory = new Map<string, string>();
    const storage = {
      getItem: (key: string) => memory.get(key) ?? null,
      setItem: (key: string, value: string) => void memory.set(key, value),
    };
    const cap = expansionCap(storage);
    expect(cap.get()).toBe(DEFAULT_EXPANSION_CAP);
    expect(cap.set(2)).toBe(2);
    expect(expansionCap(storage).get()).toBe(2);
    expect(clampCap(0)).toBe(1);
    expect(clampCap(4.6)).toBe(5);
    expect(clampCap(99_999)).toBe(1000);
    expect(clampCap(Number.NaN)).toBe(DEFAULT_EXPANSION_CAP);
  });
});
