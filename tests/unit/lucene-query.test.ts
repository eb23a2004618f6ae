import { describe, expect, it } from "vitest";
import { fuzzyEdits, luceneNearQuery, luceneQuery } from "../../server/src/graph/lucene-query";

describe("luceneQuery", () => {
  it("matches each word exactly (boosted most), as a prefix or with typos, all words required", () => {
    expect(luceneQuery("Huawei asc")).toBe("(huawei^4 OR huawei*^2 OR huawei~2) AND (asc^4 OR asc*^2)");
  });

  it("forgives no typo in short words, one in words of 4 or 5 characters, two from 6", () => {
    expect([fuzzyEdits("h20"), fuzzyEdits("meta"), fuzzyEdits("apple"), fuzzyEdits("huawie")]).toEqual([0, 1, 1, 2]);
  });

  it("escapes every Lucene special character so typed input cannot break the query", () => {
    expect(luceneQuery('a+b (c) "d" e:f')).toBe(
      '(a\\+b^4 OR a\\+b*^2) AND (\\(c\\)^4 OR \\(c\\)*^2) AND (\\"d\\"^4 OR \\"d\\"*^2) AND (e\\:f^4 OR e\\:f*^2)',
    );
  });

  it("keeps typed boolean operators from acting as operators", () => {
    expect(luceneQuery("AND")).toBe("(and^4 OR and*^2)");
  });

  it("gives an empty query for blank input", () => {
    expect(luceneQuery("   ")).toBe("");
    expect(luceneNearQuery("  ")).toBe("");
  });

  it("asks for any word near a typed word when suggesting names", () => {
    expect(luceneNearQuery("huwaei xy tech")).toBe("huwaei~2 OR tech~2");
  });
});
