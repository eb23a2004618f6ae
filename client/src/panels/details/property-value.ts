import type { PropertyValue } from "../../../../contract/graph-contract";
import { el } from "../../dom/el";

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** A property value as readable DOM: lists as lists, maps as nested key/value pairs, text as text. */
export function renderPropertyValue(value: PropertyValue): HTMLElement {
  if (Array.isArray(value)) {
    if (value.length === 0) return el("span", { class: "value-empty" }, "(empty list)");
    return el("ul", { class: "value-list" }, ...value.map((item) => el("li", {}, renderPropertyValue(item))));
  }
  if (value !== null && typeof value === "object") {
    return el(
      "dl",
      { class: "value-map" },
      ...Object.entries(value).flatMap(([key, item]) => [el("dt", {}, key), el("dd", {}, renderPropertyValue(item))]),
    );
  }
  return el("span", { class: `value-${value === null ? "null" : typeof value}` }, formatScalar(value));
}

export function formatScalar(value: string | number | boolean | null): string {
  if (value === null) return "—";
  if (typeof value === "number") return NUMBER.format(value);
  return String(value);
}
