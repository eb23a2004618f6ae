import { ENTITY_LABELS } from "../../../contract/claims-file";
import {
  type AddRelationshipTypeRequest,
  addRelationshipTypeRequestSchema,
  type EditRelationshipTypeRequest,
  editRelationshipTypeRequestSchema,
  type RelationshipType,
  TRIGGER_MAX_COUNT,
} from "../../../contract/vocabulary-endpoints";
import { el } from "../dom/el";

export type FormRequest =
  | { kind: "add"; request: AddRelationshipTypeRequest; writeToken: string }
  | { kind: "edit"; name: string; request: EditRelationshipTypeRequest; writeToken: string };

export interface VocabularyForm {
  readonly element: HTMLFormElement;
  /** Fills the form to edit a type's description, direction and phrases (its name and ends stay). */
  edit(type: RelationshipType): void;
  /** Back to adding a new type, empty. */
  reset(): void;
  /** Says what went wrong (a server's refusal), and keeps what was typed. */
  showError(message: string): void;
  setBusy(busy: boolean): void;
  focusFirst(): void;
}

let uid = 0;
const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

/**
 * The form of the vocabulary editor: add a type (name, description, direction, the labels its ends
 * may take, trigger phrases per language), or edit one's description, direction and phrases. Checked
 * with the contract's schemas before sending, each problem shown at its field.
 */
