import { describe, expect, it } from "vitest";
import {
  describeClaimFilter,
  isClaimFiltering,
  passesClaimFilters,
  withClaimFilter,
} from "../../client/src/explorer/claim-filters";
import {
  type FilterEdge,
  type FilterNode,
  isFiltering,
  NO_FILTERS,
  shownByFilters,
} from "../../client/src/explorer/view-filters";
import { firstDay } from "../../contract/partial-dates";

const nodes: FilterNode[] = ["bytedance", "huawei", "ascend", "h20"].map((id) => ({ id, label: "Company" }));
const edge = (id: string, target: string, claims?: FilterEdge["claims"]): FilterEdge => ({
  id,
  source: "bytedance",
  target,
  type: "SOURCES_FROM",
  certainty: "reported",
  sources: ["reuters"],
  claims,
});
const edges: FilterEdge[] = [
  edge("sources-from", "huawei", { independentSources: 2, contested: false, lastReported: "2025-03-11" }),
  edge("ordered", "ascend", { independentSources: 1, contested: true, lastReported: "2025-03-10" }),
  edge("used", "h20", { independentSources: 3, contested: true, lastReported: "2024" }),
  edge("no-claims", "huawei"),
];
const shown = (filters: typeof NO_FILTERS) => [...shownByFilters(nodes, edges, filters).edges].sort();

describe("claim filters", () => {
  it("keep every relationship, with or without claims, when none is on", () => {
    expect(shown(NO_FILTERS)).toEqual(["no-claims", "ordered", "sources-from", "used"]);
    expect(isClaimFiltering(NO_FILTERS)).toBe(false);
  });

  it("only corroborated: 2 or more independent sources", () => {
    const filters = withClaimFilter(NO_FILTERS, "corroboratedOnly", true);
    expect(shown(filters)).toEqual(["sources-from", "used"]);
    expect(isFiltering(filters)).toBe(true);
  });

  it("only contested", () => {
    expect(shown(withClaimFilter(NO_FILTERS, "contestedOnly", true))).toEqual(["ordered", "used"]);
  });

  it("reported since a day: the last claim on or after it, a partial date standing for its first day", () => {
    expect(shown(withClaimFilter(NO_FILTERS, "reportedSince", "2025-03-11"))).toEqual(["sources-from"]);
    expect(shown(withClaimFilter(NO_FILTERS, "reportedSince", "2025-03-10"))).toEqual(["ordered", "sources-from"]);
    expect(shown(withClaimFilter(NO_FILTERS, "reportedSince", "2024-01-01"))).toEqual([
      "ordered",
      "sources-from",
      "used",
    ]);
    expect(shown(withClaimFilter(NO_FILTERS, "reportedSince", "2024-01-02"))).toEqual(["ordered", "sources-from"]);
  });

  it("combine with each other and with the other filters", () => {
    const both = withClaimFilter(withClaimFilter(NO_FILTERS, "corroboratedOnly", true), "contestedOnly", true);
    expect(shown(both)).toEqual(["used"]);
    expect(shown({ ...both, hiddenCertainties: ["reported"] })).toEqual([]);
  });

  it("never pass a relationship built from no claim", () => {
    expect(passesClaimFilters(undefined, NO_FILTERS)).toBe(true);
    expect(passesClaimFilters(undefined, { ...NO_FILTERS, reportedSince: "2000-01-01" })).toBe(false);
  });

  it("come off again without leaving a key behind, so a view without them stays as it was", () => {
    const on = withClaimFilter(NO_FILTERS, "reportedSince", "2025-01-01");
    expect(on.reportedSince).toBe("2025-01-01");
    const off = withClaimFilter(on, "reportedSince", null);
    expect(off).toEqual(NO_FILTERS);
    expect("reportedSince" in off).toBe(false);
    expect(withClaimFilter(withClaimFilter(NO_FILTERS, "contestedOnly", true), "contestedOnly", false)).toEqual(
      NO_FILTERS,
    );
  });

  it("name each change for the undo button and the status line", () => {
    expect(describeClaimFilter("corroboratedOnly", true).label).toBe("Only corroborated");
    expect(describeClaimFilter("contestedOnly", false).label).toBe("Not only contested");
    expect(describeClaimFilter("reportedSince", "2025-03-01")).toEqual({
      label: "Reported since 2025-03-01",
      message: "Showing relationships with a claim reported since 2025-03-01",
    });
  });

  it("read partial dates as their first day", () => {
    expect(firstDay("2024")).toBe("2024-01-01");
    expect(firstDay("2024-05")).toBe("2024-05-01");
    expect(firstDay("2024-05-17")).toBe("2024-05-17");
  });
});
