import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { judge } from "../../scripts/licences/licence-check";
import { projectRoot } from "../../scripts/project-root";

describe("judge", () => {
  it.each([
    ["MIT", "permissive"],
    ["Apache-2.0", "permissive"],
    ["(MIT OR GPL-3.0-or-later)", "permissive"],
    ["(MIT AND Zlib)", "permissive"],
    ["(MIT AND GPL-2.0-only)", "copyleft"],
    ["GPL-3.0", "copyleft"],
    ["AGPL-3.0-only", "copyleft"],
    ["LGPL-2.1-or-later", "copyleft"],
    ["SSPL-1.0", "copyleft"],
    ["GPL-2.0-only WITH Classpath-exception-2.0", "copyleft"],
    ["(GPL-3.0 OR AGPL-3.0)", "copyleft"],
    ["MPL-2.0", "unknown"],
    ["SEE LICENSE IN LICENSE.txt", "unknown"],
    ["UNLICENSED", "unknown"],
    ["", "unknown"],
    [undefined, "unknown"],
  ])("%s is %s", (licence, verdict) => {
    expect(judge(licence)).toBe(verdict);
  });
});

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

interface FixturePackage {
  name: string;
  license?: string;
  dev?: boolean;
}

/** A project on disk: a lockfile, installed packages, and a list of the bundle's modules. */
function fixture(packages: FixturePackage[], bundled: string[]): { root: string; modules: string } {
  const root = mkdtempSync(join(tmpdir(), "licence-check-"));
  scratch = root;
  const lock: Record<string, unknown> = { "": { name: "fixture", version: "1.0.0", license: "Apache-2.0" } };
  for (const item of packages) {
    const path = `node_modules/${item.name}`;
    lock[path] = {
      version: "1.2.3",
      ...(item.license ? { license: item.license } : {}),
      ...(item.dev ? { dev: true } : {}),
    };
    mkdirSync(join(root, path), { recursive: true });
    writeFileSync(
      join(root, path, "package.json"),
      JSON.stringify({ name: item.name, version: "1.2.3", ...(item.license ? { license: item.license } : {}) }),
    );
    writeFileSync(join(root, path, "index.js"), "export default 1;\n");
  }
  writeFileSync(join(root, "package-lock.json"), JSON.stringify({ lockfileVersion: 3, packages: lock }));
  const modules = join(root, "modules.json");
  writeFileSync(
    modules,
    JSON.stringify([
      join(root, "client", "main.ts"),
      ...bundled.map((name) => join(root, "node_modules", name, "index.js")),
    ]),
  );
  return { root, modules };
}

function check(root: string, modules: string, ...extra: string[]) {
  return spawnSync(
    join(projectRoot, "node_modules", ".bin", "tsx"),
    [join(projectRoot, "scripts", "check-licences.ts"), "--root", root, "--modules", modules, ...extra],
    { encoding: "utf8", timeout: 60_000 },
  );
}

describe("npm run licences", () => {
  it("passes a tree of permissive packages and lists each with where it ships", () => {
    const { root, modules } = fixture(
      [
        { name: "left-pad-ish", license: "MIT" },
        { name: "@scope/tool", license: "(MIT OR Apache-2.0)" },
        { name: "test-only-gpl", license: "GPL-3.0-only", dev: true },
      ],
      ["left-pad-ish"],
    );
    const result = check(root, modules);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("left-pad-ish@1.2.3  MIT  [bundle, production]");
    expect(result.stdout).toContain("@scope/tool@1.2.3  (MIT OR Apache-2.0)  [production]");
    // A development-only package ships nowhere, whatever its licence.
    expect(result.stdout).not.toContain("test-only-gpl");
    expect(result.stdout).toMatch(/2 shipped packages, all under permissive licences/);
  });

  it("fails on a GPL production dependency, on an LGPL package in the bundle, and on an undeclared licence", () => {
    const { root, modules } = fixture(
      [
        { name: "fine", license: "ISC" },
        { name: "gpl-server-lib", license: "GPL-3.0-or-later" },
        { name: "lgpl-widget", license: "LGPL-3.0-only", dev: true },
        { name: "mystery", license: undefined },
      ],
      ["fine", "lgpl-widget"],
    );
    const result = check(root, modules, "--quiet");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("COPYLEFT: gpl-server-lib@1.2.3  GPL-3.0-or-later  [production]");
    expect(result.stderr).toContain("COPYLEFT: lgpl-widget@1.2.3  LGPL-3.0-only  [bundle]");
    expect(result.stderr).toContain("UNKNOWN LICENCE: mystery@1.2.3  (no licence declared)  [production]");
    expect(result.stderr).toMatch(/3 of 4 shipped packages fail the licence check/);
  });

  it("lets a reviewed exception through, with its reason, and refuses an entry without one", () => {
    const { root, modules } = fixture([{ name: "gpl-server-lib", license: "GPL-3.0-or-later" }], []);
    const allowList = join(root, "allow.json");
    writeFileSync(
      allowList,
      JSON.stringify({
        exceptions: [
          {
            package: "gpl-server-lib",
            version: "1.2.3",
            licence: "GPL-3.0-or-later",
            reason: "Fictional: runs as a separate process, never linked.",
          },
        ],
      }),
    );
    const allowed = check(root, modules, "--allow-list", allowList);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain("gpl-server-lib@1.2.3 (GPL-3.0-or-later): Fictional: runs as a separate process");

    writeFileSync(
      allowList,
      JSON.stringify({ exceptions: [{ package: "gpl-server-lib", version: "*", licence: "GPL-3.0-or-later" }] }),
    );
    const refused = check(root, modules, "--allow-list", allowList);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/exception 1 needs a non-empty "reason"/);
  });
});
