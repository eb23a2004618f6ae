import type { CellValue, CypherResult } from "../../../../contract/graph-contract";
import { el } from "../../dom/el";
import { type CellContext, formatCell } from "./format-cell";
import { renderCell } from "./render-cell";
import { nextSortOrder, type SortOrder, sortRows } from "./sort-rows";

export interface ResultTable {
  show(result: CypherResult): void;
  clear(): void;
}

/** The rows of a result as a table; a click on a column header sorts by it (again: the other way). */
export function createResultTable(root: HTMLElement, onNode: (id: string) => void): ResultTable {
  let result: CypherResult | null = null;
  let order: SortOrder | null = null;
  let context: CellContext = cellContext(null);

  const render = () => {
    if (!result) return root.replaceChildren();
    if (result.columns.length === 0 || result.rows.length === 0) {
      const what = result.columns.length === 0 ? "The query returned no columns." : "No rows.";
      return root.replaceChildren(el("p", { class: "wb-empty" }, what));
    }
    const current = result;
    const position = new Map(current.rows.map((row, index) => [row, index + 1]));
    const rows = order ? sortRows(current.rows, order) : current.rows;
    const head = el(
      "tr",
      {},
      el("th", { class: "row-number", scope: "col" }, el("span", { class: "visually-hidden" }, "Row"), "#"),
      ...current.columns.map((column, index) => header(column, index)),
    );
    const body = rows.map((row: CellValue[]) =>
      el(
        "tr",
        {},
        el("td", { class: "row-number" }, String(position.get(row) ?? "")),
        ...current.columns.map((_, index) => {
          const value = row[index];
          return el("td", {}, value === undefined ? "" : renderCell(formatCell(value, context), onNode));
        }),
      ),
    );
    root.replaceChildren(el("table", { class: "result-table" }, el("thead", {}, head), el("tbody", {}, ...body)));
  };

  const header = (column: string, index: number) => {
    const sorted = order?.column === index ? order.direction : undefined;
    const button = el(
      "button",
      { type: "button", class: "sort-button", title: `Sort by ${column}`, "data-sort": sorted ?? "none" },
      column,
    );
    button.addEventListener("click", () => {
      order = nextSortOrder(order, index);
      render();
      root.querySelectorAll<HTMLButtonElement>(".sort-button")[index]?.focus();
    });
    const ariaSort = sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none";
    return el("th", { scope: "col", "aria-sort": ariaSort }, button);
  };

  return {
    show: (next) => {
      result = next;
      order = null;
      context = cellContext(next);
      render();
    },
    clear: () => {
      result = null;
      render();
    },
  };
}

/** Captions and relationship ends from the graph of the answer (and node cells), for naming ends. */
function cellContext(result: CypherResult | null): CellContext {
  const captions = new Map<string, string>();
  const relationships = new Map<string, { type: string; source: string; target: string }>();
  for (const node of result?.graph.nodes ?? []) captions.set(node.data.id, node.data.caption);
  for (const edge of result?.graph.edges ?? []) {
    const { id, type, source, target } = edge.data;
    relationships.set(id, { type, source, target });
  }
  return { nodeCaption: (id) => captions.get(id), relationship: (id) => relationships.get(id) };
}
