/**
 * `npm test` runs the unit, integration, e2e and faults projects at the same time: two test files
 * starting a private Neo4j on the same Bolt port collide ("port taken by another program") whenever
 * the scheduler happens to overlap them. Each file that starts one must own its port.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/project-root";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** Every `startPrivateNeo4j`/`privateNeo4j` option with a literal port, by file. */
function portsInUse(): Map<number, string[]> {
  const users = new Map<number, string[]>();
  for (const file of sourceFiles(join(projectRoot, "tests"))) {
    if (file.includes(`${join("tests", "unit")}`)) continue;
    for (const match of readFileSync(file, "utf8").matchAll(/boltPort:\s*(\d{4,5})/g)) {
      const port = Number(match[1]);
      users.set(port, [...(users.get(port) ?? []), relative(projectRoot, file)]);
    }
  }
  return users;
}

describe("private Neo4j ports of the test suite", () => {
  it("finds the test files that start one (the scan itself works)", () => {
    expect(portsInUse().size).toBeGreaterThan(10);
  });

  it("gives each test file its own Bolt port, none of them the project's 7687 or the bench's 7688", () => {
    const shared = [...portsInUse()].filter(([port, files]) => files.length > 1 || port === 7687 || port === 7688);
    expect(shared).toEqual([]);
  });
});
