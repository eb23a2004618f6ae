import type { SavedViewSummary } from "../../../contract/graph-contract";
import { el } from "../dom/el";

export interface SavedViewsActions {
  list(): Promise<SavedViewSummary[]>;
  /** Saves the view shown under this name (replacing a view of that name). */
  save(name: string): Promise<SavedViewSummary>;
  open(view: SavedViewSummary): Promise<void>;
  remove(view: SavedViewSummary): Promise<void>;
  /** A "Watch" toggle for a saved view (the Changes badge counts what changes in it); none without watches. */
  watchButton?(view: SavedViewSummary): HTMLElement;
  tell(message: string): void;
  fail(doing: string, error: unknown): void;
}

const WHEN = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/**
 * The "Views" popover of the top bar: save the view under a name (a name taken asks once more before
 * replacing), and the saved views to open or delete (delete asks once more too). Escape closes it.
 */
export function createSavedViewsPanel(button: HTMLButtonElement, panel: HTMLElement, actions: SavedViewsActions): void {
  let views: SavedViewSummary[] = [];
  let confirmingReplace: string | null = null;

  const nameInput = el("input", {
    type: "text",
    class: "views-name",
    "data-testid": "view-name",
    placeholder: "Name of this view",
    maxlength: 120,
    "aria-label": "Name of the view to save",
    required: true,
  });
  const saveButton = el(
    "button",
    { type: "submit", class: "button-small views-save", "data-testid": "view-save" },
    "Save",
  );
  const note = el("p", { class: "views-note", "data-testid": "view-save-note", hidden: true });
  const form = el("form", { class: "views-form" }, el("div", { class: "views-form-row" }, nameInput, saveButton), note);
  const list = el("ul", { class: "views-list", "data-testid": "saved-views" });
  panel.replaceChildren(
    el("h3", { class: "menu-heading" }, "Save this view"),
    form,
    el("h3", { class: "menu-heading" }, "Saved views"),
    list,
  );

  const resetSave = () => {
    confirmingReplace = null;
    saveButton.textContent = "Save";
    note.hidden = true;
  };
  nameInput.addEventListener("input", resetSave);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    if (!name) return;
    const taken = views.some((view) => view.name === name);
    if (taken && confirmingReplace !== name) {
      confirmingReplace = name;
      saveButton.textContent = "Replace";
      note.textContent = `A view named “${name}” exists: Replace overwrites it.`;
      note.hidden = false;
      return;
    }
    saveButton.disabled = true;
    actions
      .save(name)
      .then(async (saved) => {
        actions.tell(`${taken ? "Replaced" : "Saved"} the view “${saved.name}” (${plural(saved.nodeCount)})`);
        nameInput.value = "";
        resetSave();
        await refresh();
      })
      .catch((error: unknown) => actions.fail("Saving the view", error))
      .finally(() => {
        saveButton.disabled = false;
      });
  });

  const row = (view: SavedViewSummary) => {
    const openButton = el(
      "button",
      { type: "button", class: "views-open", "data-testid": "saved-view-open", title: `Open “${view.name}”` },
      el("span", { class: "views-item-name" }, view.name),
      el("span", { class: "views-item-meta" }, `${plural(view.nodeCount)} · ${WHEN.format(new Date(view.updatedAt))}`),
    );
    openButton.addEventListener("click", () => {
      close();
      void actions.open(view).catch((error: unknown) => actions.fail(`Opening “${view.name}”`, error));
    });
    const deleteButton = el(
      "button",
      {
        type: "button",
        class: "views-delete",
        "data-testid": "saved-view-delete",
        "aria-label": `Delete “${view.name}”`,
      },
      "Delete",
    );
    deleteButton.addEventListener("click", () => {
      if (deleteButton.dataset.confirm !== "true") {
        deleteButton.dataset.confirm = "true";
        deleteButton.textContent = "Delete?";
        return;
      }
      deleteButton.disabled = true;
      actions
        .remove(view)
        .then(async () => {
          actions.tell(`Deleted the saved view “${view.name}”`);
          await refresh();
        })
        .catch((error: unknown) => actions.fail(`Deleting “${view.name}”`, error));
    });
    return el(
      "li",
      { class: "views-item", "data-name": view.name },
      openButton,
      actions.watchButton?.(view),
      deleteButton,
    );
  };

  const refresh = async () => {
    try {
      views = await actions.list();
      list.replaceChildren(
        ...(views.length > 0 ? views.map(row) : [el("li", { class: "views-empty" }, "No saved view yet.")]),
      );
    } catch (error) {
      list.replaceChildren(el("li", { class: "views-empty" }, "The saved views could not be loaded."));
      actions.fail("Loading the saved views", error);
    }
  };

  const isOpen = () => !panel.hidden;
  const open = () => {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    list.replaceChildren(el("li", { class: "views-empty" }, "Loading…"));
    void refresh();
    nameInput.focus();
  };
  const close = (giveFocusBack = false) => {
    if (!isOpen()) return;
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    resetSave();
    if (giveFocusBack) button.focus();
  };
  button.addEventListener("click", () => (isOpen() ? close() : open()));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      close(true);
    }
  });
  document.addEventListener("pointerdown", (event) => {
    const target = event.target as Node;
    if (isOpen() && !panel.contains(target) && !button.contains(target)) close();
  });
}

function plural(nodes: number): string {
  return `${nodes} node${nodes === 1 ? "" : "s"}`;
}
