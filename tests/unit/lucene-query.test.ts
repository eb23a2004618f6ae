import { describe, expect, it } from "vitest";
import { luceneQuery } from "../../server/src/graph/lucene-query";

describe("luceneQuery", () => {
  it("matches each word exactly (boosted) or as a prefix, all words required", () => {
    expect(luceneQuery("Huawei asc")).toBe("(huawei^2 OR huawei*) AND (asc^2 OR asc*)");
  });

  it("escapes every Lucene special character so typed input cannot break the query", () => {
    expect(luceneQuery('a+b (c) "d" e:f')).toBe(
      '(a\\+b^2 OR a\\+b*) AND (\\(c\\)^2 OR \\(c\\)*) AND (\\"d\\"^2 OR \\"d\\"*) AND (e\\:f^2 OR e\\:f*)',
    );
  });

  it("keeps typed boolean operators from acting as operators", () => {
    expect(luceneQuery("AND")).toBe("(and^2 OR and*)");
  });

  it("gives an empty query for blank input", () => {
    expect(luceneQuery("   ")).toBe("");
  });
});
