import { describe, expect, it } from "vitest";
import { formatParams, parseParams } from "../../client/src/workbench/editor/parse-params";
import { libraryQueryBody, paramField, readParam } from "../../client/src/workbench/library/param-fields";

describe("parseParams", () => {
  it("reads a JSON object, and blank as no parameters", () => {
    expect(parseParams('{"source": "reuters", "limit": 5}')).toEqual({
      ok: true,
      params: { source: "reuters", limit: 5 },
    });
    expect(parseParams("  \n")).toEqual({ ok: true, params: {} });
  });

  it("refuses invalid JSON with the parser's reason", () => {
    const parsed = parseParams('{"source": reuters}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^Parameters are not valid JSON: /);
  });

  it("refuses JSON that is not an object", () => {
    for (const text of ["[1, 2]", "42", "null", '"x"']) {
      const parsed = parseParams(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/must be a JSON object/);
    }
  });

  it("formats params back for the editor", () => {
    expect(formatParams({})).toBe("{}");
    expect(formatParams({ source: "engadget" })).toBe('{\n  "source": "engadget"\n}');
  });
});

describe("library parameter fields", () => {
  it("chooses the input from the example value", () => {
    expect(paramField("limit", 200)).toEqual({ name: "limit", kind: "number", initial: "200" });
    expect(paramField("source", "reuters")).toEqual({ name: "source", kind: "text", initial: "reuters" });
    expect(paramField("strict", false)).toEqual({ name: "strict", kind: "boolean", initial: "false" });
    expect(paramField("ids", ["a", "b"])).toEqual({ name: "ids", kind: "json", initial: '["a","b"]' });
    expect(paramField("filter", { kind: "chip" })).toEqual({
      name: "filter",
      kind: "json",
      initial: '{"kind":"chip"}',
    });
  });

  it("reads what was typed back as a value of that type, or says why not", () => {
    expect(readParam({ name: "limit", kind: "number" }, "25")).toEqual({ ok: true, value: 25 });
    expect(readParam({ name: "limit", kind: "number" }, "")).toEqual({ ok: false, message: "$limit needs a number." });
    expect(readParam({ name: "source", kind: "text" }, "engadget")).toEqual({ ok: true, value: "engadget" });
    expect(readParam({ name: "strict", kind: "boolean" }, "true")).toEqual({ ok: true, value: true });
    expect(readParam({ name: "ids", kind: "json" }, '["x"]')).toEqual({ ok: true, value: ["x"] });
    expect(readParam({ name: "ids", kind: "json" }, "[x")).toMatchObject({ ok: false });
  });
});

describe("libraryQueryBody", () => {
  it("drops the library's // @ header and keeps the Cypher (and ordinary comments)", () => {
    const text = '// @name Claims\n// @param source = "reuters"\n// what it does\nMATCH (n)\nRETURN n\n';
    expect(libraryQueryBody(text)).toBe("// what it does\nMATCH (n)\nRETURN n");
    expect(libraryQueryBody("MATCH (n) RETURN n")).toBe("MATCH (n) RETURN n");
  });
});
