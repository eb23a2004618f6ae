import { describe, expect, it } from "vitest";
import { collapseSet } from "../../client/src/explorer/collapse-set";

const drawn = (ids: string[]) => (id: string) => ids.includes(id);
const none = () => false;

describe("collapse", () => {
  it("removes what an expansion added", () => {
    const expansions = new Map([["huawei", ["ascend", "smic", "bytedance"]]]);
    expect(collapseSet("huawei", expansions, drawn(["huawei", "ascend", "smic", "bytedance"]), none)).toEqual([
      "ascend",
      "smic",
      "bytedance",
    ]);
  });

  it("keeps pinned nodes, nodes already gone, and the origin itself", () => {
    const expansions = new Map([["huawei", ["huawei", "ascend", "smic", "bytedance"]]]);
    const pinned = (id: string) => id === "smic";
    expect(collapseSet("huawei", expansions, drawn(["huawei", "ascend", "smic"]), pinned)).toEqual(["ascend"]);
  });

  it("keeps the nodes expanded further and what another expansion added", () => {
    const expansions = new Map([
      ["huawei", ["ascend", "smic", "bytedance"]],
      ["ascend", ["tsmc"]],
      ["nvidia", ["bytedance"]],
    ]);
    const all = drawn(["huawei", "ascend", "smic", "bytedance", "tsmc", "nvidia"]);
    expect(collapseSet("huawei", expansions, all, none)).toEqual(["smic"]);
    expect(collapseSet("ascend", expansions, all, none)).toEqual(["tsmc"]);
  });

  it("has nothing to collapse for a node never expanded", () => {
    expect(collapseSet("a100", new Map(), () => true, none)).toEqual([]);
  });
});
