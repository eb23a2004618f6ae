import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";

/** Licences that ask nothing of a distributor beyond keeping notices: fine in what the project ships. */
export const PERMISSIVE = new Set([
  "0BSD",
  "Apache-2.0",
  "BlueOak-1.0.0",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "CC0-1.0",
  "CC-BY-3.0",
  "CC-BY-4.0",
  "ISC",
  "MIT",
  "MIT-0",
  "Python-2.0",
  "Unlicense",
  "WTFPL",
  "Zlib",
]);

/** Copyleft licences that must not be in what the project distributes (GPL family, SSPL). */
const COPYLEFT = /\b(A|L)?GPL|\bSSPL\b/i;

export type Verdict = "permissive" | "copyleft" | "unknown";

/** A licence field, or an SPDX expression, judged: any side of OR may be chosen, every side of AND applies. */
export function judge(licence: string | undefined): Verdict {
  const text = (licence ?? "").trim();
  if (text === "") return "unknown";
  const inner = stripParens(text);
  const either = splitTop(inner, "OR");
  if (either.length > 1) {
    const verdicts = either.map(judge);
    if (verdicts.includes("permissive")) return "permissive";
    return verdicts.includes("copyleft") ? "copyleft" : "unknown";
  }
  const both = splitTop(inner, "AND");
  if (both.length > 1) {
    const verdicts = both.map(judge);
    if (verdicts.includes("copyleft")) return "copyleft";
    return verdicts.every((verdict) => verdict === "permissive") ? "permissive" : "unknown";
  }
  if (COPYLEFT.test(inner)) return "copyleft";
  // "GPL-2.0 WITH Classpath-exception-2.0" was caught above; an exception on a permissive licence changes nothing.
  const base = inner.split(/\s+WITH\s+/)[0]?.replace(/\+$/, "") ?? "";
  return PERMISSIVE.has(base) ? "permissive" : "unknown";
}

function stripParens(text: string): string {
  let inner = text;
  while (inner.startsWith("(") && inner.endsWith(")")) {
    const candidate = inner.slice(1, -1).trim();
    if (!balanced(candidate)) break;
    inner = candidate;
  }
  return inner;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === "(") depth += 1;
    if (char === ")") depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Splits at an operator outside parentheses. */
function splitTop(text: string, operator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const pattern = new RegExp(`^\\s+${operator}\\s+`);
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === "(") depth += 1;
    else if (char === ")") depth -= 1;
    else if (depth === 0) {
      const match = pattern.exec(text.slice(index));
      if (match) {
        parts.push(text.slice(start, index).trim());
        index += match[0].length - 1;
        start = index + 1;
      }
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((part) => part !== "");
}

/** The licence a package.json declares: `license`, or the old `licenses` list / object. */
export function declaredLicence(manifest: Record<string, unknown>): string | undefined {
  const { license, licenses } = manifest;
  if (typeof license === "string") return license;
  if (license && typeof license === "object" && typeof (license as { type?: unknown }).type === "string") {
    return (license as { type: string }).type;
  }
  if (Array.isArray(licenses)) {
    const types = licenses
      .map((item) => (item && typeof item === "object" ? (item as { type?: unknown }).type : item))
      .filter((item): item is string => typeof item === "string");
    if (types.length > 0) return types.length === 1 ? types[0] : `(${types.join(" OR ")})`;
  }
  return undefined;
}

export interface PackageLicence {
  name: string;
  version: string;
  licence: string | undefined;
  /** Where the project ships it: the server's production dependencies, the browser bundle, or both. */
  shippedIn: Set<"production" | "bundle">;
}

export interface AllowListEntry {
  package: string;
  /** An exact version, or "*" for any. */
  version: string;
  licence: string;
  reason: string;
}

export interface LicenceReport {
  packages: PackageLicence[];
  /** Packages that fail: copyleft or unknown, and not on the allow-list. */
  failures: Array<PackageLicence & { verdict: Verdict }>;
  /** Allow-list entries that were used, and those that match nothing (stale). */
  allowed: AllowListEntry[];
  stale: AllowListEntry[];
}

interface LockEntry {
  name?: string;
  version?: string;
  license?: string;
  dev?: boolean;
  link?: boolean;
}

