import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isPoint, isTime } from "neo4j-driver";
import type { PropertyValue } from "../../../contract/graph-contract";

/**
 * Converts a Neo4j property value to JSON, deliberately:
 * - 64-bit integers become numbers when they fit in a double exactly, else decimal strings
 *   (JSON has no integer type, and a rounded id or count would be silently wrong);
 * - temporal values become ISO-8601 strings, durations too (P1Y2M...);
 * - points become { srid, x, y[, z] };
 * - byte arrays become base64 strings.
 */
export function toPlainValue(value: unknown): PropertyValue {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : neo4j.integer.toString(value);
  }
  if (typeof value === "bigint") {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isPoint(value)) {
    const point: { [key: string]: PropertyValue } = {
      srid: toPlainValue(value.srid),
      x: value.x,
      y: value.y,
    };
    if (value.z !== undefined) point.z = value.z;
    return point;
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (typeof value === "object") {
    const plain: { [key: string]: PropertyValue } = {};
    for (const [key, inner] of Object.entries(value)) plain[key] = toPlainValue(inner);
    return plain;
  }
  return String(value);
}

export function toPlainProperties(properties: Record<string, unknown>): { [key: string]: PropertyValue } {
  const plain: { [key: string]: PropertyValue } = {};
  for (const [key, value] of Object.entries(properties)) plain[key] = toPlainValue(value);
  return plain;
}
