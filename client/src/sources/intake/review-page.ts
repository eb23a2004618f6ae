/**
 * The review: the article on one side with each proposal's sentence and cue words highlighted, the
 * proposals on the other grouped by sentence. Accept (a), edit (e) or reject (r) each, accept all
 * of a sentence, select any span of the text to add a claim by hand, see how each entity resolved
 * and re-point it (or merge a new one) into a node of the graph. Every change goes to `change`,
 * which saves the draft; the page is drawn again from the content.
 */
import { PREDICATES } from "../../../../contract/claims-file";
import type { DraftContent, DraftItem } from "../../../../contract/draft-endpoints";
import type { SearchResult } from "../../../../contract/graph-contract";
import { el } from "../../dom/el";
import { groupBySentence, nameOf, repoint, segmentText } from "./review-model";

export interface ReviewDeps {
  change(next: DraftContent): void;
  search(text: string, signal: AbortSignal): Promise<SearchResult>;
  /** The relationship types an edit offers (the vocabulary); any UPPER_SNAKE name may be typed. */
  predicates(): readonly string[];
}

export interface ReviewView {
  element: HTMLElement;
  /** Draws the content again, keeping the focus where it was. */
  render(content: DraftContent): void;
  /** The proposals' status line: loading (with Cancel), notices, or a failure. */
  setStatus(status: HTMLElement | null): void;
}

const CERTAINTIES = ["confirmed", "reported", "speculative"] as const;
const STANCES = ["asserts", "denies"] as const;
const STATUS_WORDS = { pending: "to review", accepted: "accepted", rejected: "rejected" } as const;

function quantitiesText(quantities: Record<string, number>): string {
  return Object.entries(quantities)
    .map(([name, value]) => `${name}=${value}`)
    .join(", ");
}

/** "quantity=100000, delivered=30000" back to numbers; null when a part is not name=number. */
export function parseQuantities(text: string): Record<string, number> | null {
  const result: Record<string, number> = {};
  for (const part of text
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = part.match(/^([A-Za-z][A-Za-z0-9_]*)\s*[=:]\s*(-?[\d\s.,_]+)$/);
    const value = match ? Number((match[2] ?? "").replace(/[\s,_]/g, "")) : Number.NaN;
    if (!match || !Number.isFinite(value)) return null;
    result[match[1] as string] = value;
  }
  return result;
}