/**
 * Every package of the production tree (package-lock.json, all depths, dev-only packages left out),
 * with its licence from its installed package.json (the lock's copy when it is not installed).
 */
export function productionPackages(root: string): Map<string, PackageLicence> {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
    packages?: Record<string, LockEntry>;
  };
  if (!lock.packages) throw new Error("package-lock.json has no `packages` (lockfile version 2 or later is needed)");
  const found = new Map<string, PackageLicence>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === "" || entry.dev || entry.link) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    const manifest = readManifest(join(root, path));
    const version = String(manifest?.version ?? entry.version ?? "?");
    const licence = (manifest && declaredLicence(manifest)) ?? entry.license;
    add(found, { name, version, licence, shippedIn: new Set(["production"]) });
  }
  return found;
}

/**
 * The packages whose files a bundle holds, from its module ids (absolute paths, or "\0"-prefixed
 * helpers of the bundler, which come from Vite). The project's own files are left out.
 */
export function bundlePackages(root: string, moduleIds: readonly string[]): Map<string, PackageLicence> {
  const found = new Map<string, PackageLicence>();
  for (const raw of moduleIds) {
    const id = raw.split("?")[0] ?? raw;
    let directory: string | undefined;
    if (id.startsWith("\0") || !isAbsolute(id)) directory = join(root, "node_modules", "vite");
    else {
      const marker = `${sep}node_modules${sep}`;
      const at = id.lastIndexOf(marker);
      if (at < 0) continue;
      const after = id.slice(at + marker.length).split(sep);
      const depth = after[0]?.startsWith("@") ? 2 : 1;
      directory = join(id.slice(0, at + marker.length), ...after.slice(0, depth));
    }
    const manifest = readManifest(directory);
    const name = String(manifest?.name ?? relative(join(root, "node_modules"), directory));
    add(found, {
      name,
      version: String(manifest?.version ?? "?"),
      licence: manifest ? declaredLicence(manifest) : undefined,
      shippedIn: new Set(["bundle"]),
    });
  }
  return found;
}

function readManifest(directory: string): Record<string, unknown> | undefined {
  const file = join(directory, "package.json");
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
}

function add(found: Map<string, PackageLicence>, item: PackageLicence): void {
  const key = `${item.name}@${item.version}`;
  const known = found.get(key);
  if (known) for (const place of item.shippedIn) known.shippedIn.add(place);
  else found.set(key, item);
}

/** Joins the lists, judges every package and applies the allow-list. */
export function licenceReport(
  lists: ReadonlyArray<Map<string, PackageLicence>>,
  allowList: readonly AllowListEntry[],
): LicenceReport {
  const merged = new Map<string, PackageLicence>();
  for (const list of lists) {
    for (const item of list.values()) add(merged, { ...item, shippedIn: new Set(item.shippedIn) });
  }
  const packages = [...merged.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
  const used = new Set<AllowListEntry>();
  const failures: LicenceReport["failures"] = [];
  for (const item of packages) {
    const verdict = judge(item.licence);
    if (verdict === "permissive") continue;
    const entry = allowList.find(
      (candidate) =>
        candidate.package === item.name &&
        (candidate.version === "*" || candidate.version === item.version) &&
        candidate.licence === (item.licence ?? ""),
    );
    if (entry) used.add(entry);
    else failures.push({ ...item, verdict });
  }
  return {
    packages,
    failures,
    allowed: allowList.filter((entry) => used.has(entry)),
    stale: allowList.filter((entry) => !used.has(entry)),
  };
}

/** Reads and checks the allow-list file: each entry names a package, a version, the licence and why. */
export function readAllowList(file: string): AllowListEntry[] {
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { exceptions?: unknown };
  const entries = Array.isArray(parsed.exceptions) ? parsed.exceptions : [];
  return entries.map((entry, index) => {
    const item = entry as Partial<AllowListEntry>;
    for (const field of ["package", "version", "licence", "reason"] as const) {
      if (typeof item[field] !== "string" || item[field].trim() === "") {
        throw new Error(`${file}: exception ${index + 1} needs a non-empty "${field}"`);
      }
    }
    return item as AllowListEntry;
  });
}
