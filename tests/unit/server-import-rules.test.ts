import { relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cycles, groupGraph, importGraph, importsOf, sources } from "../support/import-graph";

/**
 * The server's floors, read from its sources: `neo4j-driver` used at run time only in `neo4j/`
 * (type-only imports may cross), and no import cycle between files or between folders. Fails with
 * the offending files, so a move that breaks a rule says where.
 */
const ROOT = resolve(import.meta.dirname, "../../server/src");
const short = (file: string) => relative(ROOT, file);
/** A file's folder under server/src; files at the top (create-app.ts, main.ts) are the composition root. */
const folderOf = (file: string) => (short(file).includes("/") ? (short(file).split("/")[0] as string) : "(root)");

/**
 * The server's floors, lowest first (docs/architecture.md): a folder imports only from floors
 * below its own. `graph/` sits above `claims/` because the graph's reads on as-of dates use the
 * claims' rules; `routes/` get repositories and `http/` plumbing; the root files compose.
 */
const FLOORS: readonly (readonly string[])[] = [
  ["config", "errors", "logging"],
  ["neo4j", "http"],
  // vocabulary/ (the relationship types, RelationshipType nodes) beside the other stored records.
  // audit/ (the audit trail's AuditEvent nodes) too.
  ["claims", "views", "cypher", "vocabulary", "audit"],
  // sources/ (reading articles into proposed claims) uses the claims' name folding; drafts/ (an
  // article under review, committed as a claims file) uses it too.
  ["graph", "sources", "drafts"],
  // timeline/ (the story over time: the timeline, the changes between two dates, the watches) reads
  // the claims and their origins.
  ["timeline"],
  // articles/ (the Sources view's reads) sits beside them.
  ["articles"],
  // openapi/ (the OpenAPI document and /api/docs, built from the endpoint table) registers routes as routes/ do.
  ["routes", "openapi"],
  // auth/ (accounts: users, sessions, keys, their routes); the access gate every route runs is in http/.
  ["auth"],
  ["(root)"],
];
const floorOf = (folder: string) => FLOORS.findIndex((floor) => floor.includes(folder));

describe("server import rules", () => {
  it("puts every folder on a floor", () => {
    const folders = [...new Set(sources(ROOT).map(folderOf))];
    expect(folders.filter((folder) => floorOf(folder) === -1)).toEqual([]);
  });

  it("imports only from floors below a folder's own", () => {
    const upward = [...groupGraph(importGraph(ROOT), folderOf)].flatMap(([folder, targets]) =>
      targets.filter((target) => floorOf(target) >= floorOf(folder)).map((target) => `${folder} -> ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it("imports neo4j-driver at run time only in neo4j/", () => {
    const outside = sources(ROOT)
      .filter((file) => folderOf(file) !== "neo4j")
      .filter((file) => importsOf(file).some((item) => item.target === "neo4j-driver" && !item.typeOnly))
      .map(short);
    expect(outside).toEqual([]);
  });

  it("has no import cycle between files", () => {
    const found = cycles(importGraph(ROOT)).map((component) => component.map(short).sort());
    expect(found).toEqual([]);
  });

  it("has no import cycle between folders", () => {
    const found = cycles(groupGraph(importGraph(ROOT), folderOf)).map((component) => component.sort());
    expect(found).toEqual([]);
  });
});
