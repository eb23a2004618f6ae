import { describe, expect, it } from "vitest";
import { textSegments } from "../../client/src/sources/text-segments";

// Made-up text for the test.
const text = "Velda ordered boards. Sorel denied it.\nA second paragraph.";
const pieces = (spans: Parameters<typeof textSegments>[1]) =>
  textSegments(text, spans).map((paragraph) =>
    paragraph.segments.map((segment) => [text.slice(segment.start, segment.end), segment.ids]),
  );

describe("textSegments", () => {
  it("cuts the text into paragraphs at line breaks, plain when no claim covers it", () => {
    expect(pieces([])).toEqual([[["Velda ordered boards. Sorel denied it.", []]], [["A second paragraph.", []]]]);
  });

  it("gives a sentence covered by two claims one run naming both", () => {
    expect(
      pieces([
        { id: "a", start: 0, end: 21 },
        { id: "b", start: 0, end: 21 },
      ])[0],
    ).toEqual([
      ["Velda ordered boards.", ["a", "b"]],
      [" Sorel denied it.", []],
    ]);
  });

  it("splits overlapping spans where the covering claims change", () => {
    expect(
      pieces([
        { id: "whole", start: 0, end: 38 },
        { id: "second", start: 22, end: 38 },
      ])[0],
    ).toEqual([
      ["Velda ordered boards. ", ["whole"]],
      ["Sorel denied it.", ["whole", "second"]],
    ]);
  });

  it("never lets a run cross a line break, and leaves out spans outside the text", () => {
    const result = pieces([
      { id: "across", start: 22, end: 50 },
      { id: "outside", start: 40, end: 9999 },
      { id: "empty", start: 5, end: 5 },
    ]);
    expect(result).toEqual([
      [
        ["Velda ordered boards. ", []],
        ["Sorel denied it.", ["across"]],
      ],
      [
        ["A second pa", ["across"]],
        ["ragraph.", []],
      ],
    ]);
  });
});
