import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type DataFormat, dataExport } from "../../client/src/export/data-export";
import { describeExport, type ExportContext, isNeighbourhood } from "../../client/src/export/describe-export";
import { legendEntries } from "../../client/src/export/legend-entries";
import { createQueryTrail } from "../../client/src/export/query-trail";
import type { Graph, GraphEdge, GraphNode } from "../../contract/graph-contract";
import { exportFilename } from "../../formats/export-filename";

const node = (id: string, label: string, name = id): GraphNode => ({
  data: { id, elementId: `4:x:${id}`, labels: [label], label, caption: name, props: { id, name } },
});
const edge = (id: string, source: string, target: string, type: string, certainty?: "reported"): GraphEdge => ({
  data: {
    id,
    elementId: `5:x:${id}`,
    source,
    target,
    type,
    caption: type.toLowerCase().replaceAll("_", " "),
    ...(certainty ? { certainty } : {}),
    props: { sources: ["reuters"] },
  },
});
const graph: Graph = {
  nodes: [node("bytedance", "Company", "ByteDance"), node("huawei", "Company", "Huawei"), node("x", "Alien")],
  edges: [edge("e1", "bytedance", "huawei", "SOURCES_FROM", "reported"), edge("e2", "bytedance", "x", "OWNS")],
  truncated: false,
};

const DATE = new Date("2026-11-28T14:03:27Z");
const context = (overrides: Partial<ExportContext> = {}): ExportContext => ({
  query: null,
  selected: null,
  neighbourhood: false,
  href: "http://localhost:3000/",
  ...overrides,
});
const filename = (words: { subject: string; what: string }, extension = "png") =>
  exportFilename({ ...words, date: DATE, extension });

describe("describeExport", () => {
  it("titles a plain canvas with its counts, reproduces it by its link, and names the file after the scope", () => {
    const words = describeExport(context(), "whole", { nodes: 24, edges: 32 }, DATE);
    expect(words.title).toBe("Graph Explorer — 24 nodes, 32 relationships");
    expect(words.subtitle).toBe("Whole graph · exported from Graph Explorer 2026-11-28 14:03 UTC");
    expect(words.reproduce).toBe("http://localhost:3000/");
    expect(filename(words)).toBe("graph-whole-2026-11-28.png");
    expect(filename(describeExport(context(), "view", { nodes: 1, edges: 0 }, DATE))).toBe("graph-view-2026-11-28.png");
    expect(describeExport(context(), "view", { nodes: 1, edges: 1 }, DATE).title).toBe(
      "Graph Explorer — 1 node, 1 relationship",
    );
  });

  it("titles a selected node's neighbourhood after it", () => {
    const selected = { id: "bytedance", caption: "ByteDance" };
    const words = describeExport(context({ selected, neighbourhood: true }), "whole", { nodes: 3, edges: 2 }, DATE);
    expect(words.title).toBe("ByteDance neighbourhood");
    expect(words.subtitle).toContain("3 nodes, 2 relationships");
    expect(filename(words)).toBe("bytedance-neighbourhood-2026-11-28.png");
    const elsewhere = describeExport(
      context({ selected, neighbourhood: false }),
      "whole",
      { nodes: 3, edges: 2 },
      DATE,
    );
    expect(elsewhere.title).toBe("Graph Explorer — 3 nodes, 2 relationships");
    expect(filename(elsewhere)).toBe("bytedance-whole-2026-11-28.png");
  });

  it("quotes the query (and its parameters) that drew the canvas alone", () => {
    const query = {
      text: " MATCH p=(n {id: $id})--() RETURN p ",
      params: { id: "bytedance" },
      mode: "replace" as const,
      editedSince: false,
    };
    const words = describeExport(context({ query }), "view", { nodes: 5, edges: 4 }, DATE);
    expect(words.title).toBe("Query result — 5 nodes, 4 relationships");
    expect(words.reproduce).toBe(
      'http://localhost:3000/ · drawn by the Cypher workbench: MATCH p=(n {id: $id})--() RETURN p — parameters {"id":"bytedance"}',
    );
    expect(filename(words, "svg")).toBe("graph-query-2026-11-28.svg");
    const edited = describeExport(
      context({ query: { ...query, editedSince: true } }),
      "view",
      { nodes: 6, edges: 5 },
      DATE,
    );
    expect(edited.title).toBe("Graph Explorer — 6 nodes, 5 relationships");
    expect(edited.reproduce).toMatch(/RETURN p .* — then nodes added by hand$/);
  });

  it("does not call a canvas the query's result when the result was merged into what was drawn", () => {
    const query = { text: "MATCH (n) RETURN n", params: {}, mode: "merge" as const, editedSince: false };
    const words = describeExport(context({ query }), "whole", { nodes: 30, edges: 32 }, DATE);
    expect(words.title).toBe("Graph Explorer — 30 nodes, 32 relationships");
    expect(words.reproduce).toBe(
      "http://localhost:3000/ · with the Cypher workbench's result merged in: MATCH (n) RETURN n",
    );
  });
});

