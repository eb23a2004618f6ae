import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
  const text = graphToGexf(graph, { title: "Fictional test graph", date: "2026-12-05" });

  it("networkx reads every node and edge with labels, type, certainty, claims and properties as attributes", () => {
    const file = join(scratch, "graph.gexf");
    writeFileSync(file, text);
    const read = python(
      [
        "import json, sys, networkx as nx",
        "g = nx.read_gexf(sys.argv[1])",
        "edges = {d['id']: d for _, _, d in g.edges(data=True)}",
        "print(json.dumps({'directed': g.is_directed(), 'nodes': {n: d for n, d in g.nodes(data=True)}, 'edges': edges}, default=str))",
      ].join("\n"),
      file,
    ) as {
      directed: boolean;
      nodes: Record<string, Record<string, unknown>>;
      edges: Record<string, Record<string, unknown>>;
    };
    expect(read.directed).toBe(true);
    expect(Object.keys(read.nodes).sort()).toEqual(["acme", "globex", "wire"]);
    expect(read.nodes.acme).toMatchObject({ label: "Acme 华为", labels: "Company;Org", founded: 1999, listed: true });
    expect(read.nodes.globex).toMatchObject({ label: '=HYPERLINK("http://evil","x")', aliases: "Globex; 格" });
    expect(read.nodes.wire).toMatchObject({ grade: "B", url: "https://wire.example/a" });
    const supplies = read.edges["acme-supplies-globex"];
    expect(supplies).toMatchObject({
      label: "SUPPLIES",
      type: "SUPPLIES",
      certainty: "reported",
      claims: 2,
      share: 0.25,
      evidence: "Acme livrerait des puces à Globex.",
      start: "2024-03-01",
    });
    expect(read.edges["globex-cites-wire"]).toMatchObject({ type: "CITES", certainty: "confirmed" });
    expect(read.edges["globex-cites-wire"]).not.toHaveProperty("start");
  });

  it("is a dynamic graph with dates only when a relationship has a first report", () => {
    expect(text).toContain('mode="dynamic" timeformat="date"');
    const still = graphToGexf({ ...graph, edges: graph.edges.slice(1) }, { title: "t", date: "2026-12-05" });
    expect(still).toContain('mode="static"');
    expect(still).not.toContain("timeformat");
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
