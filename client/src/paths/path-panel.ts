import type { PathDirection, PathMode } from "../../../contract/graph-contract";
import { el } from "../dom/el";
import { certaintyBadge } from "../panels/details/certainty-badge";
import { hopView } from "./hop-view";
import type { PathChain } from "./path-chain";

export interface PathRequest {
  from: string;
  to: string;
  mode: PathMode;
  direction: PathDirection;
  maxHops: number;
  /** Ranked paths to skip: the page. */
  offset: number;
}

/** The list's paging: which buttons work, and what "Next" and "Previous" ask for. */
export interface PathPaging {
  /** Paths before this page (the first listed is number offset + 1). */
  offset: number;
  previous: number | null;
  next: number | null;
}

export interface PathPanelDeps {
  caption(id: string): string;
  find(request: PathRequest): void;
  /** The analyst picked the path at this index of the list: highlight it alone. */
  choose(index: number): void;
  selectEdge(id: string): void;
  /** Names of Source nodes, for "per Reuters"; ids stand in until they arrive. */
  sourceNames(ids: readonly string[]): Promise<string[]>;
  close(): void;
}

export interface PathPanel {
  readonly root: HTMLElement;
  /** Shows the form for two ends (`to` null: waiting for the analyst to click the target). */
  setEnds(from: string, to: string | null): void;
  ends(): { from: string; to: string | null } | null;
  busy(on: boolean): void;
  /** Lists a page of paths, `chosen` open with its hops, the others one line each. */
  showPaths(chains: readonly PathChain[], summary: string, paging: PathPaging, chosen: number): void;
  showMessage(message: string): void;
  isOpen(): boolean;
  hide(): void;
}

export const MAX_HOPS = 6;
export const DEFAULT_HOPS = 4;

