import type { LibraryQueryDto } from "../../../../contract/graph-contract";
import { el } from "../../dom/el";
import { libraryQueryBody, type ParamField, paramField, readParam } from "./param-fields";
import type { QueryRun } from "./stored-list";

export interface LibraryFormDeps {
  run(run: QueryRun): void;
  edit(run: QueryRun): void;
  back(): void;
}

/** One library query: its description, one input per parameter (prefilled with the example), Run. */
export function renderLibraryForm(query: LibraryQueryDto, deps: LibraryFormDeps): HTMLElement {
  const body = libraryQueryBody(query.query);
  const fields = Object.entries(query.params).map(([name, example]) => paramField(name, example));
  const inputs = fields.map((field) => ({ field, input: inputFor(field) }));
  const message = el("p", { class: "form-message", "data-kind": "error", role: "alert" });
  const run = el("button", { type: "submit", class: "wb-button wb-primary", "data-testid": "library-run" }, "Run");
  const edit = el("button", { type: "button", class: "wb-button", "data-testid": "library-edit" }, "Open in editor");
  const back = el("button", { type: "button", class: "wb-link back-link" }, "All queries");
  back.addEventListener("click", () => deps.back());

  const collect = (): QueryRun | undefined => {
    const params: Record<string, unknown> = {};
    for (const { field, input } of inputs) {
      const read = readParam(field, field.kind === "boolean" ? String(input.checked) : input.value);
      if (!read.ok) {
        message.textContent = read.message;
        input.focus();
        return undefined;
      }
      params[field.name] = read.value;
    }
    message.textContent = "";
    return { query: body, params };
  };
  const form = el(
    "form",
    { class: "library-form", "data-testid": "library-form", "data-query-id": query.id, novalidate: true },
    back,
    el("h3", { class: "library-name" }, query.name),
    el("p", { class: "library-description" }, query.description),
    ...inputs.map(({ field, input }) =>
      el(
        "label",
        { class: `param-field param-${field.kind}` },
        el("span", { class: "param-name" }, `$${field.name}`),
        input,
      ),
    ),
    fields.length === 0 ? el("p", { class: "wb-note" }, "This query takes no parameters.") : null,
    message,
    el("div", { class: "form-actions" }, run, edit),
    el(
      "details",
      { class: "library-query" },
      el("summary", {}, "Cypher"),
      el("pre", { class: "library-cypher" }, body),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const collected = collect();
    if (collected) deps.run(collected);
  });
  edit.addEventListener("click", () => {
    const collected = collect();
    if (collected) deps.edit(collected);
  });
  return form;
}

function inputFor(field: ParamField): HTMLInputElement {
  const common = { class: "wb-input", name: field.name, "data-testid": `library-param-${field.name}` };
  switch (field.kind) {
    case "number":
      return el("input", { ...common, type: "number", step: "any", value: field.initial });
    case "boolean":
      return el("input", { ...common, class: "", type: "checkbox", checked: field.initial === "true" });
    case "text":
      return el("input", { ...common, type: "text", value: field.initial, spellcheck: "false" });
    case "json":
      return el("input", {
        ...common,
        type: "text",
        value: field.initial,
        spellcheck: "false",
        class: "wb-input mono",
      });
  }
}
