import { el } from "../../dom/el";
import type { QueryRun } from "./stored-list";

export interface QueryListItem {
  run: QueryRun;
  /** Bold first line (a saved query's name); the query's first line when absent. */
  title?: string;
  meta: string;
  onDelete?: () => void;
}

/** A list of queries to click and load into the editor (history, saved queries). */
export function renderQueryList(
  testId: string,
  items: readonly QueryListItem[],
  empty: string,
  load: (run: QueryRun) => void,
): HTMLElement {
  if (items.length === 0) return el("p", { class: "wb-empty", "data-testid": testId }, empty);
  return el(
    "ul",
    { class: "query-list", "data-testid": testId },
    ...items.map((item) => {
      const params = Object.keys(item.run.params);
      const loadButton = el(
        "button",
        { type: "button", class: "query-item", title: "Load into the editor", "data-testid": `${testId}-item` },
        item.title ? el("span", { class: "query-name" }, item.title) : null,
        el("code", { class: "query-text" }, item.run.query.trim()),
        el(
          "span",
          { class: "query-meta" },
          item.meta,
          params.length ? ` · ${params.map((name) => `$${name}`).join(", ")}` : "",
        ),
      );
      loadButton.addEventListener("click", () => load(item.run));
      const remove = item.onDelete;
      const deleteButton = remove
        ? el("button", {
            type: "button",
            class: "query-delete",
            title: `Delete “${item.title ?? "query"}”`,
            "aria-label": `Delete ${item.title ?? "query"}`,
            "data-testid": `${testId}-delete`,
          })
        : null;
      deleteButton?.addEventListener("click", () => remove?.());
      return el("li", { class: "query-row" }, loadButton, deleteButton);
    }),
  );
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** "just now", "5 minutes ago", "3 hours ago", else the date and time. */
export function formatWhen(at: number, now = Date.now()): string {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) return "just now";
  if (seconds < 3600) return relative.format(-Math.round(seconds / 60), "minute");
  if (seconds < 86_400) return relative.format(-Math.round(seconds / 3600), "hour");
  return dateTime.format(at);
}
