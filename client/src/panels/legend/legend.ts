import type { Certainty } from "../../../../contract/graph-contract";
import { el, svgEl } from "../../dom/el";
import { isSmallScreen } from "../../dom/small-screen";
import type { CanvasTally } from "../../explorer/canvas-tally";
import { isFiltering, type ViewFilters } from "../../explorer/view-filters";
import { CERTAINTY_STYLES, type CertaintyStyle } from "../../look/certainty-styles";
import { LABEL_STYLES, labelStyleFor } from "../../look/label-styles";
import { shapeIcon } from "../../look/shape-icon";
import { typeSwatch } from "../../look/type-swatch";
import { createClaimsLegend, type SetClaimFilter } from "./claims-legend";

export type FilterKind = "label" | "type" | "certainty";

/** What the legend's rows and source picker ask for; the caller changes the filters (through history). */
export interface LegendFilterHandlers {
  toggle(kind: FilterKind, value: string): void;
  pickSource(id: string | null): void;
  setClaimFilter: SetClaimFilter;
  showAll(): void;
}

export interface Legend {
  /** Lists what the canvas holds with counts, each row pressed while shown. */
  update(tally: CanvasTally, filters: ViewFilters): void;
  isOpen(): boolean;
  /** Folds the legend to its title bar, or unfolds it. */
  setOpen(open: boolean): void;
  /**
   * Folds the legend while a panel that narrows the canvas (the Sources sheet, the Cypher drawer)
   * is open; once the last of them closes, it is open or folded as the analyst had it before.
   */
  foldFor(panel: string, folded: boolean): void;
}

/**
 * The legend overlay, which is also the filter: node labels (swatch, shape, count), relationship types
 * and the three certainty line styles, each a toggle button; the claim marks and filters; and a source
 * picker ("only what Reuters says").
 */
