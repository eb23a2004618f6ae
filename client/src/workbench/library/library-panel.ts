import type { LibraryQueryDto } from "../../../../contract/graph-contract";
import { el } from "../../dom/el";
import { describeCypherError } from "../editor/describe-cypher-error";
import { type LibraryFormDeps, renderLibraryForm } from "./library-form";

export interface LibraryPanel {
  readonly element: HTMLElement;
  /** Fetches the library the first time (and again after a failure). */
  load(): void;
}

/** The ready-made queries of cypher/queries: pick one, fill in its parameters, run it. */
export function createLibraryPanel(
  fetchQueries: () => Promise<LibraryQueryDto[]>,
  deps: Omit<LibraryFormDeps, "back">,
): LibraryPanel {
  const body = el("div", { class: "side-body" });
  let queries: LibraryQueryDto[] | null = null;
  let loading = false;

  const showList = () => {
    if (!queries) return;
    if (queries.length === 0) {
      body.replaceChildren(el("p", { class: "wb-empty", "data-testid": "library-list" }, "The library is empty."));
      return;
    }
    body.replaceChildren(
      el(
        "ul",
        { class: "query-list", "data-testid": "library-list" },
        ...queries.map((query) => {
          const button = el(
            "button",
            { type: "button", class: "query-item", "data-testid": "library-item", "data-query-id": query.id },
            el("span", { class: "query-name" }, query.name),
            el("span", { class: "query-meta" }, query.description),
          );
          button.addEventListener("click", () => choose(query));
          return el("li", { class: "query-row" }, button);
        }),
      ),
    );
  };
  const choose = (query: LibraryQueryDto) => {
    const form = renderLibraryForm(query, { ...deps, back: showList });
    body.replaceChildren(form);
    form.querySelector<HTMLInputElement>("input")?.focus();
  };
  const load = () => {
    if (queries || loading) return;
    loading = true;
    body.replaceChildren(el("p", { class: "wb-empty" }, "Loading the query library…"));
    fetchQueries()
      .then((found) => {
        queries = found;
        showList();
      })
      .catch((error: unknown) => {
        const { code, message } = describeCypherError(error);
        const retry = el("button", { type: "button", class: "wb-link" }, "Try again");
        retry.addEventListener("click", load);
        body.replaceChildren(el("p", { class: "form-message", "data-kind": "error" }, `${code}: ${message} `, retry));
      })
      .finally(() => {
        loading = false;
      });
  };
  return {
    element: el(
      "div",
      { class: "side-panel" },
      el("div", { class: "side-head" }, el("span", { class: "side-title" }, "Query library")),
      body,
    ),
    load,
  };
}
