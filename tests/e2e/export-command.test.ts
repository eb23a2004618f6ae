import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/project-root";
import { loadAppConfig } from "../../server/src/config/app-config";
import { loadEnvFile } from "../../server/src/config/load-env-file";
import { createDriver } from "../../server/src/neo4j/create-driver";

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "export-command-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runExport(...args: string[]) {
  return runExportWith({}, ...args);
}

function runExportWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  return spawnSync(
    join(projectRoot, "node_modules", ".bin", "tsx"),
    [join(projectRoot, "scripts", "export.ts"), ...args],
    {
      cwd: projectRoot,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, ...env },
    },
  );
}

/** The views the command saved for its links: out of the shared database again. */
const savedIds: string[] = [];
afterAll(async () => {
  if (savedIds.length === 0) return;
  loadEnvFile(projectRoot);
  const driver = createDriver(loadAppConfig(process.env).neo4j);
  try {
    await driver.executeQuery("MATCH (v:SavedView) WHERE v.id IN $ids DELETE v", { ids: savedIds });
  } finally {
    await driver.close();
  }
});

/** Spread of grey levels: a blank or one-colour image has next to none. */
function greyVariance(png: PNG): number {
  let sum = 0;
  let sumOfSquares = 0;
  const pixels = png.width * png.height;
  for (let offset = 0; offset < png.data.length; offset += 4) {
    const grey = ((png.data[offset] ?? 0) + (png.data[offset + 1] ?? 0) + (png.data[offset + 2] ?? 0)) / 3;
    sum += grey;
    sumOfSquares += grey * grey;
  }
  const mean = sum / pixels;
  return sumOfSquares / pixels - mean * mean;
}

describe("npm run export", () => {
  it("renders the seed graph as an evidence-grade PNG headlessly", () => {
    const out = join(scratch, "seed.png");
    const result = runExport("--format", "png", "--scale", "1", "--out", out);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/Saved .*seed\.png \(graph-whole-\d{4}-\d{2}-\d{2}\.png\)/);
    const png = PNG.sync.read(readFileSync(out));
    expect(png.width).toBeGreaterThan(600);
    expect(png.height).toBeGreaterThan(400);
    expect(greyVariance(png)).toBeGreaterThan(100);
  });

  it("renders the answer of a query file, and twice the pixels at --scale 2", () => {
    const query = join(scratch, "q.cypher");
    writeFileSync(query, 'MATCH p = (:Company {id: "bytedance"})-[:SOURCES_FROM]->() RETURN p\n');
    const one = join(scratch, "one.png");
    const two = join(scratch, "two.png");
    expect(runExport("--format", "png", "--scale", "1", "--query", query, "--out", one).status).toBe(0);
    expect(runExport("--format", "png", "--scale", "2", "--query", query, "--out", two).status).toBe(0);
    const small = PNG.sync.read(readFileSync(one));
    const large = PNG.sync.read(readFileSync(two));
    expect(Math.abs(large.width - 2 * small.width)).toBeLessThanOrEqual(2);
  });

  it("links the Reproduce line to a saved view on PUBLIC_BASE_URL, never to its own passing port", () => {
    const bare = join(scratch, "bare.svg");
    const none = runExportWith({ PUBLIC_BASE_URL: "" }, "--format", "svg", "--out", bare);
    expect(none.stderr).toBe("");
    const words = readFileSync(bare, "utf8");
    savedIds.push(/\(id ([A-Za-z0-9-]+)\)/.exec(words)?.[1] ?? "");
    expect(words).toMatch(/Saved view “Export [^”]+” \(id [A-Za-z0-9-]+\); no PUBLIC_BASE_URL is set for a link/);
    expect(words).not.toMatch(/https?:\/\/127\.0\.0\.1:\d+/);

    const linked = join(scratch, "linked.svg");
    const titled = runExportWith(
      { PUBLIC_BASE_URL: "https://graph.example.org" },
      "--format",
      "svg",
      "--title",
      "Fictional annex",
      "--subtitle",
      "Draft for review",
      "--out",
      linked,
    );
    expect(titled.stderr).toBe("");
    const text = readFileSync(linked, "utf8");
    savedIds.push(/#saved=([A-Za-z0-9-]+)/.exec(text)?.[1] ?? "");
    expect(text).toMatch(/https:\/\/graph\.example\.org\/#saved=[A-Za-z0-9-]+/);
    expect(text).toContain(">Fictional annex<");
    expect(text).toContain(">Draft for review<");
  });

  it("writes GEXF and XLSX that networkx and openpyxl open", () => {
    const gexf = join(scratch, "seed.gexf");
    const xlsx = join(scratch, "seed.xlsx");
    expect(runExport("--format", "gexf", "--out", gexf).stderr).toBe("");
    expect(runExport("--format", "xlsx", "--out", xlsx).stderr).toBe("");
    const script = [
      "import json, sys, warnings, networkx as nx, openpyxl",
      "warnings.filterwarnings('ignore', message='Workbook contains no default style')",
      "g = nx.read_gexf(sys.argv[1])",
      "wb = openpyxl.load_workbook(sys.argv[2])",
      "starts = sorted(d['start'] for _, _, d in g.edges(data=True) if 'start' in d)",
      "print(json.dumps({'nodes': g.number_of_nodes(), 'mode': g.graph.get('mode'), 'starts': starts, 'sheets': wb.sheetnames, 'rows': wb['Nodes'].max_row - 1}))",
    ].join("\n");
    const read = spawnSync("/usr/bin/python3", ["-c", script, gexf, xlsx], { encoding: "utf8" });
    expect(read.stderr).toBe("");
    const answer = JSON.parse(read.stdout) as {
      nodes: number;
      mode: string;
      starts: string[];
      sheets: string[];
      rows: number;
    };
    expect(answer.sheets).toEqual(["Nodes", "Relationships", "Claims"]);
    expect(answer.nodes).toBeGreaterThan(10);
    // Gephi's timeline: the seed's relationships start on their first report, as days.
    expect(answer.mode).toBe("dynamic");
    expect(answer.starts.length).toBeGreaterThan(5);
    for (const start of answer.starts) expect(start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(answer.rows).toBe(answer.nodes);
  });

  it("refuses a write query and an unknown format with a one-line cause", () => {
    const write = join(scratch, "write.cypher");
    writeFileSync(write, "CREATE (n:Intruder)");
    const refused = runExport("--format", "png", "--query", write, "--out", join(scratch, "x.png"));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^export: the query failed: WRITE_FORBIDDEN/);
    const unknown = runExport("--format", "tiff", "--out", join(scratch, "x.tiff"));
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^export: --format must be one of/);
  });
});
