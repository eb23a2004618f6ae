import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Claim, Graph, GraphEdge, GraphNode } from "../../contract/graph-contract";
import { graphToGexf } from "../../formats/graph-to-gexf";
import { graphToWorkbook } from "../../formats/graph-to-workbook";
import { workbookToXlsx } from "../../formats/workbook-to-xlsx";

// Fictional graph, written for this test: two companies, a source, one relationship with two claims.
const node = (id: string, labels: string[], props: GraphNode["data"]["props"]): GraphNode => ({
  data: { id, elementId: `4:x:${id}`, labels, label: labels[0] ?? "", caption: String(props.name ?? id), props },
});
const edge = (id: string, source: string, target: string, type: string, props: GraphEdge["data"]["props"]) => ({
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

const graph: Graph = {
  nodes: [
    node("acme", ["Company", "Org"], { id: "acme", name: "Acme 华为", founded: 1999, listed: true }),
    node("globex", ["Company"], { id: "globex", name: '=HYPERLINK("http://evil","x")', aliases: ["Globex", "格"] }),
    node("wire", ["Source"], { id: "wire", name: "Fictional Wire", grade: "B", url: "https://wire.example/a" }),
  ],
  edges: [
    edge("acme-supplies-globex", "acme", "globex", "SUPPLIES", {
      id: "acme-supplies-globex",
      certainty: "reported",
      sources: ["wire"],
      claimCount: 2,
      firstReported: "2024-03",
      evidence: "Acme livrerait des puces à Globex.",
      evidence_lang: "fr",
      share: 0.25,
    }),
    edge("globex-cites-wire", "globex", "wire", "CITES", { id: "globex-cites-wire", certainty: "confirmed" }),
  ],
  truncated: false,
};

const claim = (quote: string, certainty: Claim["certainty"], reportedAt: string): Claim =>
  ({
    id: `claim-${reportedAt}`,
    relationshipId: "acme-supplies-globex",
    stance: "asserts",
    certainty,
    quote,
    quoteLang: "fr",
    quoteEn: "Acme would deliver chips to Globex.",
    quantities: {},
    reportedAt,
    validFrom: null,
    validTo: null,
    source: {
      id: "wire",
      name: "Fictional Wire",
      grade: "B",
      url: "https://wire.example/a",
      author: null,
      publishedAt: null,
    },
    republishes: null,
    note: null,
  }) as unknown as Claim;

const scratch = mkdtempSync(join(tmpdir(), "gexf-xlsx-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Debian's python3 (python3-networkx, python3-openpyxl from scripts/system-packages.ts), not a venv's. */
function python(script: string, file: string): unknown {
  const result = spawnSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout);
}

describe("GEXF", () => {
  // graphToGexf edits the library's XML through the DOM, which Node lacks: xmldom stands in for the browser's.
  beforeAll(() => {
    vi.stubGlobal("DOMParser", DOMParser);
    vi.stubGlobal("XMLSerializer", XMLSerializer);
  });
  afterAll(() => vi.unstubAllGlobals());

  const options = {
    title: "Fictional test graph",
    date: "2026-12-05",
    nodeColor: (n: GraphNode) => (n.data.label === "Source" ? "#d08a45" : "#4a7ab5"),
    edgeColor: () => "#2f6fb5",
    positions: new Map([["acme", { x: 120.5, y: 40 }]]),
  };

  function readBack(text: string) {
    const file = join(scratch, "graph.gexf");
    writeFileSync(file, text);
    return python(
      [
        "import json, sys, networkx as nx",
        "g = nx.read_gexf(sys.argv[1])",
        "edges = {d['id']: d for _, _, d in g.edges(data=True)}",
        "print(json.dumps({'directed': g.is_directed(), 'graph': g.graph, 'nodes': {n: d for n, d in g.nodes(data=True)}, 'edges': edges}, default=str))",
      ].join("\n"),
      file,
    ) as {
      directed: boolean;
      graph: Record<string, unknown>;
      nodes: Record<string, Record<string, unknown>>;
      edges: Record<string, Record<string, unknown>>;
    };
  }

  it("is GEXF 1.2 written by graphology-gexf, which Debian 12's networkx 2.8.8 reads", () => {
    const text = graphToGexf(graph, options);
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<gexf /);
    expect(text).toMatch(/<gexf [^>]*version="1.2"/);
    expect(text).toContain('xmlns="http://www.gexf.net/1.2draft"');
    expect(text).toContain('xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    expect(text).toContain("<creator>Graph Explorer</creator>");
    expect(text).toContain("<description>Fictional test graph</description>");
  });

  it("networkx reads every node and edge with labels, colour, position, type, certainty, claims, sources and properties", () => {
    const text = graphToGexf(graph, options);
    const read = readBack(text);
    expect(read.directed).toBe(true);
    expect(read.graph).toMatchObject({ mode: "dynamic" });
    expect(Object.keys(read.nodes).sort()).toEqual(["acme", "globex", "wire"]);
    expect(read.nodes.acme).toMatchObject({ label: "Acme 华为", labels: "Company;Org", founded: 1999, listed: true });
    // The canvas' colour and place; y turned up for Gephi.
    expect(read.nodes.acme?.viz).toEqual({
      color: { r: 74, g: 122, b: 181, a: 1.0 },
      position: { x: 120.5, y: -40, z: 0 },
    });
    expect(read.nodes.wire?.viz).toEqual({ color: { r: 208, g: 138, b: 69, a: 1.0 } });
    expect(read.nodes.globex).toMatchObject({ label: '=HYPERLINK("http://evil","x")', aliases: "Globex; 格" });
    expect(read.nodes.wire).toMatchObject({ labels: "Source", grade: "B", url: "https://wire.example/a" });
    // The Neo4j id is the node's id already, not an attribute again.
    expect(read.nodes.wire).not.toHaveProperty("id");
    const supplies = read.edges["acme-supplies-globex"];
    expect(supplies).toMatchObject({
      label: "SUPPLIES",
      type: "SUPPLIES",
      certainty: "reported",
      claims: 2,
      sources: "wire",
      share: 0.25,
      evidence: "Acme livrerait des puces à Globex.",
      firstReported: "2024-03",
      start: "2024-03-01",
    });
    // networkx 2.8.8 reads no edge colour; Gephi does.
    const suppliesXml = text.slice(text.indexOf('<edge id="acme-supplies-globex"')).split("</edge>")[0];
    expect(suppliesXml).toContain('<viz:color r="47" g="111" b="181"/>');
    expect(read.edges["globex-cites-wire"]).toMatchObject({ type: "CITES", certainty: "confirmed" });
    expect(read.edges["globex-cites-wire"]).not.toHaveProperty("start");
  });

  it("is a dynamic graph with dates only when a relationship has a first report", () => {
    const text = graphToGexf(graph, options);
    expect(text).toMatch(/<graph defaultedgetype="directed" mode="dynamic" timeformat="date">/);
    expect(text).toMatch(/<edge id="acme-supplies-globex" [^>]*start="2024-03-01"/);
    const still = graphToGexf({ ...graph, edges: graph.edges.slice(1) }, options);
    expect(still).not.toContain('mode="dynamic"');
    expect(still).not.toContain("timeformat");
    expect(still).not.toContain("start=");
    expect(readBack(still).graph).toMatchObject({ mode: "static" });
  });

  it("writes parallel relationships, a property of mixed kinds as text and no character XML cannot hold", () => {
    const [supplies] = graph.edges;
    if (!supplies) throw new Error("fixture");
    const awkward: Graph = {
      nodes: [
        node("acme", ["Company"], { id: "acme", name: "Acme\u0007 Corp", rank: 3 }),
        node("globex", ["Company"], { id: "globex", name: "Globex", rank: "n/a" }),
        node("lone", ["Person"], { id: "other-id", name: "Lone", flag: true }),
      ],
      edges: [
        supplies,
        edge("acme-owns-globex", "acme", "globex", "OWNS", { id: "acme-owns-globex", firstReported: 2021 }),
      ],
      truncated: false,
    };
    const read = readBack(graphToGexf(awkward, { title: "Fictional\u0001 title", date: "2026-12-05" }));
    expect(read.nodes.acme).toMatchObject({ label: "Acme Corp", rank: "3" });
    expect(read.nodes.globex).toMatchObject({ rank: "n/a" });
    // A Neo4j id that differs from the node's is kept.
    expect(read.nodes.lone).toMatchObject({ id: "other-id", flag: true });
    expect(read.nodes.lone).not.toHaveProperty("viz");
    expect(read.edges["acme-supplies-globex"]).toMatchObject({ type: "SUPPLIES", start: "2024-03-01" });
    expect(read.edges["acme-owns-globex"]).toMatchObject({ type: "OWNS", start: "2021-01-01" });
  });

  it("refuses a relationship whose end is not among the nodes, naming it", () => {
    const dangling: Graph = { ...graph, nodes: graph.nodes.slice(0, 2) };
    expect(() => graphToGexf(dangling, options)).toThrow(/wire/);
  });
});

describe("XLSX", () => {
  const claims = new Map([
    [
      "acme-supplies-globex",
      [
        claim("Acme livrerait des puces à Globex.", "reported", "2024-03"),
        claim("Acme livre des puces à Globex.", "confirmed", "2024-06-02"),
      ],
    ],
  ]);

  it("openpyxl opens the workbook: nodes, relationships, claims with sentence, source, grade, URL, certainty, date", async () => {
    const blob = await workbookToXlsx(graphToWorkbook(graph, claims));
    const file = join(scratch, "graph.xlsx");
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    const read = python(
      [
        "import json, sys, warnings, openpyxl",
        // write-excel-file names no default cell style; openpyxl applies its own and says so.
        "warnings.filterwarnings('ignore', message='Workbook contains no default style')",
        "wb = openpyxl.load_workbook(sys.argv[1])",
        "print(json.dumps({ws.title: [[c for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, default=str))",
      ].join("\n"),
      file,
    ) as Record<string, unknown[][]>;
    expect(Object.keys(read)).toEqual(["Nodes", "Relationships", "Claims"]);
    const nodes = read.Nodes ?? [];
    expect(nodes[0]?.slice(0, 3)).toEqual(["id", "labels", "caption"]);
    expect(nodes).toContainEqual(expect.arrayContaining(["acme", "Company;Org", "Acme 华为", 1999, true]));
    // Text that looks like a formula stays text.
    expect(nodes).toContainEqual(expect.arrayContaining(["globex", '=HYPERLINK("http://evil","x")']));
    const relationships = read.Relationships ?? [];
    expect(relationships[0]?.slice(0, 8)).toEqual([
      "id",
      "source",
      "source name",
      "type",
      "target",
      "target name",
      "certainty",
      "claims",
    ]);
    expect(relationships[1]?.slice(0, 8)).toEqual([
      "acme-supplies-globex",
      "acme",
      "Acme 华为",
      "SUPPLIES",
      "globex",
      '=HYPERLINK("http://evil","x")',
      "reported",
      2,
    ]);
    const rows = read.Claims ?? [];
    const header = rows[0] ?? [];
    const column = (name: string) => header.indexOf(name);
    expect(rows).toHaveLength(3);
    const confirmed = rows[2] ?? [];
    expect(confirmed[column("sentence")]).toBe("Acme livre des puces à Globex.");
    expect(confirmed[column("source")]).toBe("Fictional Wire");
    expect(confirmed[column("source grade")]).toBe("B");
    expect(confirmed[column("source URL")]).toBe("https://wire.example/a");
    expect(confirmed[column("certainty")]).toBe("confirmed");
    expect(confirmed[column("reported")]).toBe("2024-06-02");
  });

  it("a relationship whose claims were not fetched keeps its evidence sentence as a row", () => {
    const sheets = graphToWorkbook(graph, new Map());
    const rows = sheets.find((sheet) => sheet.name === "Claims")?.rows ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(
      expect.arrayContaining(["Acme livrerait des puces à Globex.", "Fictional Wire", "reported"]),
    );
  });
});