export function createVocabularyForm(submit: (request: FormRequest) => void): VocabularyForm {
  const id = (name: string) => `vocabulary-${name}-${++uid}`;
  const field = (
    label: string,
    control: HTMLInputElement | HTMLTextAreaElement,
    hint?: string,
  ): { row: HTMLElement; error: HTMLElement } => {
    const controlId = id("field");
    control.id = controlId;
    const error = el("p", { class: "vocabulary-field-error", id: `${controlId}-error`, hidden: true });
    const hintElement = hint ? el("p", { class: "vocabulary-hint", id: `${controlId}-hint` }, hint) : null;
    control.setAttribute("aria-describedby", [hintElement?.id, error.id].filter(Boolean).join(" "));
    return {
      row: el(
        "div",
        { class: "vocabulary-field" },
        el("label", { for: controlId }, label),
        control,
        hintElement,
        error,
      ),
      error,
    };
  };

  const name = el("input", {
    type: "text",
    class: "vocabulary-input",
    "data-testid": "vocabulary-name",
    autocomplete: "off",
    spellcheck: "false",
    maxlength: 60,
    placeholder: "LICENSES_TO",
  });
  const description = el("textarea", {
    class: "vocabulary-input",
    "data-testid": "vocabulary-description",
    rows: 2,
    maxlength: 500,
  });
  const direction = el("input", {
    type: "text",
    class: "vocabulary-input",
    "data-testid": "vocabulary-direction",
    maxlength: 200,
    placeholder: "licensor → licensee",
  });
  const phrases = (language: string) =>
    el("textarea", {
      class: "vocabulary-input vocabulary-phrases",
      "data-testid": `vocabulary-triggers-${language}`,
      rows: 3,
      spellcheck: "false",
    });
  const fr = phrases("fr");
  const en = phrases("en");
  const token = el("input", {
    type: "password",
    class: "vocabulary-input",
    "data-testid": "vocabulary-token",
    autocomplete: "off",
  });
  const ends = (which: string) => {
    const boxes = ENTITY_LABELS.map((label) => el("input", { type: "checkbox", value: label, "data-end": which }));
    const fieldset = el(
      "fieldset",
      { class: "vocabulary-ends" },
      el("legend", {}, `${which === "subject" ? "Subject" : "Object"} may be`),
      ...ENTITY_LABELS.map((label, index) =>
        el("label", { class: "vocabulary-end" }, boxes[index] as HTMLInputElement, label),
      ),
    );
    return { fieldset, checked: () => boxes.filter((box) => box.checked).map((box) => box.value) };
  };
  const subject = ends("subject");
  const object = ends("object");

  const fields = {
    name: field("Name", name, "UPPER_SNAKE: capital letters and digits, words joined by _ (LICENSES_TO)"),
    description: field("What it means", description),
    direction: field(
      "Direction, subject → object",
      direction,
      "How to read an arrow of this type: “licensor → licensee”",
    ),
    fr: field("Trigger phrases, French", fr, `One per line, at most ${TRIGGER_MAX_COUNT}: “concède * licence* à”`),
    en: field(
      "Trigger phrases, English",
      en,
      "One per line: “licens* * to”. w* any word starting w; * a gap of a few words; a|b either; {reverse} when the subject follows",
    ),
    token: field("Write token", token, "Only if the server asks for one (WRITE_TOKEN)"),
  };

  const title = el("h3", { class: "vocabulary-form-title", id: id("form-title") }, "Add a type");
  const error = el("p", { class: "vocabulary-error", "data-testid": "vocabulary-error", role: "alert", hidden: true });
  const note = el("p", { class: "vocabulary-hint vocabulary-note", hidden: true });
  const submitButton = el(
    "button",
    { type: "submit", class: "dialog-button dialog-primary", "data-testid": "vocabulary-submit" },
    "Add type",
  );
  const cancel = el("button", { type: "button", class: "dialog-button", hidden: true }, "Cancel");
  const endsRow = el(
    "div",
    { class: "vocabulary-ends-row" },
    subject.fieldset,
    object.fieldset,
    el("p", { class: "vocabulary-hint" }, "The labels each end may take; none ticked: any label."),
  );
  const element = el(
    "form",
    { class: "vocabulary-form", "data-testid": "vocabulary-form", novalidate: true, "aria-labelledby": title.id },
    title,
    fields.name.row,
    fields.description.row,
    fields.direction.row,
    endsRow,
    note,
    fields.fr.row,
    fields.en.row,
    fields.token.row,
    error,
    el("div", { class: "dialog-actions" }, cancel, submitButton),
  );

  let editing: string | null = null;
  const clearErrors = () => {
    for (const { row, error: fieldError } of Object.values(fields)) {
      fieldError.hidden = true;
      row.querySelector("input, textarea")?.removeAttribute("aria-invalid");
    }
    error.hidden = true;
  };
  const showAt = (key: keyof typeof fields, message: string) => {
    const { row, error: fieldError } = fields[key];
    fieldError.textContent = message;
    fieldError.hidden = false;
    row.querySelector("input, textarea")?.setAttribute("aria-invalid", "true");
  };

  element.addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors();
    const triggers = { fr: lines(fr.value), en: lines(en.value) };
    const values = { description: description.value, direction: direction.value, triggers };
    const parsed = editing
      ? editRelationshipTypeRequestSchema.safeParse(values)
      : addRelationshipTypeRequestSchema.safeParse({
          ...values,
          name: name.value.trim(),
          subjectLabels: subject.checked(),
          objectLabels: object.checked(),
        });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        const at = key === "triggers" ? String(issue.path[1] ?? "en") : key;
        if (at in fields) showAt(at as keyof typeof fields, issue.message);
      }
      (element.querySelector("[aria-invalid='true']") as HTMLElement | null)?.focus();
      return;
    }
    submit(
      editing
        ? { kind: "edit", name: editing, request: values, writeToken: token.value }
        : {
            kind: "add",
            request: {
              ...values,
              name: name.value.trim(),
              subjectLabels: subject.checked(),
              objectLabels: object.checked(),
            } as AddRelationshipTypeRequest,
            writeToken: token.value,
          },
    );
  });

  const reset = () => {
    editing = null;
    title.textContent = "Add a type";
    submitButton.textContent = "Add type";
    cancel.hidden = true;
    name.readOnly = false;
    endsRow.hidden = false;
    note.hidden = true;
    for (const control of [name, description, direction, fr, en]) control.value = "";
    for (const box of element.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) box.checked = false;
    clearErrors();
  };
  cancel.addEventListener("click", () => {
    reset();
    name.focus();
  });

  return {
    element,
    edit(type) {
      reset();
      editing = type.name;
      title.textContent = `Edit ${type.name}`;
      submitButton.textContent = "Save changes";
      cancel.hidden = false;
      name.value = type.name;
      name.readOnly = true;
      endsRow.hidden = true;
      description.value = type.description;
      direction.value = type.direction;
      fr.value = type.triggers.fr.join("\n");
      en.value = type.triggers.en.join("\n");
      const fromFiles = type.lexiconTriggers.fr.length + type.lexiconTriggers.en.length;
      note.textContent = `Also proposed from ${fromFiles} phrase${fromFiles === 1 ? "" : "s"} of the lexicon files (cypher/lexicon), which stay as they are: the phrases below are added to them.`;
      note.hidden = fromFiles === 0;
      description.focus();
    },
    reset,
    showError(message) {
      error.textContent = message;
      error.hidden = false;
    },
    setBusy(busy) {
      submitButton.disabled = busy;
    },
    focusFirst() {
      (editing ? description : name).focus();
    },
  };
}
