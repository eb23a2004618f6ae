import type { Properties } from "../../../../contract/graph-contract";
import { el } from "../../dom/el";
import { renderPropertyValue } from "./property-value";

/** Key/value rows of properties, `first` keys on top, then the rest alphabetically; `omit` left out. */
export function renderPropertyList(
  props: Properties,
  options: { first?: readonly string[]; omit?: readonly string[]; testId?: string } = {},
): HTMLDListElement {
  const { first = [], omit = [] } = options;
  const keys = Object.keys(props).filter((key) => !omit.includes(key));
  const ordered = [
    ...first.filter((key) => keys.includes(key)),
    ...keys.filter((key) => !first.includes(key)).sort((a, b) => a.localeCompare(b)),
  ];
  return el(
    "dl",
    { class: "property-list", "data-testid": options.testId },
    ...ordered.flatMap((key) => {
      const value = props[key];
      return value === undefined
        ? []
        : [
            el("dt", { class: "property-key" }, key),
            el("dd", { class: "property-value", "data-key": key }, renderPropertyValue(value)),
          ];
    }),
  );
}
