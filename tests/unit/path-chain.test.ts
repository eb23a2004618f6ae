import { describe, expect, it } from "vitest";
import { noPathMessage, pageLine, pathChains } from "../../client/src/paths/path-chain";
import type { GraphEdge, GraphNode, PathsResult } from "../../contract/graph-contract";

const node = (id: string, caption: string): GraphNode => ({
  data: { id, elementId: `4:x:${id}`, labels: ["Company"], label: "Company", caption, props: {} },
});
const edge = (
  id: string,
  source: string,
  type: string,
  target: string,
  props: GraphEdge["data"]["props"],
): GraphEdge => ({
  data: {
    id,
    elementId: `5:x:${id}`,
    source,
    target,
    type,
    caption: type.toLowerCase().replaceAll("_", " "),
    ...(props.certainty === "reported" ? { certainty: "reported" as const } : {}),
    props,
  },
});

const result: PathsResult = {
  mode: "shortest",
  direction: "either",
  maxHops: 4,
  offset: 0,
  total: 1,
  cap: 500,
  truncated: false,
  graph: {
    nodes: [node("doubao", "Doubao"), node("bytedance", "ByteDance"), node("huawei", "Huawei")],
    edges: [
      edge("e1", "bytedance", "DEVELOPS", "doubao", {
        sources: ["article"],
        evidence: "Doubao, son chatbot",
        evidence_en: "Doubao, its chatbot",
      }),
      edge("e2", "bytedance", "SOURCES_FROM", "huawei", {
        sources: ["reuters"],
        certainty: "reported",
        evidence: "s'approvisionne auprès de Huawei",
        evidence_en: "sources chips from Huawei",
        asOf: "2024",
      }),
    ],
    truncated: false,
  },
  paths: [
    { nodes: ["doubao", "bytedance", "huawei"], edges: ["e1", "e2"], length: 2 },
    { nodes: ["doubao", "ghost"], edges: ["missing"], length: 1 },
  ],
};

describe("paths as chains of evidence", () => {
  const chains = pathChains(result);

  it("reads each hop in the path's direction, noting relationships walked backwards", () => {
    expect(chains).toHaveLength(1);
    const hops = chains[0]?.hops ?? [];
    expect(hops.map((hop) => [hop.from.caption, hop.type, hop.to.caption, hop.forward])).toEqual([
      ["Doubao", "DEVELOPS", "ByteDance", false],
      ["ByteDance", "SOURCES_FROM", "Huawei", true],
    ]);
    expect(chains[0]?.summary).toBe("Doubao ← develops ← ByteDance → sources from → Huawei");
  });

  it("carries each hop's sources, certainty, date and sentences in French and English", () => {
    expect(chains[0]?.hops[1]).toMatchObject({
      edgeId: "e2",
      sources: ["reuters"],
      certainty: "reported",
      asOf: "2024",
      evidence: "s'approvisionne auprès de Huawei",
      evidenceEn: "sources chips from Huawei",
    });
    expect(chains[0]?.hops[0]).toMatchObject({ sources: ["article"], certainty: undefined, asOf: undefined });
  });

  it("skips a path whose elements the answer does not carry", () => {
    expect(chains.map((chain) => chain.edgeIds)).toEqual([["e1", "e2"]]);
  });

  it("says there is no path within N hops, with the right plural", () => {
    expect(noPathMessage("Doubao", "A100", 2)).toBe("No path between Doubao and A100 within 2 hops");
    expect(noPathMessage("Doubao", "A100", 1)).toBe("No path between Doubao and A100 within 1 hop");
  });

  it("says which paths a page lists, of how many, and when the server stopped counting", () => {
    expect(pageLine({ offset: 0, shown: 10, total: 37, cap: 500 }, "path")).toBe("Paths 1–10 of 37");
    expect(pageLine({ offset: 30, shown: 7, total: 37, cap: 500 }, "path")).toBe("Paths 31–37 of 37");
    expect(pageLine({ offset: 0, shown: 1, total: 1, cap: 500 }, "shortest path")).toBe("Shortest path 1 of 1");
    expect(pageLine({ offset: 10, shown: 10, total: 500, cap: 500 }, "path")).toBe("Paths 11–20 of 500 or more");
    expect(pageLine({ offset: 40, shown: 0, total: 37, cap: 500 }, "path")).toBe("No paths from 41 on (37 in all)");
  });
});
