import type { PathMode } from "../../../contract/graph-contract";
import { el } from "../dom/el";
import { hopView } from "./hop-view";
import type { PathChain } from "./path-chain";

export interface PathRequest {
  from: string;
  to: string;
  mode: PathMode;
  maxHops: number;
}

export interface PathPanelDeps {
  caption(id: string): string;
  find(request: PathRequest): void;
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
  showPaths(chains: readonly PathChain[], summary: string): void;
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
    el("div", { class: "path-form" }, mode, hops, findButton),
    results,
  );
  host.append(root);

  const renderEnds = () => {
    const end = (id: string | null) =>
      id === null ? el("em", { class: "path-pick" }, "click the target node…") : el("strong", {}, deps.caption(id));
    endsLine.replaceChildren(end(from), " → ", end(to));
    findButton.disabled = from === null || to === null;
  };
  findButton.addEventListener("click", () => {
    if (from === null || to === null) return;
    deps.find({ from, to, mode: mode.value === "all" ? "all" : "shortest", maxHops: Number(hops.value) });
  });
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
    showPaths(chains, summary) {
      results.replaceChildren(
        el("p", { class: "path-summary", "data-testid": "path-summary" }, summary),
        ...chains.map((chain, index) => {
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
          return el(
            "section",
            { class: "path-item", "data-testid": "path-item" },
            el(
              "h3",
              { class: "path-item-title" },
              `Path ${index + 1} · ${chain.hops.length} hop${chain.hops.length === 1 ? "" : "s"}`,
            ),
            list,
          );
        }),
      );
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
