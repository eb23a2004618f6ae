/**
 * New article → proposals → review → commit, in one workspace over the explorer. The draft is
 * saved on the server as the analyst works (debounced, and before a commit), so a reload or a
 * crash loses nothing: the workspace lists open drafts and resumes one.
 */
import type { CommitDraftAnswer, DraftContent, DraftSummary } from "../../../../contract/draft-endpoints";
import type { IngestReport, SearchResult } from "../../../../contract/graph-contract";
import { ApiRequestError } from "../../api/api-request-error";
import type { DraftsClient } from "../../api/drafts-client";
import { el } from "../../dom/el";
import { describeError } from "../../panels/status/describe-error";
import { renderArticleForm } from "./article-form";
import type { FileReaders } from "./file-to-text";
import { nameOf, withProposals } from "./review-model";
import { createReviewPage } from "./review-page";
import { refusalOf, type WriteRefusal } from "./write-refusal";

export interface IntakeDeps {
  drafts: DraftsClient;
  readers: FileReaders;
  search(text: string, signal: AbortSignal): Promise<SearchResult>;
  predicates(): readonly string[];
  /** Draws the committed article's relationships on the canvas. */
  showOnCanvas(answer: CommitDraftAnswer): Promise<void>;
  /** An article was committed: what lists the graph's articles reads them again. */
  committed?(): void;
  /** Why this user may not save drafts or commit (a viewer), or null; asked when the workspace opens. */
  writeRefusal?(): Promise<WriteRefusal | null>;
}

export interface Intake {
  /** "New article": opens the workspace on the form and the open drafts. */
  readonly button: HTMLButtonElement;
  open(): void;
  resume(id: string): Promise<void>;
  close(): void;
}

const SAVE_AFTER_MS = 500;
const LANGUAGES: Record<string, string> = { fr: "French", en: "English", unknown: "not recognised" };

interface Working {
  id: string;
  revision: number;
  content: DraftContent;
  committed: CommitDraftAnswer | null;
}

