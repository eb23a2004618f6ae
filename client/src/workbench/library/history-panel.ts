import { el } from "../../dom/el";
import type { HistoryStore } from "./history-store";
import { formatWhen, renderQueryList } from "./query-list";
import type { QueryRun } from "./stored-list";

export interface HistoryPanel {
  readonly element: HTMLElement;
  /** Records a run and shows it on top. */
  add(run: QueryRun): void;
  refresh(): void;
}

/** The last queries run (newest first); a click loads one into the editor. */
export function createHistoryPanel(store: HistoryStore, load: (run: QueryRun) => void): HistoryPanel {
  const body = el("div", { class: "side-body" });
  const clear = el("button", { type: "button", class: "wb-link", "data-testid": "history-clear" }, "Clear");
  clear.addEventListener("click", () => {
    store.clear();
    refresh();
  });
  const refresh = () => {
    const entries = store.list();
    clear.hidden = entries.length === 0;
    body.replaceChildren(
      renderQueryList(
        "history-list",
        entries.map((entry) => ({ run: entry, meta: formatWhen(entry.at) })),
        "Queries you run appear here, newest first (the last 100 are kept in this browser).",
        load,
      ),
    );
  };
  refresh();
  return {
    element: el(
      "div",
      { class: "side-panel" },
      el("div", { class: "side-head" }, el("span", { class: "side-title" }, "Recent queries"), clear),
      body,
    ),
    add: (run) => {
      store.add(run);
      refresh();
    },
    refresh,
  };
}
