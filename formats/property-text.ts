import type { PropertyValue } from "../contract/graph-contract";

/** A property value as one line of text: lists joined with "; ", maps as JSON. */
export function propertyText(value: PropertyValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map((item) => propertyText(item)).join("; ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