describe("isNeighbourhood", () => {
  it("holds when every node is the selected one or linked to it", () => {
    expect(isNeighbourhood(graph, "bytedance")).toBe(true);
    expect(isNeighbourhood(graph, "huawei")).toBe(false);
    expect(isNeighbourhood({ nodes: [node("a", "Company")], edges: [] }, "a")).toBe(false);
  });
});

describe("createQueryTrail", () => {
  it("remembers the last query and whether the canvas changed by hand since", () => {
    const trail = createQueryTrail();
    trail.edited();
    expect(trail.current()).toBeNull();
    trail.drew({ query: "MATCH (n) RETURN n", params: {} }, "replace");
    expect(trail.current()).toMatchObject({ mode: "replace", editedSince: false });
    trail.edited();
    expect(trail.current()?.editedSince).toBe(true);
    trail.drew({ query: "RETURN 1", params: {} }, "merge");
    expect(trail.current()).toMatchObject({ text: "RETURN 1", mode: "merge", editedSince: false });
  });
});

describe("legendEntries", () => {
  it("lists only the labels, relationship types and line styles present, known labels first", () => {
    const legend = legendEntries(graph);
    expect(legend.labels.map((entry) => [entry.label, entry.count])).toEqual([
      ["Company", 2],
      ["Alien", 1],
    ]);
    expect(legend.labels[1]?.style.shape).toBe("ellipse");
    expect(legend.relationships).toEqual([
      { type: "OWNS", caption: "owns", count: 1 },
      { type: "SOURCES_FROM", caption: "sources from", count: 1 },
    ]);
    expect(legend.certainties.map((entry) => [entry.certainty, entry.count, entry.dash])).toEqual([
      ["reported", 1, [6, 4]],
      [null, 1, []],
    ]);
  });
});

describe("dataExport", () => {
  // The GEXF writer edits its XML through the browser's DOM; xmldom stands in for it in Node.
  beforeAll(() => {
    vi.stubGlobal("DOMParser", DOMParser);
    vi.stubGlobal("XMLSerializer", XMLSerializer);
  });
  afterAll(() => vi.unstubAllGlobals());
  const options = {
    title: "ByteDance neighbourhood",
    positions: new Map([["bytedance", { x: 10, y: 20 }]]),
    date: DATE,
    claims: new Map(),
  };
  const file = async (format: DataFormat) => {
    const made = await dataExport(format, graph, options);
    return { extension: made.extension, type: made.blob.type, bytes: new Uint8Array(await made.blob.arrayBuffer()) };
  };
  const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

  it("names and types each data file as the server's /api/export does", async () => {
    const cyjs = await file("cyjs");
    expect(cyjs).toMatchObject({ type: "application/json", extension: "cyjs" });
    expect(JSON.parse(text(cyjs.bytes)).elements.nodes[0].position).toEqual({ x: 10, y: 20 });
    expect(await file("graphml")).toMatchObject({ type: "application/graphml+xml", extension: "graphml" });
    expect((await file("csv-nodes")).extension).toBe("nodes.csv");
    expect(text((await file("csv-edges")).bytes).split("\r\n")[0]).toMatch(/^\uFEFFid,source,target,type/);
    expect((await file("evidence-md")).extension).toBe("evidence.md");
    expect(text((await file("evidence-html")).bytes)).toContain("ByteDance neighbourhood");
    const gexf = await file("gexf");
    expect(gexf).toMatchObject({ type: "application/gexf+xml", extension: "gexf" });
    // The canvas' place (y up, as Gephi draws) and the colour of Company nodes (#4a7ab5).
    expect(text(gexf.bytes)).toMatch(
      /<node id="bytedance"[^>]*>[\s\S]*?<viz:color r="74" g="122" b="181"\/>\s*<viz:position x="10" y="-20"\/>/,
    );
    expect((await file("xlsx")).extension).toBe("xlsx");
  });

  it("CSV files open in Excel as UTF-8: a byte-order mark first, then the text (华为 intact)", async () => {
    for (const format of ["csv-nodes", "csv-edges"] as const) {
      const { bytes } = await file(format);
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const chinese = { ...graph, nodes: [...graph.nodes, node("hw", "Company", "华为")] };
    const made = await dataExport("csv-nodes", chinese, options);
    const bytes = new Uint8Array(await made.blob.arrayBuffer());
    expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes.slice(3))).toContain("hw,Company,华为");
  });
});