export function createLegend(root: HTMLElement, handlers: LegendFilterHandlers): Legend {
  const labelList = el("ul", { class: "legend-list", "data-testid": "legend-labels" });
  const typeList = el("ul", { class: "legend-list", "data-testid": "legend-types" });
  const certaintyList = el("ul", { class: "legend-list", "data-testid": "legend-certainty" });
  // Many types: folded until asked for, so the legend stays short.
  const typesSummary = el("summary", { class: "legend-heading legend-types-summary" }, "Relationship types");
  const typesSection = el("details", { class: "legend-types" }, typesSummary, typeList);
  const sourcePicker = el("select", {
    class: "legend-source",
    id: "legend-source",
    "data-testid": "legend-source",
    title: "Show only the relationships one source vouches for",
  });
  sourcePicker.addEventListener("change", () => handlers.pickSource(sourcePicker.value || null));
  const claims = createClaimsLegend(handlers.setClaimFilter);
  const showAll = el(
    "button",
    { type: "button", class: "legend-show-all", "data-testid": "legend-show-all", hidden: true },
    "Show all",
  );
  showAll.addEventListener("click", () => handlers.showAll());
  const body = el(
    "div",
    { class: "legend-body", id: "legend-body" },
    el("p", { class: "legend-intro" }, "Click a row to hide or show it.", showAll),
    el("h3", { class: "legend-heading" }, "Nodes"),
    labelList,
    el("h3", { class: "legend-heading" }, "Relationships: how sure"),
    certaintyList,
    claims.element,
    typesSection,
    el("label", { class: "legend-heading legend-source-label", for: "legend-source" }, "Says who"),
    sourcePicker,
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
  const foldedFor = new Set<string>();
  let openBeforeFolding = true;
  const foldFor = (panel: string, folded: boolean) => {
    if (folded) {
      if (foldedFor.size === 0) openBeforeFolding = isOpen();
      foldedFor.add(panel);
      setOpen(false);
    } else if (foldedFor.delete(panel) && foldedFor.size === 0) setOpen(openBeforeFolding);
  };
  root.replaceChildren(toggle, body);
  // On a phone the legend would cover the graph (and catch taps meant for it): folded until asked for.
  if (isSmallScreen()) setOpen(false);

  /** One filter row as the tally and filters have it now. */
  interface Row {
    kind: FilterKind;
    value: string;
    shown: boolean;
    title: string;
    content: Node[];
  }
  const setRow = (button: HTMLButtonElement, row: Row) => {
    button.className = `legend-row legend-filter legend-filter-${row.kind}${row.shown ? "" : " is-off"}`;
    button.setAttribute("aria-pressed", String(row.shown));
    button.title = `${row.shown ? "Hide" : "Show"} ${row.title}`;
    button.replaceChildren(...row.content);
  };
  const newRow = (row: Row) => {
    const button = el("button", {
      type: "button",
      "data-filter": `${row.kind}:${row.value}`,
      [`data-${row.kind}`]: row.value,
    });
    button.addEventListener("click", () => handlers.toggle(row.kind, row.value));
    setRow(button, row);
    return el("li", {}, button);
  };
  /**
   * Rows keep their buttons while the same rows are listed, so a key press or a click that spans a
   * redraw (Space clicks on key-up) lands on the button it started on, and focus stays put.
   */
  const syncRows = (list: HTMLElement, rows: Row[]) => {
    const buttons = [...list.querySelectorAll<HTMLButtonElement>("button[data-filter]")];
    const same =
      buttons.length === rows.length &&
      rows.every((row, index) => buttons[index]?.dataset.filter === `${row.kind}:${row.value}`);
    if (!same) {
      list.replaceChildren(...rows.map(newRow));
      return;
    }
    for (const [index, row] of rows.entries()) setRow(buttons[index] as HTMLButtonElement, row);
  };

  return {
    isOpen,
    setOpen,
    foldFor,
    update(tally, filters) {
      // When rows are rebuilt (another set of rows), the keyboard's place is kept on the row it was on.
      const focused = root.contains(document.activeElement)
        ? (document.activeElement as HTMLElement).dataset.filter
        : undefined;
      const known = LABEL_STYLES.map((style) => style.label);
      const others = [...tally.byLabel.keys()].filter((label) => !known.includes(label)).sort();
      syncRows(
        labelList,
        [...known, ...others]
          .filter((label) => (tally.byLabel.get(label) ?? 0) > 0 || filters.hiddenLabels.includes(label))
          .map((label) => {
            const style = labelStyleFor(label);
            const count = tally.byLabel.get(label) ?? 0;
            return {
              kind: "label",
              value: label,
              shown: !filters.hiddenLabels.includes(label),
              title: `${label} nodes (${style.shapeName}, ${count} on the canvas)`,
              content: [
                shapeIcon(style),
                el("span", { class: "legend-name" }, label),
                el("span", { class: "legend-shape" }, style.shapeName),
                countBadge(count),
              ],
            };
          }),
      );
      syncRows(
        certaintyList,
        CERTAINTY_STYLES.map((style) => {
          const count = tally.byCertainty.get(style.certainty) ?? 0;
          return {
            kind: "certainty",
            value: style.certainty,
            shown: !filters.hiddenCertainties.includes(style.certainty as Certainty),
            title: `${style.certainty} relationships (${count} on the canvas)`,
            content: [
              lineIcon(style),
              el("span", { class: "legend-name" }, style.certainty),
              countBadge(count),
              el("span", { class: "legend-meaning" }, style.meaning),
            ],
          };
        }),
      );
      const types = [...new Set([...tally.byType.keys(), ...filters.hiddenTypes])].sort();
      syncRows(
        typeList,
        types.map((type) => {
          const count = tally.byType.get(type) ?? 0;
          return {
            kind: "type",
            value: type,
            shown: !filters.hiddenTypes.includes(type),
            title: `${type} relationships (${count} on the canvas)`,
            content: [typeSwatch(type), el("span", { class: "legend-name legend-type" }, type), countBadge(count)],
          };
        }),
      );
      const choices = [...tally.sources];
      if (filters.source && !choices.some((choice) => choice.id === filters.source))
        choices.push({ id: filters.source, caption: filters.source });
      sourcePicker.replaceChildren(
        el("option", { value: "" }, "Every source"),
        ...choices.map((choice) =>
          el(
            "option",
            { value: choice.id, selected: choice.id === filters.source },
            `Only what ${choice.caption} says`,
          ),
        ),
      );
      sourcePicker.value = filters.source ?? "";
      const hiddenTypes = filters.hiddenTypes.length;
      typesSummary.textContent = `Relationship types (${types.length}${hiddenTypes > 0 ? `, ${hiddenTypes} hidden` : ""})`;
      if (focused) root.querySelector<HTMLElement>(`[data-filter="${CSS.escape(focused)}"]`)?.focus();
      sourcePicker.classList.toggle("is-active", filters.source !== null);
      claims.update(tally, filters);
      showAll.hidden = !isFiltering(filters);
    },
  };
}

function countBadge(count: number): HTMLSpanElement {
  return el("span", { class: "legend-count", "data-testid": "legend-count" }, count);
}

function lineIcon(style: CertaintyStyle): SVGSVGElement {
  return svgEl(
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
}
