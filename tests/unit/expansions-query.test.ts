import { describe, expect, it } from "vitest";
import { expansionsQuery } from "../../server/src/graph/graph-queries";

describe("expansionsQuery", () => {
  it("writes each relationship type as a quoted name and sends it as a parameter", () => {
    const query = expansionsQuery(["DEVELOPS", "ODD`TYPE"]);
    expect(query).toContain("{type: $types[0], out: COUNT { (n)-[:`DEVELOPS`]->() }");
    expect(query).toContain("in: COUNT { (n)<-[:`ODD``TYPE`]-() }");
    expect(query).toContain("{type: $types[1],");
  });

  it("counts no type at all before it knows the database's types", () => {
    expect(expansionsQuery([])).toContain("UNWIND [] AS row");
  });
});
