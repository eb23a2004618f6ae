import type { RelationshipType } from "../../../contract/vocabulary-endpoints";
import type { ApiClient } from "../api/api-client";
import { ApiRequestError } from "../api/api-request-error";
import { el } from "../dom/el";
import { createVocabularyForm, type FormRequest } from "./vocabulary-form";
import { vocabularyRow } from "./vocabulary-list";

export interface VocabularyEditorDeps {
  /** The top bar's button that opens it (the Sources workspace may call open() too). */
  button?: HTMLButtonElement | null;
  api: Pick<ApiClient, "listVocabulary" | "addRelationshipType" | "editRelationshipType">;
  tell(message: string): void;
  /** After a type is added or edited: the new list (a predicate picker refreshes from it). */
  onChange?(types: RelationshipType[]): void;
}

export interface VocabularyEditor {
  open(): void;
  close(): void;
  /** A button that opens the editor, for another workspace's toolbar (the Sources view's). */
  readonly toolbarButton: HTMLButtonElement;
}

/** Why a write was refused, in the analyst's words. */
function refusal(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return "The type could not be saved: the server did not answer.";
  if (error.code === "UNAUTHORIZED")
    return "This server needs its write token for this: type it in Write token and try again.";
  return error.message;
}

/**
 * The vocabulary editor: a dialog listing every relationship type (its colour, name, count,
 * direction, description and phrases) beside a form to add one or edit one's phrases. Escape or
 * the close button closes it and gives focus back to whoever opened it.
 */
export function createVocabularyEditor(deps: VocabularyEditorDeps): VocabularyEditor {
  let types: RelationshipType[] = [];
  const dialog = el("dialog", {
    class: "vocabulary-dialog",
    "data-testid": "vocabulary-editor",
    "aria-labelledby": "vocabulary-title",
  });
  const closeButton = el("button", {
    type: "button",
    class: "panel-close",
    "data-testid": "vocabulary-close",
    "aria-label": "Close relationship types",
  });
  closeButton.addEventListener("click", () => dialog.close());
  const filter = el("input", {
    type: "search",
    class: "vocabulary-input vocabulary-filter",
    "data-testid": "vocabulary-filter",
    placeholder: "Filter by name or meaning",
    "aria-label": "Filter relationship types",
  });
  const heading = el("h3", { class: "vocabulary-list-title", id: "vocabulary-list-title" }, "Types");
  const list = el("ul", { class: "vocabulary-list", "data-testid": "vocabulary-list", "aria-labelledby": heading.id });

  const form = createVocabularyForm((request) => void send(request));
  dialog.append(
    el(
      "header",
      { class: "vocabulary-header" },
      el(
        "div",
        {},
        el("h2", { id: "vocabulary-title", class: "dialog-title" }, "Relationship types"),
        el(
          "p",
          { class: "dialog-note" },
          "The types a claim may state. A type added here is accepted by ingestion, proposed from its trigger phrases on the next extraction, and drawn with its own arrow colour.",
        ),
      ),
      closeButton,
    ),
    el(
      "div",
      { class: "vocabulary-body" },
      el(
        "section",
        { class: "vocabulary-types", "aria-labelledby": heading.id },
        el("div", { class: "vocabulary-list-head" }, heading, filter),
        list,
      ),
      form.element,
    ),
  );
  document.body.append(dialog);

  const render = () => {
    const query = filter.value.trim().toLowerCase();
    const shown = types.filter(
      (type) => !query || type.name.toLowerCase().includes(query) || type.description.toLowerCase().includes(query),
    );
    heading.textContent = `${types.length} types`;
    list.replaceChildren(
      ...(shown.length > 0
        ? shown.map((type) => vocabularyRow(type, (chosen) => form.edit(chosen)))
        : [el("li", { class: "vocabulary-empty" }, types.length === 0 ? "Loading…" : "No type matches.")]),
    );
  };
  filter.addEventListener("input", render);

  const refresh = async () => {
    try {
      types = await deps.api.listVocabulary();
      render();
    } catch (error) {
      list.replaceChildren(el("li", { class: "vocabulary-empty" }, "The relationship types could not be loaded."));
      form.showError(error instanceof Error ? error.message : String(error));
    }
  };

  async function send(request: FormRequest) {
    form.setBusy(true);
    try {
      const saved =
        request.kind === "add"
          ? await deps.api.addRelationshipType(request.request, request.writeToken)
          : await deps.api.editRelationshipType(request.name, request.request, request.writeToken);
      deps.tell(request.kind === "add" ? `Added the relationship type ${saved.name}` : `Saved ${saved.name}`);
      form.reset();
      await refresh();
      list.querySelector<HTMLElement>(`[data-name="${CSS.escape(saved.name)}"]`)?.scrollIntoView({ block: "nearest" });
      deps.onChange?.(types);
    } catch (error) {
      form.showError(refusal(error));
    } finally {
      form.setBusy(false);
    }
  }

  let opener: HTMLElement | null = null;
  dialog.addEventListener("close", () => {
    deps.button?.setAttribute("aria-expanded", "false");
    opener?.focus();
  });
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  // A search field takes the first Escape to clear itself: the dialog closes on any Escape.
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    dialog.close();
  });
  const open = () => {
    if (dialog.open) return;
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    deps.button?.setAttribute("aria-expanded", "true");
    types = [];
    render();
    dialog.showModal();
    form.focusFirst();
    void refresh();
  };
  deps.button?.addEventListener("click", open);
  const toolbarButton = el(
    "button",
    { type: "button", class: "dialog-button", "data-testid": "vocabulary-open", "aria-haspopup": "dialog" },
    "Relationship types",
  );
  toolbarButton.addEventListener("click", open);
  return { open, close: () => dialog.close(), toolbarButton };
}