export function createReviewPage(deps: ReviewDeps): ReviewView {
  let content: DraftContent | null = null;
  const editing = new Set<string>();
  const repointing = new Set<string>();
  const statusSlot = el("div", { class: "intake-status", "data-testid": "intake-status", "aria-live": "polite" });
  const articlePane = el("div", { class: "intake-text", "data-testid": "intake-article", tabindex: 0 });
  const addFromSelection = el(
    "button",
    { type: "button", class: "dialog-button", "data-testid": "intake-add-selection", disabled: true },
    "Add a claim from the selected text",
  );
  const selectionHint = el("span", { class: "intake-hint" }, "Select words in the article to add a claim by hand.");
  const entitiesSlot = el("section", { class: "intake-entities", "aria-labelledby": "intake-entities-heading" });
  const groupsSlot = el("div", { class: "intake-groups", "data-testid": "intake-groups" });
  /** How far the review is: what is left to decide, what is accepted, what is rejected. */
  const progress = el("p", { class: "intake-progress", "data-testid": "intake-progress" });
  const element = el(
    "div",
    { class: "intake-columns" },
    el(
      "section",
      { class: "intake-article", "aria-label": "Article" },
      el("div", { class: "intake-article-tools" }, addFromSelection, selectionHint),
      articlePane,
    ),
    el(
      "section",
      { class: "intake-proposals", "aria-labelledby": "intake-proposals-heading" },
      el("h3", { id: "intake-proposals-heading", class: "intake-subheading" }, "Proposed claims"),
      progress,
      statusSlot,
      entitiesSlot,
      groupsSlot,
    ),
  );

  /** A change of the content: saved (by the caller) and drawn again. */
  const update = (next: DraftContent) => {
    deps.change(next);
    render(next);
  };
  const setItem = (id: string, patch: Partial<DraftItem>) => {
    if (!content) return;
    update({ ...content, items: content.items.map((item) => (item.id === id ? { ...item, ...patch } : item)) });
  };

  // Selection → a claim by hand: offsets from the segments' data-start.
  let selected: { start: number; end: number } | null = null;
  const offsetOf = (node: Node | null, offset: number): number | null => {
    const holder = node?.nodeType === 3 ? node.parentElement : (node as Element | null);
    const segment = holder?.closest<HTMLElement>("[data-start]");
    if (!segment || !articlePane.contains(segment)) return null;
    return Number(segment.dataset.start) + (node?.nodeType === 3 ? offset : 0);
  };
  const readSelection = () => {
    const selection = document.getSelection();
    selected = null;
    if (selection && !selection.isCollapsed && selection.rangeCount > 0) {
      const range = selection.getRangeAt(0);
      const start = offsetOf(range.startContainer, range.startOffset);
      const end = offsetOf(range.endContainer, range.endOffset);
      if (start !== null && end !== null && end > start && content?.text.slice(start, end).trim())
        selected = { start, end };
    }
    addFromSelection.disabled = selected === null;
    selectionHint.textContent = selected
      ? `Selected: “${content?.text.slice(selected.start, selected.end).slice(0, 80) ?? ""}”`
      : "Select words in the article to add a claim by hand.";
  };
  document.addEventListener("selectionchange", () => {
    if (element.isConnected) readSelection();
  });
  addFromSelection.addEventListener("click", () => {
    if (!content || !selected) return;
    const { start, end } = selected;
    const raw = content.text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const quote = raw.trim();
    const id = `m${Date.now().toString(36)}`;
    const outletId = content.outlet.known ? content.outlet.id : "";
    const item: DraftItem = {
      id,
      origin: "manual",
      status: "pending",
      subject: "",
      predicate: "",
      object: "",
      source: outletId,
      stance: "asserts",
      certainty: "confirmed",
      quote,
      quoteEn: "",
      quantities: {},
      start: start + lead,
      end: start + lead + quote.length,
      cues: [],
    };
    editing.add(id);
    update({ ...content, items: [...content.items, item] });
    element.querySelector<HTMLElement>(`[data-item="${id}"] select, [data-item="${id}"] input`)?.focus();
  });

  function renderArticle(current: DraftContent): void {
    const segments = segmentText(current.text, current.items);
    articlePane.replaceChildren(
      ...segments.map((segment) => {
        const words = current.text.slice(segment.start, segment.end);
        if (segment.items.length === 0) return el("span", { "data-start": segment.start }, words);
        const accepted = segment.items.some(
          (id) => current.items.find((item) => item.id === id)?.status === "accepted",
        );
        return el(
          "mark",
          {
            "data-start": segment.start,
            "data-items": segment.items.join(" "),
            class: `intake-sentence${segment.cue ? " intake-cue" : ""}${accepted ? " is-accepted" : ""}`,
          },
          words,
        );
      }),
    );
  }

  function entityOptions(current: DraftContent, chosen: string): HTMLOptionElement[] {
    const options = new Map<string, string>();
    for (const entity of current.entities) options.set(entity.id, `${entity.name} (${entity.known ? "graph" : "new"})`);
    if (current.outlet.name)
      options.set(current.outlet.known ? current.outlet.id : current.outlet.name, `${current.outlet.name} (outlet)`);
    for (const source of current.sources)
      if (!options.has(source.id)) options.set(source.id, `${source.name} (source)`);
    if (chosen && !options.has(chosen)) options.set(chosen, chosen);
    return [
      el("option", { value: "", selected: chosen === "" }, "— choose —"),
      ...[...options].map(([id, label]) => el("option", { value: id, selected: id === chosen }, label)),
    ];
  }

  function sourceOptions(current: DraftContent, chosen: string): HTMLOptionElement[] {
    const outletId = current.outlet.known ? current.outlet.id : "";
    const options = new Map<string, string>([[outletId, `${current.outlet.name} (the outlet)`]]);
    for (const source of current.sources)
      if (source.id !== current.outlet.id && !options.has(source.id)) options.set(source.id, source.name);
    if (!options.has(chosen)) options.set(chosen, chosen);
    return [...options].map(([id, label]) => el("option", { value: id, selected: id === chosen }, label));
  }

  function editor(current: DraftContent, item: DraftItem): HTMLElement {
    const key = (name: string) => `intake-${item.id}-${name}`;
    const labelled = (name: string, label: string, control: HTMLElement) =>
      el("div", { class: "intake-field" }, el("label", { for: key(name) }, label), control);
    const subject = el("select", { id: key("subject") }, ...entityOptions(current, item.subject));
    const object = el("select", { id: key("object") }, ...entityOptions(current, item.object));
    const listId = key("predicates");
    const predicate = el("input", {
      id: key("predicate"),
      type: "text",
      list: listId,
      value: item.predicate,
      autocomplete: "off",
      spellcheck: false,
    });
    const predicateList = el(
      "datalist",
      { id: listId },
      ...deps.predicates().map((name) => el("option", { value: name })),
    );
    const certainty = el(
      "select",
      { id: key("certainty") },
      ...CERTAINTIES.map((value) => el("option", { value, selected: value === item.certainty }, value)),
    );
    const stance = el(
      "select",
      { id: key("stance") },
      ...STANCES.map((value) => el("option", { value, selected: value === item.stance }, value)),
    );
    const source = el("select", { id: key("source") }, ...sourceOptions(current, item.source));
    const quantities = el("input", {
      id: key("quantities"),
      type: "text",
      value: quantitiesText(item.quantities),
      placeholder: "e.g. quantity=100000, delivered=30000",
      autocomplete: "off",
    });
    const english = el("textarea", { id: key("english"), rows: 2 }, item.quoteEn);
    const problem = el("p", { class: "intake-error", role: "alert" });
    const save = el("button", { type: "submit", class: "dialog-button dialog-primary" }, "Save and accept");
    const cancel = el("button", { type: "button", class: "dialog-button" }, "Cancel");
    const form = el(
      "form",
      { class: "intake-editor", "aria-label": "Edit the claim" },
      el(
        "div",
        { class: "intake-grid" },
        labelled("subject", "Subject", subject),
        labelled("predicate", "Relationship", predicate),
        labelled("object", "Object", object),
        labelled("certainty", "Certainty", certainty),
        labelled("stance", "Stance", stance),
        labelled("source", "Source", source),
        labelled("quantities", "Quantities", quantities),
      ),
      predicateList,
      labelled("english", "English rendering (optional; never machine-made)", english),
      problem,
      el("div", { class: "intake-actions" }, save, cancel),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const name = predicate.value
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, "_");
      const numbers = parseQuantities(quantities.value);
      if (!subject.value || !object.value) return complain("Choose a subject and an object.", subject);
      if (!/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(name))
        return complain("The relationship is an UPPER_SNAKE name such as ORDERED or SOURCES_FROM.", predicate);
      if (numbers === null) return complain("Quantities are name=number pairs, separated by commas.", quantities);
      editing.delete(item.id);
      setItem(item.id, {
        subject: subject.value,
        object: object.value,
        predicate: name,
        certainty: certainty.value as DraftItem["certainty"],
        stance: stance.value as DraftItem["stance"],
        source: source.value,
        quantities: numbers,
        quoteEn: english.value.trim(),
        status: "accepted",
      });
      focusItem(item.id);
    });
    // Escape in the editor cancels it (and does not close the workspace).
    form.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      event.stopPropagation();
      cancel.click();
    });
    cancel.addEventListener("click", () => {
      editing.delete(item.id);
      if (content && item.origin === "manual" && !item.predicate)
        update({ ...content, items: content.items.filter((other) => other.id !== item.id) });
      else if (content) render(content);
      focusItem(item.id);
    });
    function complain(message: string, control: HTMLElement): void {
      problem.textContent = message;
      control.focus();
    }
    return form;
  }

  function itemCard(current: DraftContent, item: DraftItem): HTMLElement {
    const button = (label: string, key: string, action: () => void, pressed?: boolean) => {
      const b = el(
        "button",
        {
          type: "button",
          class: "dialog-button intake-item-button",
          "aria-keyshortcuts": key,
          "data-action": label.toLowerCase(),
          ...(pressed === undefined ? {} : { "aria-pressed": String(pressed) }),
        },
        el("span", {}, label),
        el("kbd", {}, key),
      );
      b.addEventListener("click", action);
      return b;
    };
    const accept = () => setItem(item.id, { status: item.status === "accepted" ? "pending" : "accepted" });
    const reject = () => setItem(item.id, { status: item.status === "rejected" ? "pending" : "rejected" });
    const edit = () => {
      editing.add(item.id);
      render(current);
      element.querySelector<HTMLElement>(`[data-item="${item.id}"] select`)?.focus();
    };
    const quantities = Object.entries(item.quantities);
    const card = el(
      "article",
      {
        class: `intake-item is-${item.status}`,
        tabindex: 0,
        "data-item": item.id,
        "data-testid": "intake-item",
        "data-status": item.status,
        "aria-label": `${nameOf(current, item.subject)} ${item.predicate || "(no relationship)"} ${nameOf(current, item.object)}: ${STATUS_WORDS[item.status]}`,
      },
      el(
        "p",
        { class: "intake-triple" },
        el("span", { class: "intake-end" }, nameOf(current, item.subject)),
        el("code", { class: "intake-predicate" }, item.predicate || "—"),
        el("span", { class: "intake-end" }, nameOf(current, item.object)),
        el("span", { class: `intake-state is-${item.status}` }, STATUS_WORDS[item.status]),
      ),
      el(
        "p",
        { class: "intake-facts" },
        el("span", { class: `badge badge-${item.certainty}` }, item.certainty),
        item.stance === "denies" ? el("span", { class: "badge badge-denies" }, "denies") : null,
        el("span", {}, `source: ${item.source ? nameOf(current, item.source) : current.outlet.name}`),
        ...quantities.map(([name, value]) =>
          el("span", { class: "claim-quantity" }, `${name} ${value.toLocaleString("en-US")}`),
        ),
        item.quoteEn
          ? el("span", { class: "intake-english", lang: "en" }, `EN: ${item.quoteEn}`)
          : current.detectedLanguage !== "en"
            ? el("span", { class: "intake-hint" }, "No English rendering yet")
            : null,
      ),
      item.cues.length > 0
        ? el(
            "p",
            { class: "intake-cues" },
            "Cues: ",
            ...item.cues
              .slice(0, 8)
              .flatMap((cue, index) => [
                index > 0 ? ", " : "",
                el("q", {}, cue.text),
                el("span", { class: "intake-hint" }, ` (${cue.kind})`),
              ]),
          )
        : item.origin === "manual"
          ? el("p", { class: "intake-cues" }, "Added by hand.")
          : null,
      editing.has(item.id)
        ? editor(current, item)
        : el(
            "div",
            { class: "intake-item-actions" },
            button("Accept", "a", accept, item.status === "accepted"),
            button("Edit", "e", edit),
            button("Reject", "r", reject, item.status === "rejected"),
          ),
    );
    card.addEventListener("keydown", (event) => {
      if (event.target !== card || event.ctrlKey || event.metaKey || event.altKey) return;
      const action = { a: accept, e: edit, r: reject }[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      action();
    });
    card.addEventListener("focus", () => highlight(item.id, true));
    card.addEventListener("blur", () => highlight(item.id, false));
    return card;
  }

  function highlight(id: string, on: boolean): void {
    for (const mark of articlePane.querySelectorAll<HTMLElement>("mark[data-items]")) {
      if ((mark.dataset.items ?? "").split(" ").includes(id)) mark.classList.toggle("is-focused", on);
    }
    if (on) articlePane.querySelector(`mark.is-focused`)?.scrollIntoView({ block: "nearest" });
  }

  /** The focus on an entity chip's Re-point / Merge button (after its picker closes). */
  function focusChip(id: string): void {
    element.querySelector<HTMLElement>(`[data-entity="${CSS.escape(id)}"] [data-testid="intake-repoint"]`)?.focus();
  }

  function focusItem(id: string): void {
    element.querySelector<HTMLElement>(`[data-item="${id}"]`)?.focus();
  }

  function renderEntities(current: DraftContent): void {
    const used = new Set(current.items.flatMap((item) => [item.subject, item.object]));
    const entities = current.entities.filter((entity) => used.has(entity.id) || entity.mentions.length > 0);
    if (entities.length === 0) {
      entitiesSlot.replaceChildren();
      return;
    }
    entitiesSlot.replaceChildren(
      el("h4", { id: "intake-entities-heading", class: "intake-subheading" }, "Entities"),
      el(
        "ul",
        { class: "intake-chips" },
        ...entities.map((entity) => {
          const open = repointing.has(entity.id);
          const toggle = el(
            "button",
            {
              type: "button",
              class: "intake-chip-button",
              "aria-expanded": String(open),
              "data-testid": "intake-repoint",
            },
            // The visible words start the accessible name (WCAG 2.5.3); the rest says which and where.
            entity.known ? "Re-point…" : "Merge into…",
            el(
              "span",
              { class: "visually-hidden" },
              entity.known ? ` ${entity.name} to another node of the graph` : ` a node of the graph: ${entity.name}`,
            ),
          );
          toggle.addEventListener("click", () => {
            if (open) repointing.delete(entity.id);
            else repointing.add(entity.id);
            render(current);
            if (open) focusChip(entity.id);
            else element.querySelector<HTMLInputElement>(`[data-repoint="${entity.id}"] input`)?.focus();
          });
          const merged = entity.mergedNames ?? [];
          return el(
            "li",
            {
              class: `intake-chip ${entity.known ? "is-known" : "is-new"}`,
              "data-testid": "intake-entity",
              "data-entity": entity.id,
            },
            el("span", { class: "intake-chip-name" }, entity.name),
            el("span", { class: "intake-chip-label" }, entity.label),
            el("span", { class: "intake-chip-why" }, entity.known ? `graph: ${entity.why}` : entity.why),
            merged.length > 0
              ? el(
                  "span",
                  { class: "intake-chip-alias", "data-testid": "intake-chip-alias" },
                  `alias at commit: ${merged.join(", ")}`,
                )
              : null,
            toggle,
            open ? picker(current, entity.id) : null,
          );
        }),
      ),
    );
  }

  /** Searches the graph for the node an entity should be (re-point, or merge a new entity into it). */
  function picker(current: DraftContent, entityId: string): HTMLElement {
    const entity = current.entities.find((one) => one.id === entityId);
    const name = nameOf(current, entityId);
    const hintId = `intake-repoint-hint-${entityId.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    const input = el("input", {
      type: "search",
      placeholder: "Search the graph…",
      "aria-label": `Search the node for ${name}`,
      "aria-describedby": hintId,
      autocomplete: "off",
      "data-testid": "intake-repoint-search",
    });
    const hint = el(
      "p",
      { class: "intake-hint", id: hintId },
      entity?.known
        ? `The claims that name ${name} will name the node you pick instead (no alias is added). Esc closes.`
        : `${name} becomes an alias of the node you pick, and no new node is made. Esc closes.`,
    );
    const hits = el("ul", { class: "intake-hits", role: "list", "aria-label": `Nodes for ${name}` });
    let pending: AbortController | null = null;
    const closePicker = () => {
      pending?.abort();
      repointing.delete(entityId);
      if (content) render(content);
      focusChip(entityId);
    };
    input.addEventListener("input", () => {
      pending?.abort();
      const text = input.value.trim();
      if (text.length < 2) {
        hits.replaceChildren();
        return;
      }
      pending = new AbortController();
      const signal = pending.signal;
      deps
        .search(text, signal)
        .then((result) => {
          if (signal.aborted) return;
          hits.replaceChildren(
            ...result.hits.slice(0, 8).map((hit) => {
              const id = typeof hit.node.data.props.id === "string" ? hit.node.data.props.id : hit.node.data.id;
              const choose = el(
                "button",
                { type: "button", class: "dialog-button", "data-testid": "intake-repoint-hit" },
                `${hit.node.data.caption} (${hit.node.data.label})`,
              );
              choose.addEventListener("click", () => {
                if (!content) return;
                repointing.delete(entityId);
                update(repoint(content, entityId, { id, name: hit.node.data.caption, label: hit.node.data.label }));
                focusChip(id);
              });
              return el("li", {}, choose);
            }),
          );
          if (result.hits.length === 0)
            hits.replaceChildren(
              el("li", { class: "intake-hint", "data-testid": "intake-repoint-none" }, "No node of that name."),
            );
        })
        .catch(() => undefined);
    });
    const picked = el("div", { class: "intake-picker", "data-repoint": entityId }, input, hint, hits);
    picked.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      event.stopPropagation();
      closePicker();
    });
    return picked;
  }

  function renderGroups(current: DraftContent): void {
    const groups = groupBySentence(current.items);
    if (groups.length === 0) {
      groupsSlot.replaceChildren();
      return;
    }
    groupsSlot.replaceChildren(
      ...groups.map((group, index) => {
        const open = group.items.filter((item) => item.status !== "accepted");
        const acceptAll = el(
          "button",
          {
            type: "button",
            class: "dialog-button",
            "data-testid": "intake-accept-sentence",
            disabled: open.length === 0,
          },
          `Accept all ${group.items.length} of this sentence`,
        );
        acceptAll.addEventListener("click", () => {
          const ids = new Set(group.items.map((item) => item.id));
          update({
            ...current,
            items: current.items.map((item) =>
              ids.has(item.id) && !editing.has(item.id) ? { ...item, status: "accepted" } : item,
            ),
          });
        });
        const quote = current.text.slice(group.start, group.end);
        return el(
          "section",
          { class: "intake-group", "aria-label": `Sentence ${index + 1}` },
          el(
            "header",
            { class: "intake-group-header" },
            el(
              "blockquote",
              { class: "intake-quote", lang: current.language || current.detectedLanguage || undefined },
              quote,
            ),
            group.items.length > 1 ? acceptAll : null,
          ),
          ...group.items.map((item) => itemCard(current, item)),
        );
      }),
    );
  }

  function render(next: DraftContent): void {
    content = next;
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active?.closest<HTMLElement>("[data-item]")?.dataset.item;
    const onCard = active?.dataset.item !== undefined;
    const action = active?.dataset.action;
    const counts = { pending: 0, accepted: 0, rejected: 0 };
    for (const item of next.items) counts[item.status] += 1;
    progress.textContent =
      next.items.length === 0
        ? ""
        : `${counts.pending} to review · ${counts.accepted} accepted · ${counts.rejected} rejected`;
    renderArticle(next);
    renderEntities(next);
    renderGroups(next);
    if (focusKey && element.contains(document.activeElement) === false) {
      const card = element.querySelector<HTMLElement>(`[data-item="${focusKey}"]`);
      const target = onCard ? card : card?.querySelector<HTMLElement>(`[data-action="${action}"]`);
      (target ?? card)?.focus();
    }
    readSelection();
  }

  return {
    element,
    render,
    setStatus: (status) => statusSlot.replaceChildren(...(status ? [status] : [])),
  };
}

/** The relationship types to offer: the built-in ones. */
export const BUILT_IN_PREDICATES: readonly string[] = PREDICATES;
