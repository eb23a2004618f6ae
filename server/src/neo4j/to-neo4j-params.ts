import neo4j, { type Integer } from "neo4j-driver";

/** A whole number as Neo4j's 64-bit integer: a JS number would reach Neo4j as a float, which LIMIT refuses. */
export function neo4jInt(value: number): Integer {
  return neo4j.int(value);
}

/**
 * JSON numbers reach Neo4j as floats, which LIMIT, SKIP and range() refuse:
 * whole numbers become 64-bit integers, everything else is passed through (recursively).
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === "number" && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toNeo4jParams(inner)]));
  }
  return value;
}
