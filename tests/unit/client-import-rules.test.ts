import { relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cycles, importGraph, importsOf, sources } from "../support/import-graph";

/**
 * The client's floors, read from its sources: no import cycle, and `cytoscape` used at run time only in
 * `canvas/` (type-only imports may cross). Fails with the offending files, so a move that breaks a rule
 * says where.
 */
const ROOT = resolve(import.meta.dirname, "../../client/src");

const short = (file: string) => relative(ROOT, file);

describe("client import rules", () => {
  it("has no import cycle", () => {
    const found = cycles(importGraph(ROOT)).map((component) => component.map(short).sort());
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
