import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import type { Graph, GraphEdge, GraphNode } from "../../contract/graph-contract";
import { exportFilename } from "../../formats/export-filename";
import { csvCell, edgesToCsv, nodesToCsv } from "../../formats/graph-to-csv";
import { graphToCyjs } from "../../formats/graph-to-cyjs";
import { evidenceTableHtml, evidenceTableMarkdown } from "../../formats/graph-to-evidence-table";
import { graphToGraphml } from "../../formats/graph-to-graphml";
import { sourceFootnotes } from "../../formats/visible-sources";

const node = (id: string, label: string, props: GraphNode["data"]["props"]): GraphNode => ({
  data: {
    id,
    elementId: `4:x:${id}`,
    labels: [label],
    label,
    caption: String(props.name ?? id),
    props: { id, ...props },
  },
});
const edge = (
  id: string,
  source: string,
  target: string,
  type: string,
  props: GraphEdge["data"]["props"],
): GraphEdge => ({
  data: {
    id,
    elementId: id,
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
    node("bytedance", "Company", { name: "ByteDance", aliases: ["字节跳动"] }),
    node("huawei", "Company", { name: "华为 <script>alert(1)</script>", note: '=HYPERLINK("http://evil","click")' }),
    node("reuters", "Source", { name: "Reuters", published: "2024" }),
    node("long", "Product", { name: "Long", text: "x".repeat(10_000), ok: true, score: 1.5 }),
  ],
  edges: [
    edge("e1", "bytedance", "huawei", "SOURCES_FROM", {
      sources: ["reuters", "article"],
      certainty: "reported",
      evidence: "ByteDance s'approvisionne | en puces\nauprès de Huawei",
      evidence_lang: "fr",
      evidence_en: "ByteDance sources chips from Huawei",
      asOf: "2024",
      quantity: 100000,
    }),
    edge("e2", "huawei", "long", "MAKES", { sources: ["article"], certainty: "confirmed", quantity: 3 }),
  ],
  truncated: false,
};

describe("CSV", () => {
  it("defuses cells a spreadsheet would run as formulas", () => {
    for (const formula of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1+1", "＋1", "－1", "＠SUM(A1)"])
      expect(csvCell(formula).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a=1+1")).toBe("a=1+1");
    // Defused and quoted at once: the quote goes inside the RFC 4180 quotes.
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell('a "b", c\nd')).toBe('"a ""b"", c\nd"');
  });

  it("writes nodes with one column per property, formula cells defused, long and non-Latin text intact", () => {
    const csv = nodesToCsv(graph);
    const [header] = csv.split("\r\n");
    expect(header).toBe("id,labels,caption,name,aliases,note,published,text,ok,score");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(csv).toContain("华为 <script>alert(1)</script>");
    expect(csv).toContain("x".repeat(10_000));
  });

  it("writes relationships with their provenance columns first", () => {
    const [header, first] = edgesToCsv(graph).split("\r\n");
    expect(header).toBe("id,source,target,type,certainty,sources,asOf,evidence,evidence_lang,evidence_en,quantity");
    expect(first).toContain("e1,bytedance,huawei,SOURCES_FROM,reported,reuters; article,2024,");
  });
});

describe("GraphML", () => {
  const xml = graphToGraphml(graph);

  it("declares every property as a typed key", () => {
    expect(xml).toContain('<key id="e1" for="edge" attr.name="sources" attr.type="string"/>');
    expect(xml).toMatch(/attr\.name="quantity" attr\.type="long"/);
    expect(xml).toMatch(/attr\.name="ok" attr\.type="boolean"/);
    expect(xml).toMatch(/attr\.name="score" attr\.type="double"/);
  });

  it("escapes markup and keeps non-Latin text", () => {
    expect(xml).toContain("华为 &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(xml).not.toContain("<script>");
  });

  it("drops characters XML 1.0 forbids", () => {
    const odd: Graph = { nodes: [node("x", "Chip", { name: "bad\u0001char" })], edges: [], truncated: false };
    expect(graphToGraphml(odd)).toContain("badchar");
  });
});

describe("Cytoscape JSON", () => {
  it("re-imports into Cytoscape.js with the same elements, properties flattened", () => {
    const positions = new Map([["bytedance", { x: 10, y: 20 }]]);
    const cyjs = JSON.parse(JSON.stringify(graphToCyjs(graph, { name: "test", positions })));
    const cy = cytoscape({ headless: true, elements: cyjs.elements, layout: { name: "preset" } });
    expect(
      cy
        .nodes()
        .map((element) => element.id())
        .sort(),
    ).toEqual(["bytedance", "huawei", "long", "reuters"]);
    expect(
      cy
        .edges()
        .map((element) => element.id())
        .sort(),
    ).toEqual(["e1", "e2"]);
    expect(cy.getElementById("e1").data("interaction")).toBe("SOURCES_FROM");
    expect(cy.getElementById("e1").data("sources")).toEqual(["reuters", "article"]);
    expect(cy.getElementById("bytedance").position()).toEqual({ x: 10, y: 20 });
    // The Neo4j `id` property would clash with Cytoscape's own id.
    expect(cy.getElementById("bytedance").data("neo4j_id")).toBe("bytedance");
  });
});

describe("source footnotes and the evidence table", () => {
  it("numbers the sources in order of first citation, with names and dates from Source nodes", () => {
    const { footnotes, edgeNumbers } = sourceFootnotes(graph);
    expect(footnotes).toEqual([
      { number: 1, sourceId: "reuters", name: "Reuters", date: "2024" },
      { number: 2, sourceId: "article", name: "article", date: null },
    ]);
    expect(edgeNumbers.get("e1")).toEqual([1, 2]);
    expect(edgeNumbers.get("e2")).toEqual([2]);
  });

  it("writes one Markdown row per relationship with provenance, pipes and line breaks escaped", () => {
    const lines = evidenceTableMarkdown(graph).trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain("ByteDance — sources from → 华为 \\<script\\>alert(1)\\</script\\>");
    expect(lines[2]).toContain("s'approvisionne \\| en puces auprès de Huawei");
    expect(lines[2]).toContain("| Reuters; article | reported | 2024 |");
  });

  it("writes an HTML page whose text is escaped", () => {
    const html = evidenceTableHtml(graph, "Evidence <1>");
    expect(html).toContain("<title>Evidence &lt;1&gt;</title>");
    expect(html).not.toContain("<script>");
    expect(html).toContain('<td lang="fr">');
  });

  it("marks each quote with its own language, and none where the relationship does not say", () => {
    const withQuote = (props: Record<string, string>, without: string[] = []): Graph => ({
      ...graph,
      edges: graph.edges.map((item) => {
        if (item.data.id !== "e1") return item;
        const kept = Object.entries(item.data.props).filter(([key]) => !without.includes(key));
        return { data: { ...item.data, props: { ...Object.fromEntries(kept), ...props } } };
      }),
    });
    const english = evidenceTableHtml(withQuote({ evidence: "ByteDance buys chips", evidence_lang: "en" }), "x");
    expect(english).not.toContain('lang="fr"');
    expect(english).toContain('<td lang="en">ByteDance buys chips</td>');
    const unsaid = evidenceTableHtml(withQuote({ evidence: "字节跳动" }, ["evidence_lang"]), "x");
    expect(unsaid).toContain("<td>字节跳动</td>");
    const hostile = evidenceTableHtml(withQuote({ evidence_lang: 'fr" onmouseover="x' }), "x");
    expect(hostile).not.toContain("onmouseover");
  });
});

describe("exportFilename", () => {
  it("says what the file holds, with the date", () => {
    const date = new Date("2026-11-28T12:00:00Z");
    expect(exportFilename({ subject: "ByteDance", what: "neighbourhood", date, extension: "png" })).toBe(
      "bytedance-neighbourhood-2026-11-28.png",
    );
    expect(exportFilename({ subject: "华为 Technologies", what: "view", date, extension: "svg" })).toBe(
      "华为-technologies-view-2026-11-28.svg",
    );
  });
});