/** The paths side panel: the two ends, mode and length, then each path found as its chain of evidence. */
export function createPathPanel(host: HTMLElement, deps: PathPanelDeps): PathPanel {
  let from: string | null = null;
  let to: string | null = null;
  const endsLine = el("p", { class: "path-ends", "data-testid": "path-ends" });
  const mode = el(
    "select",
    { class: "path-select", "data-testid": "path-mode", "aria-label": "Which paths" },
    el("option", { value: "shortest" }, "Shortest paths"),
    el("option", { value: "all" }, "All paths"),
  );
  const direction = el(
    "select",
    { class: "path-select", "data-testid": "path-direction", "aria-label": "Direction" },
    el("option", { value: "either" }, "either way"),
    el("option", { value: "directed" }, "along the arrows"),
  );
  const hops = el(
    "select",
    { class: "path-select", "data-testid": "path-max-hops", "aria-label": "Most hops" },
    ...Array.from({ length: MAX_HOPS }, (_, index) =>
      el(
        "option",
        { value: index + 1, selected: index + 1 === DEFAULT_HOPS },
        `up to ${index + 1} hop${index === 0 ? "" : "s"}`,
      ),
    ),
  );
  const findButton = el(
    "button",
    { type: "button", class: "button-small button-primary", "data-testid": "path-find" },
    "Find paths",
  );
  const closeButton = el("button", {
    type: "button",
    class: "panel-close",
    "aria-label": "Close paths",
    title: "Close (Esc)",
  });
  const results = el("div", { class: "path-results", "data-testid": "path-results", "aria-live": "polite" });
  const root = el(
    "aside",
    { class: "path-panel", "data-testid": "path-panel", "aria-label": "Paths", hidden: true },
    el("header", { class: "path-panel-header" }, el("h2", { class: "path-panel-title" }, "Paths"), closeButton),
    endsLine,
    el("div", { class: "path-form" }, mode, direction, hops, findButton),
    results,
  );
  host.append(root);

  const renderEnds = () => {
    const end = (id: string | null) =>
      id === null ? el("em", { class: "path-pick" }, "click the target node…") : el("strong", {}, deps.caption(id));
    endsLine.replaceChildren(end(from), " → ", end(to));
    findButton.disabled = from === null || to === null;
  };
  /** The form as it was when the list on show was asked for: paging keeps it, whatever was changed since. */
  let asked: PathRequest | null = null;
  const request = (offset: number): PathRequest | null =>
    from === null || to === null
      ? null
      : {
          from,
          to,
          mode: mode.value === "all" ? "all" : "shortest",
          direction: direction.value === "directed" ? "directed" : "either",
          maxHops: Number(hops.value),
          offset,
        };
  findButton.addEventListener("click", () => {
    asked = request(0);
    if (asked) deps.find(asked);
  });
  const pageButton = (label: string, testId: string, offset: number | null) => {
    const button = el("button", { type: "button", class: "button-small", "data-testid": testId }, label);
    button.disabled = offset === null;
    button.addEventListener("click", () => {
      if (asked && offset !== null) deps.find({ ...asked, offset });
    });
    return button;
  };
  closeButton.addEventListener("click", () => deps.close());

  return {
    root,
    setEnds(start, end) {
      from = start;
      to = end;
      renderEnds();
      if (root.hidden) results.replaceChildren();
      root.hidden = false;
      if (end !== null) findButton.focus({ preventScroll: true });
    },
    ends: () => (from === null ? null : { from, to }),
    busy(on) {
      findButton.disabled = on || to === null;
      findButton.textContent = on ? "Finding…" : "Find paths";
    },
    showPaths(chains, summary, paging, chosen) {
      const items = chains.map((chain, index) => {
        const open = index === chosen;
        const title = `${chain.hops.length} hop${chain.hops.length === 1 ? "" : "s"}`;
        const pick = el(
          "button",
          {
            type: "button",
            class: "path-item-pick",
            "data-testid": "path-pick",
            "aria-pressed": open ? "true" : "false",
            title: open ? "Shown on the canvas" : "Show this path on the canvas",
          },
          el("span", { class: "path-item-title" }, `Path ${paging.offset + index + 1} · ${title}`),
          el("span", { class: "path-item-weakest" }, "weakest hop ", certaintyBadge(chain.weakest)),
          open ? null : el("span", { class: "path-item-line" }, chain.summary),
        );
        pick.addEventListener("click", () => deps.choose(index));
        const section = el(
          "section",
          { class: open ? "path-item path-item-chosen" : "path-item", "data-testid": "path-item" },
          pick,
        );
        if (!open) return section;
        const list = el("ol", { class: "path-hops" });
        for (const hop of chain.hops) {
          const names = el(
            "span",
            { class: "source-names" },
            hop.sources.length ? hop.sources.join(", ") : "no source recorded",
          );
          if (hop.sources.length)
            void deps.sourceNames(hop.sources).then((found) => {
              names.textContent = found.join(", ");
            });
          list.append(hopView(hop, names, deps.selectEdge));
        }
        section.append(list);
        return section;
      });
      const pager =
        paging.previous === null && paging.next === null
          ? null
          : el(
              "nav",
              { class: "path-pager", "aria-label": "More paths" },
              pageButton("‹ Previous", "path-previous", paging.previous),
              pageButton("Next ›", "path-next", paging.next),
            );
      // A pick made with the keyboard keeps the focus on the pick, though the list is drawn anew.
      const focused = document.activeElement;
      const focusPick =
        focused instanceof HTMLElement && focused.dataset.testid === "path-pick" && results.contains(focused);
      results.replaceChildren(el("p", { class: "path-summary", "data-testid": "path-summary" }, summary), ...items);
      if (pager) results.append(pager);
      if (focusPick)
        items[chosen]?.querySelector<HTMLElement>('[data-testid="path-pick"]')?.focus({ preventScroll: true });
      // The chosen path's heading in view, not the middle of the one picked before.
      if (chosen > 0) items[chosen]?.scrollIntoView({ block: "start" });
      else root.scrollTop = 0;
    },
    showMessage(message) {
      results.replaceChildren(
        el("p", { class: "path-message", "data-testid": "path-message", role: "status" }, message),
      );
    },
    isOpen: () => !root.hidden,
    hide() {
      root.hidden = true;
      from = null;
      to = null;
      results.replaceChildren();
    },
  };
}
