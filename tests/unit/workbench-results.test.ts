import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../../client/src/api/api-request-error";
import { describeCypherError } from "../../client/src/workbench/editor/describe-cypher-error";
import { summarizeResult } from "../../client/src/workbench/results/summarize-result";
import type { CypherResult } from "../../contract/graph-contract";

const result = (overrides: Partial<CypherResult> = {}): CypherResult => ({
  columns: ["n"],
  rows: [],
  graph: { nodes: [], edges: [], truncated: false },
  rowCount: 0,
  truncated: false,
  elapsedMs: 42,
  ...overrides,
});

describe("summarizeResult", () => {
  it("counts rows and the graph and says how long it took", () => {
    const summary = summarizeResult(
      result({
        rowCount: 1,
        graph: {
          nodes: [{ data: { id: "a", elementId: "4:a", labels: ["Chip"], label: "Chip", caption: "A100", props: {} } }],
          edges: [],
          truncated: false,
        },
      }),
    );
    expect(summary).toEqual({ text: "1 row · 1 node, 0 relationships · 42 ms" });
    expect(summarizeResult(result({ rowCount: 1200, elapsedMs: 2345 })).text).toBe("1,200 rows · 2.35 s");
  });

  it("carries the truncation reason, or a default one", () => {
    expect(summarizeResult(result({ truncated: true, truncatedReason: "row cap of 1,000 reached" })).truncated).toBe(
      "row cap of 1,000 reached",
    );
    expect(summarizeResult(result({ truncated: true })).truncated).toMatch(/capped/);
  });
});

describe("describeCypherError", () => {
  it("keeps the code and message, and the line and column of a syntax error", () => {
    const error = new ApiRequestError("CYPHER_SYNTAX", "Invalid input 'RETRUN'", false, 400, {
      line: 2,
      column: 1,
      offset: 9,
    });
    expect(describeCypherError(error)).toEqual({
      code: "CYPHER_SYNTAX",
      message: "Invalid input 'RETRUN'",
      location: { line: 2, column: 1 },
    });
  });

  it("adds a hint for refusals and limits", () => {
    const error = new ApiRequestError("WRITE_FORBIDDEN", "The workbench is read-only.", false, 403);
    expect(describeCypherError(error)).toMatchObject({ code: "WRITE_FORBIDDEN", hint: expect.stringMatching(/read/) });
  });

  it("describes anything else thrown", () => {
    expect(describeCypherError(new TypeError("boom"))).toEqual({ code: "TypeError", message: "boom" });
    expect(describeCypherError("odd")).toEqual({ code: "ERROR", message: "odd" });
  });
});
