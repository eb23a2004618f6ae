/**
 * A folder's TypeScript import graph, read from its sources as text: for the import-rule guards
 * (floors, cycles, which folder may use a package at run time).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export interface Import {
  target: string;
  typeOnly: boolean;
}

/** Every .ts file under `dir` (declaration files left out). */
export function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Every `import ... from "x"` and `export ... from "x"`, with whether it brings types only. */
export function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const found: Import[] = [];
  const pattern = /^(import|export)\s+([^;]*?)\s*from\s+"([^"]+)"/gms;
  for (const match of text.matchAll(pattern)) {
    const clause = (match[2] ?? "").trim();
    const named = /^\{([^}]*)\}$/s.exec(clause)?.[1];
    const namedTypes = named
      ?.split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .every((part) => part.startsWith("type "));
    const typeOnly = clause.startsWith("type ") || namedTypes === true;
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

/** The import graph of the files under `root`, type-only imports included: a cycle of types still ties two folders together. */
export function importGraph(root: string): Map<string, string[]> {
  const files = sources(root);
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

/** The same graph between groups of files (their folders, say): `groupOf` names each file's group. */
export function groupGraph(graph: ReadonlyMap<string, readonly string[]>, groupOf: (file: string) => string) {
  const groups = new Map<string, string[]>();
  for (const [file, targets] of graph) {
    const from = groupOf(file);
    const edges = new Set(groups.get(from) ?? []);
    for (const target of targets) if (groupOf(target) !== from) edges.add(groupOf(target));
    groups.set(from, [...edges]);
  }
  return groups;
}

/** Each cycle once, as the nodes along it (Tarjan's strongly connected components of size 2+). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
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
