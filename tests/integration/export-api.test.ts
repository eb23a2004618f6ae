import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import cytoscape from "cytoscape";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema, graphSchema } from "../../contract/graph-contract";
import { getJson, type RunningApp, startTestApp } from "../support/test-app";

let app: RunningApp;
let scratch: string;
beforeAll(async () => {
  app = await startTestApp();
  scratch = mkdtempSync(join(tmpdir(), "export-"));
});
afterAll(async () => {
  await app.close();
  rmSync(scratch, { recursive: true, force: true });
});

const download = async (query: string) => {
  const response = await fetch(`${app.baseUrl}/api/export?${query}`);
  return { status: response.status, headers: response.headers, text: await response.text() };
};

/** What networkx, a tool not written here, makes of a GraphML file. */
function readWithNetworkx(graphml: string): { nodes: number; edges: number; bytedance: Record<string, unknown> } {
  const file = join(scratch, "graph.graphml");
  writeFileSync(file, graphml);
  const script = [
    "import json, sys, networkx as nx",
    "g = nx.read_graphml(sys.argv[1])",
    "print(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'bytedance': g.nodes.get('bytedance', {})}))",
  ].join("\n");
  const result = spawnSync("python3", ["-c", script, file], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout);
}

describe("GET /api/export", () => {
  it("GraphML of the whole graph opens in networkx with the same counts as the graph endpoint", async () => {
    const graph = graphSchema.parse((await getJson(`${app.baseUrl}/api/graph`)).body);
    const { status, headers, text } = await download("format=graphml");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/application\/graphml\+xml/);
    expect(headers.get("content-disposition")).toMatch(/attachment; filename="graph-all-\d{4}-\d{2}-\d{2}\.graphml"/);
    const read = readWithNetworkx(text);
    expect(read.nodes).toBe(graph.nodes.length);
    expect(read.edges).toBe(graph.edges.length);
    expect(read.bytedance).toMatchObject({ labels: "Company", name: "ByteDance" });
  });

  it("a node's neighbourhood with the neighbours endpoint's selection parameters", async () => {
    const { status, headers, text } = await download("format=graphml&node=bytedance&types=SOURCES_FROM&direction=out");
    expect(status).toBe(200);
    expect(headers.get("content-disposition")).toMatch(/filename="bytedance-neighbourhood-/);
    expect(readWithNetworkx(text)).toMatchObject({ nodes: 2, edges: 1 });
  });

  it("Cytoscape JSON re-imports into Cytoscape.js with the same elements", async () => {
    const graph = graphSchema.parse((await getJson(`${app.baseUrl}/api/graph`)).body);
    const cyjs = JSON.parse((await download("format=cyjs")).text);
    const cy = cytoscape({ headless: true, elements: cyjs.elements });
    expect(
      cy
        .nodes()
        .map((node) => node.id())
        .sort(),
    ).toEqual(graph.nodes.map((node) => node.data.id).sort());
    expect(cy.edges().length).toBe(graph.edges.length);
  });

  it("CSV of nodes and of relationships, with provenance columns", async () => {
    const nodes = await download("format=csv-nodes");
    expect(nodes.headers.get("content-type")).toMatch(/text\/csv/);
    expect(nodes.text.split("\r\n")[0]).toMatch(/^id,labels,caption,/);
    const edges = await download("format=csv-edges");
    expect(edges.text.split("\r\n")[0]).toMatch(
      /^id,source,target,type,certainty,sources,asOf,evidence,evidence_lang,evidence_en/,
    );
    expect(edges.text).toContain("bytedance-sources-from-huawei,bytedance,huawei,SOURCES_FROM,reported,");
  });

  it("the evidence table in Markdown and HTML quotes the French sentence and names the sources", async () => {
    const markdown = await download("format=markdown");
    expect(markdown.text).toContain("ByteDance — sources from → Huawei Technologies");
    expect(markdown.text).toContain("s'approvisionne en puces auprès de Huawei Technologies");
    expect(markdown.text).toMatch(/Reuters/);
    const html = await download("format=html");
    expect(html.headers.get("content-type")).toMatch(/text\/html/);
    expect(html.text).toContain('<td lang="fr">');
  });

  it("answers 400 VALIDATION for an unknown format and 404 for an unknown node", async () => {
    const unknown = await download("format=pdf");
    expect(unknown.status).toBe(400);
    expect(apiErrorSchema.parse(JSON.parse(unknown.text)).error.message).toMatch(/graphml, cyjs/);
    expect((await download("format=graphml&node=nobody")).status).toBe(404);
  });
});
