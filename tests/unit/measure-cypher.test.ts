import { describe, expect, it } from "vitest";
import { measureCypher } from "../../server/src/cypher/measure-cypher";

describe("measureCypher", () => {
  it("counts one level per bracket, map, call and CASE", () => {
    expect(measureCypher("RETURN 1").depth).toBe(0);
    expect(measureCypher("RETURN [[[1]]]").depth).toBe(3);
    expect(measureCypher("RETURN {a: {b: 1}}").depth).toBe(2);
    expect(measureCypher("RETURN abs(abs(1))").depth).toBe(2);
    expect(measureCypher("RETURN CASE WHEN true THEN CASE WHEN false THEN 1 END END").depth).toBe(2);
  });

  it("counts the operators of one chain, and a chain inside brackets on top of its brackets", () => {
    expect(measureCypher("RETURN 1 + 2 + 3 + 4").depth).toBe(3);
    expect(measureCypher("RETURN NOT NOT NOT true").depth).toBe(3);
    expect(measureCypher("WITH null AS m RETURN m.a.b.c").depth).toBe(3);
    expect(measureCypher("RETURN (1 + 2 + 3) * 4").depth).toBe(1 + 1 + 2);
  });

  it("starts a new expression at commas and clauses, so long but flat queries stay shallow", () => {
    const conditions = Array.from({ length: 40 }, (_, i) => `n.p${i} = ${i}`).join(", ");
    expect(measureCypher(`MATCH (n) RETURN ${conditions}`).depth).toBeLessThanOrEqual(3);
    const clauses = Array.from({ length: 40 }, (_, i) => `WITH n WHERE n.p${i} > ${i}`).join(" ");
    expect(measureCypher(`MATCH (n) ${clauses} RETURN n`).depth).toBeLessThanOrEqual(3);
  });

  it("ignores brackets and keywords in strings, quoted names and comments, and words after . or :", () => {
    expect(measureCypher("RETURN '[[[[(((' AS `((((`, 1 // ]]]] CASE CASE").depth).toBe(0);
    expect(measureCypher("MATCH (n:Case) RETURN n.end, n.case").depth).toBe(1);
    expect(measureCypher("RETURN {end: 1}").depth).toBe(1);
  });

  it("counts UNIONs at every level", () => {
    expect(measureCypher("RETURN 1 AS x UNION RETURN 2 AS x UNION ALL RETURN 3 AS x").unions).toBe(2);
    expect(measureCypher("CALL () { RETURN 1 AS x UNION RETURN 2 AS x } RETURN x").unions).toBe(1);
    expect(measureCypher("MATCH (n) RETURN 'UNION' AS x, n.union, n.`UNION`").unions).toBe(0);
  });

  it("still measures brackets that are never closed", () => {
    expect(measureCypher(`RETURN ${"[".repeat(50)}1`).depth).toBe(50);
  });
});
