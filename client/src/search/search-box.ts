import type { SearchHit, SearchResult } from "../../../contract/graph-contract";
import { debounce } from "../dom/debounce";
import { el } from "../dom/el";
import { labelStyleFor } from "../look/label-styles";
import { shapeIcon } from "../look/shape-icon";

export interface SearchBoxDeps {
  search(text: string, signal: AbortSignal): Promise<SearchResult>;
  pick(hit: SearchHit): void;
  /** Called with failures other than cancellations. */
  fail(error: unknown): void;
}

const DELAY_MS = 200;

/** Under a hit, how it matched when its caption does not show it: the alias, or the name a typo was near. */
function matchNote(hit: SearchHit): string | null {
  if (hit.match.field === "alias") return `alias: ${hit.match.text}`;
  return hit.match.kind === "fuzzy" ? "near match" : null;
}

/**
 * Search as you type: a debounced query, a dropdown of hits (each saying which alias matched, or that it
 * is a near match), arrows to move, Enter picks (first by default). Nothing found: the nearest names, to try.
 */
export function createSearchBox(input: HTMLInputElement, list: HTMLElement, deps: SearchBoxDeps): void {
  let hits: SearchHit[] = [];
  let suggestions: string[] = [];
  let active = -1;
  let controller: AbortController | undefined;
  /** The text whose answer `hits` is, and the text of the latest request. */
  let hitsText = "";
  let queriedText = "";
  let pickWhenDone = false;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    close();
    input.value = hit.node.data.caption;
    deps.pick(hit);
  };
  const render = (text: string) => {
    const rows = hits.map((hit, index) => {
      const style = labelStyleFor(hit.node.data.label);
      const row = el(
        "div",
        {
          id: `search-hit-${index}`,
          role: "option",
          class: "search-hit",
          "data-testid": "search-hit",
          "data-node-id": hit.node.data.id,
          "aria-selected": String(index === active),
        },
        shapeIcon(style, 13),
        el("span", { class: "hit-name" }, hit.node.data.caption),
        el("span", { class: "hit-label" }, hit.node.data.label),
      );
      const note = matchNote(hit);
      if (note) row.append(el("span", { class: "hit-match", "data-testid": "search-hit-match" }, note));
      row.addEventListener("mousedown", (event) => event.preventDefault());
      row.addEventListener("click", () => choose(hit));
      return row;
    });
    list.replaceChildren(...(rows.length ? rows : [emptyNote(text)]));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", `search-hit-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const emptyNote = (text: string) => {
    const note = el("div", { class: "search-empty", "data-testid": "search-empty" }, `No node matches “${text}”.`);
    if (suggestions.length === 0) return note;
    const tries = suggestions.map((name) => {
      const button = el(
        "button",
        { type: "button", class: "search-suggestion", "data-testid": "search-suggestion" },
        name,
      );
      button.addEventListener("mousedown", (event) => event.preventDefault());
      button.addEventListener("click", () => {
        input.value = name;
        run(name);
      });
      return button;
    });
    note.append(el("span", { class: "search-nearest" }, " Nearest: "), ...tries);
    return note;
  };
  const run = (text: string) => {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    queriedText = text;
    deps
      .search(text, current.signal)
      .then((found) => {
        if (current.signal.aborted) return;
        hits = found.hits;
        suggestions = found.suggestions;
        hitsText = text;
        active = -1;
        if (pickWhenDone) {
          pickWhenDone = false;
          choose(hits[0]);
        } else render(text);
      })
      .catch((error: unknown) => {
        if (current.signal.aborted) return;
        pickWhenDone = false;
        close();
        deps.fail(error);
      });
  };
  const query = debounce(run, DELAY_MS);

  input.addEventListener("input", () => {
    const text = input.value.trim();
    pickWhenDone = false;
    if (text === "") {
      query.cancel();
      controller?.abort();
      hits = [];
      hitsText = "";
      queriedText = "";
      close();
      return;
    }
    query.call(text);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (hits.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + hits.length) % hits.length;
      render(input.value.trim());
    } else if (event.key === "Enter") {
      event.preventDefault();
      const text = input.value.trim();
      if (text === "") return;
      if (hitsText === text && hits.length > 0) {
        choose(hits[Math.max(active, 0)]);
        return;
      }
      // The answer for this text is not in yet: pick its first hit when it arrives.
      pickWhenDone = true;
      query.cancel();
      if (queriedText !== text || hitsText === text) run(text);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("focus", () => {
    if (hits.length > 0 && input.value.trim() !== "") render(input.value.trim());
  });
  input.addEventListener("blur", () => close());
}
