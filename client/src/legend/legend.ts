import { CERTAINTY_STYLES } from "../canvas/certainty-styles";
import { LABEL_STYLES, labelStyleFor } from "../canvas/label-styles";
import { el, svgEl } from "../dom/el";
import { shapeIcon } from "./shape-icon";

export interface Legend {
  /** Lists the labels on the canvas with their counts. */
  update(countsByLabel: ReadonlyMap<string, number>): void;
  isOpen(): boolean;
  /** Folds the legend to its title bar, or unfolds it. */
  setOpen(open: boolean): void;
}

/** The legend overlay: node labels (swatch, shape, count) and the three certainty line styles. */
export function createLegend(root: HTMLElement): Legend {
  const labelList = el("ul", { class: "legend-list", "data-testid": "legend-labels" });
  const body = el(
    "div",
    { class: "legend-body", id: "legend-body" },
    el("h3", { class: "legend-heading" }, "Nodes"),
    labelList,
    el("h3", { class: "legend-heading" }, "Relationships: how sure"),
    el("ul", { class: "legend-list", "data-testid": "legend-certainty" }, ...CERTAINTY_STYLES.map(certaintyRow)),
    el("p", { class: "legend-hint" }, "Click: details and provenance. Double-click a node: expand."),
  );
  const toggle = el(
    "button",
    { type: "button", class: "legend-toggle", "aria-expanded": "true", "aria-controls": "legend-body" },
    "Legend",
  );
  const isOpen = () => toggle.getAttribute("aria-expanded") === "true";
  const setOpen = (open: boolean) => {
    toggle.setAttribute("aria-expanded", String(open));
    body.hidden = !open;
  };
  toggle.addEventListener("click", () => setOpen(!isOpen()));
  root.replaceChildren(toggle, body);

  return {
    isOpen,
    setOpen,
    update(countsByLabel) {
      const known = LABEL_STYLES.map((style) => style.label);
      const others = [...countsByLabel.keys()].filter((label) => !known.includes(label)).sort();
      const rows = [...known, ...others]
        .filter((label) => (countsByLabel.get(label) ?? 0) > 0)
        .map((label) => labelRow(label, countsByLabel.get(label) ?? 0));
      labelList.replaceChildren(...rows);
    },
  };
}

function labelRow(label: string, count: number): HTMLLIElement {
  const style = labelStyleFor(label);
  return el(
    "li",
    { class: "legend-row", "data-label": label, title: `${label}: ${style.shapeName}, ${count} on the canvas` },
    shapeIcon(style),
    el("span", { class: "legend-name" }, label),
    el("span", { class: "legend-shape" }, style.shapeName),
    el("span", { class: "legend-count", "data-testid": "legend-count" }, count),
  );
}

function certaintyRow(style: (typeof CERTAINTY_STYLES)[number]): HTMLLIElement {
  const line = svgEl(
    "svg",
    { width: 34, height: 10, viewBox: "0 0 34 10", class: "line-icon", "aria-hidden": "true" },
    svgEl("line", {
      x1: 1,
      y1: 5,
      x2: 33,
      y2: 5,
      stroke: style.lineColor,
      "stroke-width": style.lineStyle === "dotted" ? 2.2 : 1.8,
      "stroke-linecap": style.lineStyle === "dotted" ? "round" : "butt",
      "stroke-dasharray": style.dashArray || undefined,
    }),
  );
  return el(
    "li",
    { class: "legend-row legend-certainty", "data-certainty": style.certainty },
    line,
    el("span", { class: "legend-name" }, style.certainty),
    el("span", { class: "legend-meaning" }, style.meaning),
  );
}
