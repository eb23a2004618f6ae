import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The client's floors, read from its sources: no import cycle, and `cytoscape` used at run time only in
 * `canvas/` (type-only imports may cross). Fails with the offending files, so a move that breaks a rule
 * says where.
 */
const ROOT = resolve(import.meta.dirname, "../../client/src");

interface Import {
  target: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Every `import ... from "x"` and `export ... from "x"`, with whether it brings types only. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const found: Import[] = [];
  const pattern = /^(import|export)\s+([^;]*?)\s*from\s+"([^"]+)"/gms;
  for (const match of text.matchAll(pattern)) {
    const clause = (match[2] ?? "").trim();
    const named = /^\{([^}]*)\}$/s.exec(clause)?.[1];
    const typeOnly =
      clause.startsWith("type ") ||
      named
        ?.split(",")
        .map((part) => part.trim())
        .filter(Boolean)
        .every((part) => part.startsWith("type ")) === true;
    found.push({ target: match[3] ?? "", typeOnly });
  }
  for (const match of text.matchAll(/^import\s+"([^"]+)"/gm)) found.push({ target: match[1] ?? "", typeOnly: false });
  return found;
}

function resolveLocal(from: string, target: string, known: ReadonlySet<string>): string | null {
  if (!target.startsWith(".")) return null;
  const base = resolve(dirname(from), target);
  for (const candidate of [`${base}.ts`, join(base, "index.ts")]) if (known.has(candidate)) return candidate;
  return null;
}

/** The client's import graph, type-only imports included: a cycle of types still ties two folders together. */
function importGraph(): Map<string, string[]> {
  const files = sources(ROOT);
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      importsOf(file)
        .map((item) => resolveLocal(file, item.target, known))
        .filter((target): target is string => target !== null),
    ]),
  );
}

/** Each cycle once, as the files along it (Tarjan's strongly connected components of size 2+). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, indices.get(next) ?? 0));
    }
    if (low.get(node) !== indices.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component);
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

const short = (file: string) => relative(ROOT, file);

describe("client import rules", () => {
  it("has no import cycle", () => {
    const found = cycles(importGraph()).map((component) => component.map(short).sort());
    expect(found).toEqual([]);
  });

  it("imports cytoscape at run time only in canvas/", () => {
    const outside = sources(ROOT)
      .filter((file) => !short(file).startsWith("canvas/"))
      .filter((file) => importsOf(file).some((item) => item.target.startsWith("cytoscape") && !item.typeOnly))
      .map(short);
    expect(outside).toEqual([]);
  });
});