export function createIntake(deps: IntakeDeps): Intake {
  const button = el("button", { type: "button", class: "dialog-button", "data-testid": "new-article" }, "New article");
  const heading = el("h2", { id: "intake-heading", class: "intake-heading" }, "Sources · add an article");
  const saveState = el("p", { class: "intake-save", "data-testid": "intake-save", "aria-live": "polite" });
  const close = el("button", {
    type: "button",
    class: "panel-close",
    "aria-label": "Close the article workspace",
    title: "Close (Esc)",
    "data-testid": "intake-close",
  });
  const body = el("div", { class: "intake-body" });
  // Why nothing can be saved or committed here (a viewer), above whatever the workspace shows.
  const refusalNote = el("p", { class: "intake-refusal", role: "note", "data-testid": "intake-refusal", hidden: true });
  const root = el(
    "section",
    { class: "intake", "data-testid": "intake", "aria-labelledby": "intake-heading", hidden: true },
    el("header", { class: "intake-header" }, heading, saveState, close),
    refusalNote,
    body,
  );
  document.body.append(root);

  let working: Working | null = null;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  let proposing: AbortController | null = null;
  /** Set once this user is known not to be allowed to save or commit: nothing is sent from then on. */
  let refusal: WriteRefusal | null = null;

  const review = createReviewPage({
    change: (next) => {
      if (!working) return;
      working.content = next;
      scheduleSave();
      refreshCommit();
    },
    search: deps.search,
    predicates: deps.predicates,
  });

  // Saving -----------------------------------------------------------------------------------
  function scheduleSave(): void {
    dirty = true;
    if (refusal) {
      saveState.textContent = `Not saved: ${refusal.short}.`;
      return;
    }
    saveState.textContent = "Unsaved changes…";
    clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_AFTER_MS);
  }
  /** Saves now if anything changed; saves run one after another. */
  function save(): Promise<void> {
    clearTimeout(timer);
    saving = saving.then(async () => {
      if (!working || !dirty) return;
      if (refusal) {
        saveState.textContent = `Not saved: ${refusal.short}.`;
        return;
      }
      dirty = false;
      const target = working;
      saveState.textContent = "Saving…";
      try {
        const saved = await deps.drafts.put(target.id, target.revision, target.content);
        target.revision = saved.revision;
        saveState.textContent = `Draft saved (revision ${saved.revision}).`;
      } catch (error) {
        if (error instanceof ApiRequestError && error.code === "CONFLICT") {
          saveState.textContent = "";
          conflict(error);
          return;
        }
        dirty = true;
        const refused = refusalOf(error);
        if (refused) {
          refuse(refused);
          return;
        }
        saveState.textContent = `Not saved: ${describeError(error)} It will be tried again with your next change.`;
      }
    });
    return saving;
  }
  function conflict(error: ApiRequestError): void {
    const reload = el("button", { type: "button", class: "dialog-button" }, "Load the newer draft");
    reload.addEventListener("click", () => {
      if (working) void resume(working.id);
    });
    review.setStatus(
      el(
        "div",
        { class: "intake-warning", role: "alert" },
        el("p", {}, `${error.message} Your last change is not in it.`),
        reload,
      ),
    );
  }
  /** This user may not save or commit: say so once, keep what they typed, and send nothing more. */
  function refuse(why: WriteRefusal): void {
    refusal = why;
    clearTimeout(timer);
    refusalNote.textContent = why.message;
    refusalNote.hidden = false;
    if (working) saveState.textContent = `Not saved: ${why.short}.`;
    for (const remove of root.querySelectorAll<HTMLButtonElement>("[data-draft-delete]")) {
      remove.disabled = true;
      remove.title = `Deleting a draft ${why.short}.`;
    }
    refreshCommit();
  }
  function refusedNow(): WriteRefusal | null {
    return refusal;
  }
  function askRefusal(): void {
    if (refusal || !deps.writeRefusal) return;
    deps.writeRefusal().then(
      (why) => {
        if (why && !refusal) refuse(why);
      },
      () => undefined,
    );
  }
  window.addEventListener("pagehide", () => void save());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") void save();
  });

  // Views ------------------------------------------------------------------------------------
  const commitButton = el(
    "button",
    { type: "button", class: "dialog-button dialog-primary", "data-testid": "intake-commit" },
    "Commit",
  );
  const reportSlot = el("div", { class: "intake-report-slot", "data-testid": "intake-report-slot" });
  const languagePick = el(
    "select",
    { id: "intake-review-language", "data-testid": "intake-review-language" },
    el("option", { value: "" }, "Detected"),
    el("option", { value: "fr" }, "French"),
    el("option", { value: "en" }, "English"),
  );
  const proposeAgain = el(
    "button",
    { type: "button", class: "dialog-button", "data-testid": "intake-propose-again" },
    "Propose again",
  );
  const meta = el("p", { class: "intake-meta", "data-testid": "intake-meta" });
  languagePick.addEventListener("change", () => {
    if (!working) return;
    working.content = { ...working.content, language: languagePick.value };
    scheduleSave();
    describeArticle();
  });
  proposeAgain.addEventListener("click", () => void propose());
  commitButton.addEventListener("click", () => void commit());

  function describeArticle(): void {
    if (!working) return;
    const { content } = working;
    const detected = content.detectedLanguage ? `detected: ${LANGUAGES[content.detectedLanguage]}` : "not yet detected";
    meta.textContent = `${content.outlet.name}${content.outlet.known ? "" : ` (new, grade ${content.outlet.grade})`} · ${content.published || "no date"} · language ${detected}`;
    languagePick.value = content.language;
  }

  function refreshCommit(): void {
    if (refusal) {
      commitButton.textContent = `Commit (${refusal.short})`;
      commitButton.title = refusal.message;
      commitButton.disabled = true;
      return;
    }
    const accepted = working?.content.items.filter((item) => item.status === "accepted").length ?? 0;
    commitButton.textContent =
      accepted === 0 ? "Commit (accept claims first)" : `Commit ${accepted} claim${accepted === 1 ? "" : "s"}`;
    commitButton.disabled = accepted === 0;
  }

  function showHome(): void {
    heading.textContent = "Sources · add an article";
    working = null;
    saveState.textContent = "";
    const draftsList = el("section", { class: "intake-drafts", "aria-labelledby": "intake-drafts-heading" });
    body.replaceChildren(
      el(
        "div",
        { class: "intake-home" },
        renderArticleForm({
          outlets: () => deps.drafts.outlets(),
          readers: deps.readers,
          submit: (content) => void start(content),
        }),
        draftsList,
      ),
    );
    void listDrafts(draftsList);
    body.querySelector<HTMLTextAreaElement>("textarea")?.focus();
  }

  async function listDrafts(slot: HTMLElement): Promise<void> {
    const title = el("h3", { id: "intake-drafts-heading", class: "intake-subheading" }, "Drafts");
    slot.replaceChildren(title, el("p", { class: "intake-hint" }, "Loading the drafts…"));
    let drafts: DraftSummary[];
    try {
      drafts = await deps.drafts.list();
    } catch (error) {
      slot.replaceChildren(
        title,
        el("p", { class: "intake-error" }, `The drafts could not be listed: ${describeError(error)}`),
      );
      return;
    }
    if (drafts.length === 0) {
      slot.replaceChildren(
        title,
        el("p", { class: "intake-hint" }, "No draft yet: the article you start is saved as one."),
      );
      return;
    }
    slot.replaceChildren(
      title,
      el(
        "ul",
        { class: "intake-draft-list", "data-testid": "intake-drafts" },
        ...drafts.map((draft) => {
          const open = el(
            "button",
            { type: "button", class: "dialog-button", "data-testid": "intake-resume" },
            draft.status === "committed" ? "Open" : "Resume",
          );
          open.addEventListener("click", () => void resume(draft.id));
          const remove = el(
            "button",
            {
              type: "button",
              class: "dialog-button",
              "aria-label": `Delete the draft ${draft.title}`,
              "data-draft-delete": "",
              ...(refusal ? { disabled: true, title: `Deleting a draft ${refusal.short}.` } : {}),
            },
            "Delete",
          );
          remove.addEventListener("click", async () => {
            if (!window.confirm(`Delete the draft "${draft.title}"? Claims it committed stay in the graph.`)) return;
            try {
              await deps.drafts.delete(draft.id);
            } catch (error) {
              window.alert(`The draft could not be deleted: ${describeError(error)}`);
            }
            void listDrafts(slot);
          });
          return el(
            "li",
            { class: "intake-draft" },
            el("span", { class: "intake-draft-title" }, draft.title),
            el(
              "span",
              { class: "intake-hint", "data-testid": "intake-draft-meta" },
              `${draft.status === "committed" ? "committed" : "open"} · ${draft.itemCount} claim${draft.itemCount === 1 ? "" : "s"} · saved ${draft.updatedAt.slice(0, 16).replace("T", " ")}${draftAuthors(draft)}`,
            ),
            open,
            remove,
          );
        }),
      ),
    );
  }

  function showReview(): void {
    if (!working) return;
    heading.textContent = working.content.title;
    const back = el("button", { type: "button", class: "dialog-button" }, "← New article");
    back.addEventListener("click", async () => {
      await save();
      proposing?.abort();
      showHome();
    });
    body.replaceChildren(
      el(
        "div",
        { class: "intake-review", "data-testid": "intake-review" },
        el(
          "div",
          { class: "intake-review-bar" },
          back,
          meta,
          el("label", { for: "intake-review-language", class: "intake-inline-label" }, "Language"),
          languagePick,
          proposeAgain,
          commitButton,
        ),
        reportSlot,
        review.element,
      ),
    );
    describeArticle();
    refreshCommit();
    review.render(working.content);
    showNotices();
  }

  function showNotices(): void {
    const notices = working?.content.notices ?? [];
    review.setStatus(
      notices.length > 0
        ? el(
            "ul",
            { class: "intake-notices", "data-testid": "intake-notices" },
            ...notices.map((notice) => el("li", {}, notice)),
          )
        : null,
    );
  }

  // Steps ------------------------------------------------------------------------------------
  async function start(content: DraftContent): Promise<void> {
    working = { id: crypto.randomUUID(), revision: 0, content, committed: null };
    reportSlot.replaceChildren();
    showReview();
    dirty = true;
    void save();
    await propose();
  }

  async function propose(): Promise<void> {
    if (!working) return;
    proposing?.abort();
    const controller = new AbortController();
    proposing = controller;
    const target = working;
    const cancel = el("button", { type: "button", class: "dialog-button", "data-testid": "intake-cancel" }, "Cancel");
    cancel.addEventListener("click", () => controller.abort());
    review.setStatus(
      el(
        "div",
        { class: "intake-loading", role: "status" },
        el("span", { class: "intake-spinner", "aria-hidden": "true" }),
        "Reading the article for proposals… ",
        cancel,
      ),
    );
    // The form's button is gone with the form: the keyboard waits on Cancel, not on the page's body.
    if (!root.contains(document.activeElement)) cancel.focus();
    const { content } = target;
    try {
      const answer = await deps.drafts.extract(
        {
          text: content.text,
          source: content.outlet.name,
          title: content.title,
          ...(content.published ? { published: content.published } : {}),
          ...(content.language === "fr" || content.language === "en" ? { language: content.language } : {}),
        },
        controller.signal,
      );
      if (controller.signal.aborted || working !== target) return;
      target.content = withProposals(target.content, answer);
      scheduleSave();
      describeArticle();
      refreshCommit();
      review.render(target.content);
      showNotices();
      // The focus goes to the first proposal unless the analyst has moved it elsewhere in the workspace.
      if (!root.contains(document.activeElement))
        review.element
          .querySelector<HTMLElement>(answer.draft.claims.length > 0 ? "[data-item]" : ".intake-text")
          ?.focus();
    } catch (error) {
      if (working !== target) return;
      const again = el("button", { type: "button", class: "dialog-button" }, "Propose again");
      again.addEventListener("click", () => void propose());
      review.setStatus(
        el(
          "div",
          { class: controller.signal.aborted ? "intake-notices" : "intake-warning", role: "status" },
          el(
            "p",
            {},
            controller.signal.aborted
              ? "Proposals cancelled. Select words in the article to add claims by hand, or propose again."
              : `Proposals failed: ${describeError(error)}`,
          ),
          again,
        ),
      );
      if (!root.contains(document.activeElement)) again.focus();
    } finally {
      if (proposing === controller) proposing = null;
    }
  }

  async function resume(id: string): Promise<void> {
    open();
    body.replaceChildren(el("p", { class: "intake-hint" }, "Opening the draft…"));
    try {
      const draft = await deps.drafts.get(id);
      working = { id, revision: draft.revision, content: draft.content, committed: null };
      dirty = false;
      reportSlot.replaceChildren();
      showReview();
      saveState.textContent = `Draft saved (revision ${draft.revision}).`;
      if (draft.committed) reportSlot.replaceChildren(committedNote(draft.committed.at, id, draft.committed.by));
      if (!draft.content.detectedLanguage && draft.content.items.length === 0) await propose();
    } catch (error) {
      body.replaceChildren(
        el("p", { class: "intake-error", role: "alert" }, `The draft could not be opened: ${describeError(error)}`),
      );
    }
  }

  function committedNote(at: string, id: string, by: string | null = null): HTMLElement {
    return el(
      "p",
      { class: "intake-hint", "data-testid": "intake-committed-note" },
      `Committed ${at.slice(0, 16).replace("T", " ")}${by ? ` by ${by}` : ""}. `,
      el(
        "a",
        { href: deps.drafts.claimsFileUrl(id), download: `claims-${id}.json`, "data-testid": "intake-download" },
        "Download the claims file",
      ),
    );
  }

  async function commit(): Promise<void> {
    if (!working || refusal) return;
    const target = working;
    commitButton.disabled = true;
    reportSlot.replaceChildren(el("p", { class: "intake-hint", role: "status" }, "Committing…"));
    try {
      await save();
      // The save may have learnt just now that this user may not save (a 403 for the role).
      if (dirty) throw new Error(refusedNow()?.message ?? "the draft could not be saved first");
      const answer = await deps.drafts.commit(target.id, target.revision);
      target.revision = answer.draft.revision;
      target.committed = answer;
      saveState.textContent = `Draft saved (revision ${answer.draft.revision}).`;
      reportSlot.replaceChildren(renderReport(answer, target.id));
      if (!answer.nothingChanged) deps.committed?.();
      reportSlot.querySelector<HTMLElement>("h3")?.focus();
    } catch (error) {
      reportSlot.replaceChildren(failedCommit(error));
    } finally {
      refreshCommit();
      // The Commit button was disabled under the focus: the outcome takes it (report or error).
      if (!root.contains(document.activeElement))
        reportSlot.querySelector<HTMLElement>("h3, [data-testid='intake-commit-error']")?.focus();
    }
  }

  function failedCommit(error: unknown): HTMLElement {
    const report =
      error instanceof ApiRequestError &&
      typeof error.details === "object" &&
      error.details !== null &&
      "problems" in error.details
        ? (error.details as IngestReport)
        : null;
    return el(
      "div",
      { class: "intake-warning", role: "alert", tabindex: -1, "data-testid": "intake-commit-error" },
      el("p", {}, `Nothing was committed: ${describeError(error)}`),
      report
        ? el(
            "ul",
            {},
            ...report.problems.slice(0, 20).map((problem) => el("li", {}, `${problem.path}: ${problem.message}`)),
          )
        : null,
    );
  }

  function renderReport(answer: CommitDraftAnswer, id: string): HTMLElement {
    const { report } = answer;
    const content = working?.content;
    const name = (key: string) => (content ? nameOf(content, key) : key);
    // Every merge the ingestion reported, once each and by name: "Huawei → Huawei Technologies (same alias)".
    const merges = [
      ...new Set(
        report.merges.map((merge) =>
          merge.given === merge.nodeId || name(merge.given) === name(merge.nodeId)
            ? `${name(merge.nodeId)}: already in the graph (same ${merge.reason})`
            : `${name(merge.given)} → ${name(merge.nodeId)} (same ${merge.reason})`,
        ),
      ),
    ];
    // The names the analyst merged into nodes of the graph, now their aliases.
    const aliases = (content?.entities ?? []).flatMap((entity) =>
      (entity.mergedNames ?? []).map((merged) => `${merged} is now an alias of ${entity.name}`),
    );
    const rows = Object.entries(report.counts) as [keyof IngestReport["counts"], IngestReport["counts"]["claims"]][];
    const show = el(
      "button",
      { type: "button", class: "dialog-button dialog-primary", "data-testid": "intake-show-canvas" },
      "Show on the canvas",
    );
    show.addEventListener("click", async () => {
      show.disabled = true;
      await deps.showOnCanvas(answer);
      closeView();
    });
    return el(
      "section",
      { class: "intake-report", "data-testid": "intake-report", "aria-labelledby": "intake-report-heading" },
      el(
        "h3",
        { id: "intake-report-heading", class: "intake-subheading", tabindex: -1 },
        answer.nothingChanged ? "Nothing changed: this article's claims were committed before" : "Committed",
      ),
      el(
        "table",
        { class: "intake-counts" },
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            el("th", { scope: "col" }, ""),
            el("th", { scope: "col" }, "created"),
            el("th", { scope: "col" }, "merged"),
            el("th", { scope: "col" }, "unchanged"),
          ),
        ),
        el(
          "tbody",
          {},
          ...rows.map(([name, count]) =>
            el(
              "tr",
              { "data-count": name },
              el("th", { scope: "row" }, name),
              el("td", {}, count.created),
              el("td", {}, count.merged),
              el("td", {}, count.unchanged),
            ),
          ),
        ),
      ),
      aliases.length > 0
        ? el(
            "ul",
            { class: "intake-merges", "data-testid": "intake-aliases", "aria-label": "Aliases recorded" },
            ...aliases.map((line) => el("li", {}, line)),
          )
        : null,
      merges.length > 0
        ? el(
            "details",
            { class: "intake-merges-details" },
            el("summary", {}, `Found in the graph: ${merges.length} node${merges.length === 1 ? "" : "s"}`),
            el(
              "ul",
              { class: "intake-merges", "data-testid": "intake-merges" },
              ...merges.map((line) => el("li", {}, line)),
            ),
          )
        : null,
      el(
        "div",
        { class: "intake-actions" },
        show,
        committedNote(answer.draft.committed?.at ?? new Date().toISOString(), id, answer.draft.committed?.by ?? null),
      ),
    );
  }

  // Open and close ---------------------------------------------------------------------------
  /**
   * The workspace covers the whole page: while it is open, what it covers is inert, so Tab never
   * takes the focus to a control nobody can see (Escape or the close button leave, so no trap).
   */
  let madeInert: Element[] = [];
  function open(): void {
    askRefusal();
    root.hidden = false;
    document.body.dataset.intake = "open";
    if (madeInert.length === 0) {
      madeInert = [...document.body.children].filter(
        // Modal dialogs (help, vocabulary) open in the top layer, above the workspace: they stay usable.
        (child) =>
          child !== root && child instanceof HTMLElement && !(child instanceof HTMLDialogElement) && !child.inert,
      );
      for (const child of madeInert) (child as HTMLElement).inert = true;
    }
  }
  function closeView(): void {
    void save();
    proposing?.abort();
    root.hidden = true;
    document.body.dataset.intake = "closed";
    for (const child of madeInert) (child as HTMLElement).inert = false;
    madeInert = [];
    button.focus();
  }
  button.addEventListener("click", () => {
    open();
    if (!working) showHome();
    // Back to an article under review: the focus goes into it (what it covers is inert).
    else (root.querySelector<HTMLElement>("[data-item], .intake-review-bar button") ?? close).focus();
  });
  close.addEventListener("click", closeView);
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest(".intake-editor, .intake-picker")) return;
    event.preventDefault();
    closeView();
  });

  return {
    button,
    open: () => {
      open();
      showHome();
    },
    resume,
    close: closeView,
  };
}

/** Who started a draft and who saved it last (accounts mode); nothing in token mode. */
function draftAuthors(draft: DraftSummary): string {
  if (!draft.createdBy && !draft.updatedBy) return "";
  if (!draft.updatedBy || draft.updatedBy === draft.createdBy) return ` by ${draft.createdBy ?? draft.updatedBy}`;
  return ` · started by ${draft.createdBy ?? "someone"}, last saved by ${draft.updatedBy}`;
}
