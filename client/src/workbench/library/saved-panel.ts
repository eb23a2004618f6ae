import { el } from "../../dom/el";
import { formatWhen, renderQueryList } from "./query-list";
import type { SavedQueriesStore } from "./saved-queries-store";
import type { QueryRun } from "./stored-list";

export interface SavedPanelDeps {
  /** The editor's query and parameters, or why they cannot be saved. */
  current(): QueryRun | { problem: string };
  load(run: QueryRun): void;
}

/** Named queries kept in this browser: save the current one, load or delete any. */
export function createSavedPanel(store: SavedQueriesStore, deps: SavedPanelDeps): HTMLElement {
  const name = el("input", {
    type: "text",
    class: "wb-input",
    placeholder: "Name this query",
    "aria-label": "Name of the saved query",
    "data-testid": "save-name",
    maxlength: 120,
  });
  const save = el("button", { type: "submit", class: "wb-button", "data-testid": "save-button" }, "Save");
  const message = el("p", { class: "form-message", role: "status" });
  const form = el("form", { class: "save-form", novalidate: true }, name, save);
  const body = el("div", { class: "side-body" });

  const refresh = (items = store.list()) => {
    body.replaceChildren(
      renderQueryList(
        "saved-list",
        items.map((item) => ({
          run: item,
          title: item.name,
          meta: `saved ${formatWhen(item.savedAt)}`,
          onDelete: () => refresh(store.remove(item.id)),
        })),
        "Name the query in the editor and save it to find it here again.",
        deps.load,
      ),
    );
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const current = deps.current();
    const problem =
      "problem" in current ? current.problem : name.value.trim() === "" ? "Give the query a name first." : undefined;
    message.dataset.kind = problem ? "error" : "info";
    if (problem || "problem" in current) {
      message.textContent = problem ?? "";
      return;
    }
    refresh(store.save(name.value, current));
    message.textContent = `Saved “${name.value.trim()}”.`;
    name.value = "";
  });
  refresh();
  return el(
    "div",
    { class: "side-panel" },
    el("div", { class: "side-head" }, el("span", { class: "side-title" }, "Save the current query")),
    form,
    message,
    body,
  );
}
