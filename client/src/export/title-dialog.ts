import { el } from "../dom/el";

export interface ExportTitles {
  /** The analyst's own words; null: the automatic ones. */
  title: string | null;
  subtitle: string | null;
}

const MAX_LENGTH = 200;

/**
 * Asks for an export's title and subtitle: a modal <dialog> with both fields, filled with the
 * analyst's words or (as placeholders) the automatic ones. Resolves to the new choice, or null when
 * cancelled (Escape, Cancel). An empty field means "automatic"; the date and scope then stay in the
 * subtitle, or under the analyst's own one.
 */
export function askTitles(
  current: ExportTitles,
  automatic: { title: string; subtitle: string },
  host: HTMLElement = document.body,
): Promise<ExportTitles | null> {
  const field = (id: string, label: string, value: string | null, placeholder: string) => {
    const input = el("input", {
      id,
      type: "text",
      class: "text-input export-title-input",
      maxlength: MAX_LENGTH,
      placeholder,
      autocomplete: "off",
      "data-testid": id,
    });
    input.value = value ?? "";
    return { input, row: el("label", { class: "export-title-field", for: id }, el("span", {}, label), input) };
  };
  const title = field("export-title-input", "Title", current.title, automatic.title);
  const subtitle = field("export-subtitle-input", "Subtitle", current.subtitle, automatic.subtitle);
  const use = el(
    "button",
    { type: "submit", class: "dialog-button dialog-primary", "data-testid": "export-titles-use" },
    "Use",
  );
  const reset = el(
    "button",
    { type: "button", class: "dialog-button", "data-testid": "export-titles-reset" },
    "Automatic",
  );
  const cancel = el(
    "button",
    { type: "button", class: "dialog-button", "data-testid": "export-titles-cancel" },
    "Cancel",
  );
  const form = el(
    "form",
    { method: "dialog", class: "export-titles-form" },
    el("h2", { id: "export-titles-heading", class: "dialog-title" }, "Title and subtitle of image exports"),
    el(
      "p",
      { class: "dialog-note" },
      "Leave a field empty for the automatic words (shown greyed). The export's scope and date stay under your subtitle.",
    ),
    title.row,
    subtitle.row,
    el("div", { class: "dialog-actions" }, use, reset, cancel),
  );
  const dialog = el(
    "dialog",
    {
      class: "guard-dialog export-titles-dialog",
      "data-testid": "export-titles-dialog",
      "aria-labelledby": "export-titles-heading",
    },
    form,
  );

  let finish: (choice: ExportTitles | null) => void = () => {};
  const answer = new Promise<ExportTitles | null>((resolve) => {
    finish = (choice) => {
      dialog.close();
      dialog.remove();
      resolve(choice);
    };
  });
  const words = (input: HTMLInputElement) => input.value.trim() || null;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    finish({ title: words(title.input), subtitle: words(subtitle.input) });
  });
  reset.addEventListener("click", () => finish({ title: null, subtitle: null }));
  cancel.addEventListener("click", () => finish(null));
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    finish(null);
  });
  host.append(dialog);
  dialog.showModal();
  title.input.focus();
  return answer;
}
