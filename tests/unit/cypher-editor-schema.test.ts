import { describe, expect, it } from "vitest";
import { parseSignature, toEditorSchema } from "../../client/src/workbench/editor/editor-schema";
import type { GraphSchemaInfo } from "../../contract/graph-contract";

const info: GraphSchemaInfo = {
  labels: [{ label: "Company", count: 8 }],
  relationshipTypes: [{ type: "SOURCES_FROM", count: 1 }],
  nodeProperties: { Company: ["name", "id"] },
  relationshipProperties: { SOURCES_FROM: ["certainty", "sources"] },
  propertyKeys: ["id", "name"],
  procedures: [{ name: "db.labels", signature: "db.labels() :: (label :: STRING)", description: "Lists labels." }],
  functions: [{ name: "toLower", signature: "toLower(input :: STRING) :: STRING", description: "Lower case." }],
};

describe("toEditorSchema", () => {
  it("gives Neo4j's language support the labels, types, every property key once and the parameter names", () => {
    const schema = toEditorSchema(info, ["source"]);
    expect(schema.labels).toEqual(["Company"]);
    expect(schema.relationshipTypes).toEqual(["SOURCES_FROM"]);
    expect(schema.propertyKeys).toEqual(["certainty", "id", "name", "sources"]);
    expect(schema.parameters).toEqual({ source: null });
  });

  it("registers the routines for Cypher 5 and 25, with a procedure's YIELD columns read from its signature", () => {
    const schema = toEditorSchema(info);
    for (const version of ["CYPHER 5", "CYPHER 25"]) {
      const procedure = schema.procedures?.[version]?.["db.labels"];
      expect(procedure?.returnDescription.map(({ name, type }) => [name, type])).toEqual([["label", "STRING"]]);
      const fn = schema.functions?.[version]?.toLower;
      expect(fn?.argumentDescription.map(({ name, type }) => [name, type])).toEqual([["input", "STRING"]]);
      expect(fn?.returnDescription).toBe("STRING");
    }
    expect(schema.parameters).toEqual({});
  });
});

describe("parseSignature", () => {
  it("splits arguments with defaults and results of a procedure", () => {
    const parsed = parseSignature(
      "db.index.fulltext.queryNodes(indexName :: STRING, queryString :: STRING, options = {} :: MAP) :: (node :: NODE, score :: FLOAT)",
    );
    expect(parsed.args.map((arg) => arg.name)).toEqual(["indexName", "queryString", "options"]);
    expect(parsed.args[2]?.default).toBe("{}");
    expect(parsed.results).toEqual([
      { name: "node", type: "NODE" },
      { name: "score", type: "FLOAT" },
    ]);
  });

  it("reads a function's list types and an empty or broken signature", () => {
    expect(parseSignature("size(input :: LIST<ANY>) :: INTEGER")).toEqual({
      args: [{ name: "input", type: "LIST<ANY>" }],
      results: [],
      returns: "INTEGER",
    });
    expect(parseSignature("pi() :: FLOAT").args).toEqual([]);
    expect(parseSignature("datetime(input = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: ZONED DATETIME").args).toEqual([
      { name: "input", type: "ANY", default: "DEFAULT_TEMPORAL_ARGUMENT" },
    ]);
    expect(parseSignature("nonsense")).toEqual({ args: [], results: [], returns: "" });
  });
});
