/**
 * The New article form: paste the text or drop / choose a file (read here, in the browser), then
 * title, outlet (one of the graph's sources, matched by name or alias, or a new one with a grade),
 * URL, publication date (YYYY-MM-DD, whatever the browser's locale) and language.
 */
import type { DraftContent, OutletList } from "../../../../contract/draft-endpoints";
import { EXTRACT_MAX_CHARACTERS } from "../../../../contract/extract-endpoints";
import { el } from "../../dom/el";
import { type FileReaders, fileToText, UnreadableFile } from "./file-to-text";

type Outlet = OutletList["outlets"][number];

export interface ArticleFormDeps {
  outlets(): Promise<Outlet[]>;
  readers: FileReaders;
  /** The form is complete: make the draft and go to the review. */
  submit(content: DraftContent): void;
}

const GRADES = ["A", "B", "C", "D", "E", "F"] as const;
const GRADE_NAMES: Record<(typeof GRADES)[number], string> = {
  A: "A — completely reliable",
  B: "B — usually reliable",
  C: "C — fairly reliable",
  D: "D — not usually reliable",
  E: "E — unreliable",
  F: "F — cannot be judged",
};
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
const count = (n: number) => n.toLocaleString("en-US");

/** How much text that is, said plainly: "10.0 MB (10,485,760 characters)". */
export function tooLongMessage(length: number, doing: string): string {
  const size = length >= 1024 * 1024 ? `${(length / 1024 / 1024).toFixed(1)} MB, ` : "";
  return `${doing} is ${size}${count(length)} characters; an article may be at most ${count(EXTRACT_MAX_CHARACTERS)} characters (about 30,000 words). Nothing was kept: paste or drop a shorter text.`;
}

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id;
  return el(
    "div",
    { class: "intake-field" },
    el("label", { for: id }, label),
    control,
    hint ? el("p", { class: "intake-hint", id: `${id}-hint` }, hint) : null,
  );
}

