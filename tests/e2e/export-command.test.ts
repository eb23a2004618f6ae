import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/project-root";

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "export-command-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runExport(...args: string[]) {
  return spawnSync(
    join(projectRoot, "node_modules", ".bin", "tsx"),
    [join(projectRoot, "scripts", "export.ts"), ...args],
    {
      cwd: projectRoot,
      encoding: "utf8",
      timeout: 120_000,
    },
  );
}

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
