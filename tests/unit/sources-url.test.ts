import { describe, expect, it } from "vitest";
import { readSourcesLocation, writeSourcesLocation } from "../../client/src/sources/sources-url";

describe("the Sources view in the URL's query string", () => {
  it("reads the list, an article, or nothing", () => {
    expect(readSourcesLocation("?sources")).toEqual({ kind: "list" });
    expect(readSourcesLocation("?article=fictional-a%2Fb")).toEqual({ kind: "article", id: "fictional-a/b" });
    expect(readSourcesLocation("")).toEqual({ kind: "closed" });
    expect(readSourcesLocation("?article=")).toEqual({ kind: "closed" });
  });

  it("writes what is shown and keeps the other parameters", () => {
    expect(writeSourcesLocation("?lang=fr&sources", { kind: "article", id: "a b" })).toBe("?lang=fr&article=a%20b");
    expect(writeSourcesLocation("?article=x", { kind: "list" })).toBe("?sources");
    expect(writeSourcesLocation("?article=x", { kind: "closed" })).toBe("");
    const id = "fictional-é/1";
    expect(readSourcesLocation(writeSourcesLocation("", { kind: "article", id }))).toEqual({ kind: "article", id });
  });
});
