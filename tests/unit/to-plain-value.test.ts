import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { toPlainProperties, toPlainValue } from "../../server/src/neo4j/to-plain-value";

describe("toPlainValue", () => {
  it("turns 64-bit integers that fit a double into numbers", () => {
    expect(toPlainValue(neo4j.int(100000))).toBe(100000);
    expect(toPlainValue(neo4j.int(-42))).toBe(-42);
  });

  it("turns 64-bit integers beyond 2^53 into exact decimal strings rather than rounding them", () => {
    expect(toPlainValue(neo4j.int("9223372036854775807"))).toBe("9223372036854775807");
    expect(toPlainValue(BigInt("9007199254740993"))).toBe("9007199254740993");
  });

  it("turns temporal values into ISO-8601 strings", () => {
    expect(toPlainValue(new neo4j.types.Date(neo4j.int(2024), neo4j.int(9), neo4j.int(27)))).toBe("2024-09-27");
    const dateTime = new neo4j.types.DateTime(2024, 9, 27, 10, 30, 0, 0, 0);
    expect(toPlainValue(dateTime)).toBe("2024-09-27T10:30:00Z");
    expect(toPlainValue(new neo4j.types.Duration(14, 3, 0, 0))).toMatch(/^P1Y2M3D/);
  });

  it("turns points into plain coordinates", () => {
    expect(toPlainValue(new neo4j.types.Point(neo4j.int(4326), 2.35, 48.85))).toEqual({
      srid: 4326,
      x: 2.35,
      y: 48.85,
    });
  });

  it("converts inside lists and maps, and keeps strings, booleans and null", () => {
    expect(
      toPlainProperties({
        sources: ["reuters", "engadget"],
        quantity: neo4j.int(100000),
        nested: { when: new neo4j.types.Date(2024, 1, 2), ok: true },
        missing: null,
      }),
    ).toEqual({
      sources: ["reuters", "engadget"],
      quantity: 100000,
      nested: { when: "2024-01-02", ok: true },
      missing: null,
    });
  });

  it("never lets NaN or Infinity through as invalid JSON", () => {
    expect(toPlainValue(Number.NaN)).toBe("NaN");
    expect(toPlainValue(Number.POSITIVE_INFINITY)).toBe("Infinity");
  });
});