export function renderArticleForm(deps: ArticleFormDeps): HTMLElement {
  const error = el("p", { class: "intake-error", role: "alert", "data-testid": "intake-error" });
  const say = (message: string) => {
    error.textContent = message;
  };
  const text = el("textarea", {
    id: "intake-text",
    class: "intake-textarea",
    rows: 7,
    spellcheck: false,
    "data-testid": "intake-text",
    "aria-describedby": "intake-text-hint",
  });
  const size = el("p", { class: "intake-hint", id: "intake-text-hint", "aria-live": "polite" }, "No text yet.");
  let fileName: string | undefined;
  const showSize = () => {
    size.textContent = text.value
      ? `${count(text.value.length)} characters${fileName ? ` from ${fileName}` : ""}.`
      : "No text yet.";
  };
  text.addEventListener("paste", (event) => {
    const pasted = event.clipboardData?.getData("text/plain") ?? "";
    if (text.value.length - (text.selectionEnd - text.selectionStart) + pasted.length > EXTRACT_MAX_CHARACTERS) {
      event.preventDefault();
      say(tooLongMessage(pasted.length, "The pasted text"));
    }
  });
  text.addEventListener("input", () => {
    fileName = undefined;
    if (text.value.length > EXTRACT_MAX_CHARACTERS) {
      say(tooLongMessage(text.value.length, "The text"));
      text.value = "";
    } else if (error.textContent) say("");
    showSize();
  });

  const title = el("input", { id: "intake-title", type: "text", autocomplete: "off", "data-testid": "intake-title" });
  const outletList = el("datalist", { id: "intake-outlets" });
  const outlet = el("input", {
    id: "intake-outlet",
    type: "text",
    list: "intake-outlets",
    autocomplete: "off",
    "data-testid": "intake-outlet",
    "aria-describedby": "intake-outlet-hint",
  });
  const outletMatch = el("p", { class: "intake-hint", id: "intake-outlet-hint", "aria-live": "polite" });
  const grade = el(
    "select",
    { id: "intake-grade", "data-testid": "intake-grade" },
    ...GRADES.map((g) => el("option", { value: g, selected: g === "F" }, GRADE_NAMES[g])),
  );
  const gradeField = field("Grade of the new outlet", grade);
  const url = el("input", { id: "intake-url", type: "url", autocomplete: "off", "data-testid": "intake-url" });
  const published = el("input", {
    id: "intake-published",
    type: "text",
    inputmode: "numeric",
    placeholder: "YYYY-MM-DD",
    autocomplete: "off",
    "data-testid": "intake-published",
    "aria-describedby": "intake-published-hint",
  });
  const language = el(
    "select",
    { id: "intake-language", "data-testid": "intake-language" },
    el("option", { value: "" }, "Detect from the text"),
    el("option", { value: "fr" }, "French"),
    el("option", { value: "en" }, "English"),
  );

  let outlets: Outlet[] = [];
  const matched = (): Outlet | undefined => {
    const name = fold(outlet.value);
    if (!name) return undefined;
    return outlets.find(
      (o) => fold(o.name) === name || o.aliases.some((alias) => fold(alias) === name) || o.id === name,
    );
  };
  const showOutlet = () => {
    const match = matched();
    gradeField.hidden = match !== undefined || outlet.value.trim() === "";
    outletMatch.textContent = match
      ? `In the graph: ${match.name} (grade ${match.grade}).`
      : outlet.value.trim()
        ? "A new outlet: give it a grade."
        : "One of the graph's sources, by name or alias, or a new one.";
  };
  outlet.addEventListener("input", showOutlet);
  showOutlet();
  deps
    .outlets()
    .then((list) => {
      outlets = list;
      outletList.replaceChildren(
        ...list.flatMap((o) => [o.name, ...o.aliases]).map((name) => el("option", { value: name })),
      );
      showOutlet();
    })
    .catch(() => {
      outletMatch.textContent = "The graph's sources could not be listed: a name you type makes a new outlet.";
    });

  const chooser = el("input", {
    id: "intake-file",
    type: "file",
    accept: ".txt,.text,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf",
    class: "intake-file",
    "data-testid": "intake-file",
  });
  const reading = el("p", { class: "intake-hint", "aria-live": "polite" });
  const readFile = async (file: File) => {
    say("");
    reading.textContent = `Reading ${file.name}…`;
    try {
      const answer = await fileToText(file.name, new Uint8Array(await file.arrayBuffer()), deps.readers);
      if (answer.text.length > EXTRACT_MAX_CHARACTERS) {
        say(tooLongMessage(answer.text.length, `The text of ${file.name}`));
        return;
      }
      text.value = answer.text;
      fileName = file.name;
      if (!title.value.trim() && answer.title) title.value = answer.title;
      showSize();
    } catch (failure) {
      say(failure instanceof UnreadableFile ? failure.message : `${file.name} could not be read (${String(failure)}).`);
    } finally {
      reading.textContent = "";
    }
  };
  chooser.addEventListener("change", () => {
    const file = chooser.files?.[0];
    if (file) void readFile(file);
    chooser.value = "";
  });
  const drop = el(
    "div",
    { class: "intake-drop", "data-testid": "intake-drop" },
    el("p", {}, "Drop a .txt, .md, .html or .pdf file here, or "),
    el("label", { for: "intake-file", class: "dialog-button intake-file-label" }, "Choose a file…"),
    chooser,
    reading,
  );
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("is-over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("is-over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("is-over");
    const file = event.dataTransfer?.files[0];
    if (file) void readFile(file);
  });

  const submit = el(
    "button",
    { type: "submit", class: "dialog-button dialog-primary", "data-testid": "intake-propose" },
    "Propose claims",
  );
  const form = el(
    "form",
    { class: "intake-form", "aria-labelledby": "intake-form-heading", novalidate: true },
    el("h2", { id: "intake-form-heading", class: "intake-heading" }, "New article"),
    el(
      "p",
      { class: "intake-hint" },
      "Nothing reaches the graph until you commit the claims you accept; the draft is saved as you work.",
    ),
    drop,
    field("Article text (paste it here)", text),
    size,
    el(
      "div",
      { class: "intake-grid" },
      field("Title", title),
      el(
        "div",
        { class: "intake-field" },
        el("label", { for: "intake-outlet" }, "Outlet"),
        outlet,
        outletList,
        outletMatch,
      ),
      gradeField,
      field("URL", url),
      el(
        "div",
        { class: "intake-field" },
        el("label", { for: "intake-published" }, "Publication date"),
        published,
        el("p", { class: "intake-hint", id: "intake-published-hint" }, "YYYY-MM-DD (or YYYY-MM, or YYYY)."),
      ),
      field("Language", language, "Detected by the server when left to it; you can change it on the review."),
    ),
    error,
    el("div", { class: "intake-actions" }, submit),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = text.value;
    if (!body.trim()) return focusError("The text is empty: paste the article or drop a file.", text);
    if (!title.value.trim()) return focusError("The article needs a title.", title);
    if (!outlet.value.trim()) return focusError("The article needs an outlet: who published it?", outlet);
    const date = published.value.trim();
    if (date && !DATE.test(date)) return focusError(`"${date}" is not a date as YYYY-MM-DD.`, published);
    const link = url.value.trim();
    if (link && !/^https?:\/\/\S+$/i.test(link)) return focusError(`"${link}" is not an http(s) address.`, url);
    const match = matched();
    deps.submit({
      text: body,
      ...(fileName ? { file: fileName } : {}),
      title: title.value.trim(),
      url: link,
      published: date,
      language: language.value,
      outlet: match
        ? { id: match.id, name: match.name, grade: GRADES.find((g) => g === match.grade) ?? "F", known: true }
        : { id: "", name: outlet.value.trim(), grade: GRADES.find((g) => g === grade.value) ?? "F", known: false },
      notices: [],
      entities: [],
      sources: [],
      items: [],
    });
  });
  function focusError(message: string, control: HTMLElement): void {
    say(message);
    control.focus();
  }
  return form;
}
