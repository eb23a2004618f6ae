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

/**
 * The floors of the client, lowest first: a folder imports from its own floor and those below, never above
 * (types included). The API, small DOM helpers and the visual vocabulary; the canvas; the explorer's state
 * and commands; the features; main.ts, which wires them.
 */
const FLOORS: Readonly<Record<string, number>> = {
  api: 0,
  // auth/ (sign-in page, account page, account menu) beside the other features.
  auth: 3,
  dom: 0,
  look: 0,
  canvas: 1,
  explorer: 2,
  chrome: 3,
  claims: 3,
  export: 3,
  menu: 3,
  paths: 3,
  search: 3,
  sources: 3,
  // timeline/ (the story over time: strip, what changed, watches) beside the other features.
  timeline: 3,
  panels: 3,
  expand: 3,
  views: 3,
  vocabulary: 3,
  workbench: 3,
  "main.ts": 4,
};
const floorOf = (file: string) => FLOORS[short(file).split("/")[0] ?? ""];

describe("client import rules", () => {
  it("has no import cycle", () => {
    const found = cycles(importGraph(ROOT)).map((component) => component.map(short).sort());
    expect(found).toEqual([]);
  });

  it("puts every file on a floor, and no file imports from a floor above its own", () => {
    const graph = importGraph(ROOT);
    expect([...graph.keys()].filter((file) => floorOf(file) === undefined).map(short)).toEqual([]);
    const upward = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((target) => (floorOf(target) ?? 0) > (floorOf(file) ?? 0))
        .map((target) => `${short(file)} -> ${short(target)}`),
    );
    expect(upward).toEqual([]);
  });

  it("imports cytoscape at run time only in canvas/", () => {
    const outside = sources(ROOT)
      .filter((file) => !short(file).startsWith("canvas/"))
      .filter((file) => importsOf(file).some((item) => item.target.startsWith("cytoscape") && !item.typeOnly))
      .map(short);
    expect(outside).toEqual([]);
  });
});
