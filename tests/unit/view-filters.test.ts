import { describe, expect, it } from "vitest";
import {
  type FilterEdge,
  type FilterNode,
  isFiltering,
  NO_FILTERS,
  shownByFilters,
  toggled,
} from "../../client/src/explorer/view-filters";

const nodes: FilterNode[] = [
  { id: "bytedance", label: "Company" },
  { id: "huawei", label: "Company" },
  { id: "ascend", label: "Chip" },
  { id: "reuters", label: "Source" },
  { id: "doubao", label: "Product" },
];
const edges: FilterEdge[] = [
  {
    id: "e1",
    source: "bytedance",
    target: "huawei",
    type: "SOURCES_FROM",
    certainty: "reported",
    sources: ["article", "reuters"],
  },
  { id: "e2", source: "huawei", target: "ascend", type: "DEVELOPS", certainty: "confirmed", sources: ["article"] },
  { id: "e3", source: "bytedance", target: "doubao", type: "DEVELOPS", certainty: "speculative", sources: ["article"] },
  { id: "e4", source: "bytedance", target: "ascend", type: "USES", sources: ["reuters"] },
];
const ids = (set: ReadonlySet<string>) => [...set].sort();

describe("view filters", () => {
  it("shows everything without filters", () => {
    const shown = shownByFilters(nodes, edges, NO_FILTERS);
    expect(ids(shown.nodes)).toEqual(nodes.map((node) => node.id).sort());
    expect(ids(shown.edges)).toEqual(["e1", "e2", "e3", "e4"]);
    expect(isFiltering(NO_FILTERS)).toBe(false);
  });

  it("hides relationships of a hidden certainty, keeping their ends and unknown certainties", () => {
    const shown = shownByFilters(nodes, edges, { ...NO_FILTERS, hiddenCertainties: ["reported"] });
    expect(ids(shown.edges)).toEqual(["e2", "e3", "e4"]);
    expect(shown.nodes.has("huawei")).toBe(true);
  });

  it("hides a label's nodes and every relationship touching them", () => {
    const shown = shownByFilters(nodes, edges, { ...NO_FILTERS, hiddenLabels: ["Chip"] });
    expect(shown.nodes.has("ascend")).toBe(false);
    expect(ids(shown.edges)).toEqual(["e1", "e3"]);
  });

  it("hides relationship types", () => {
    const shown = shownByFilters(nodes, edges, { ...NO_FILTERS, hiddenTypes: ["DEVELOPS"] });
    expect(ids(shown.edges)).toEqual(["e1", "e4"]);
  });

  it("with a source, keeps only its claims, their ends and the source itself", () => {
    const shown = shownByFilters(nodes, edges, { ...NO_FILTERS, source: "reuters" });
    expect(ids(shown.edges)).toEqual(["e1", "e4"]);
    expect(ids(shown.nodes)).toEqual(["ascend", "bytedance", "huawei", "reuters"]);
    expect(isFiltering({ ...NO_FILTERS, source: "reuters" })).toBe(true);
  });

  it("combines filters: the source's claims less a hidden certainty", () => {
    const shown = shownByFilters(nodes, edges, { ...NO_FILTERS, source: "reuters", hiddenCertainties: ["reported"] });
    expect(ids(shown.edges)).toEqual(["e4"]);
    expect(ids(shown.nodes)).toEqual(["ascend", "bytedance", "reuters"]);
  });

  it("toggles a value in and out without touching the others", () => {
    const once = toggled({ ...NO_FILTERS, hiddenTypes: ["USES"] }, "hiddenCertainties", "reported");
    expect(once.hiddenCertainties).toEqual(["reported"]);
    expect(once.hiddenTypes).toEqual(["USES"]);
    expect(toggled(once, "hiddenCertainties", "reported").hiddenCertainties).toEqual([]);
  });
});
