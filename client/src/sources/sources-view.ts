import type { Article, ArticleHighlight } from "../../../contract/article-endpoints";
import type { ApiClient } from "../api/api-client";
import type { GraphPart } from "../canvas/to-cy-elements";
import { el } from "../dom/el";
import { describeError } from "../panels/status/describe-error";
import { renderArticleList } from "./article-list";
import { type ArticleReader, claimCaption, renderArticle } from "./article-reader";
import { readSourcesLocation, type SourcesLocation, writeSourcesLocation } from "./sources-url";

export interface SourcesViewDeps {
  /** The `<section>` the view draws in (hidden while closed). */
  root: HTMLElement;
  /** The top bar's "Sources" button: opens and closes the view. */
  button: HTMLButtonElement;
  api: Pick<ApiClient, "listArticles" | "getArticle" | "lookupNodes" | "getRelationshipClaims">;
  /** The relationship is drawn on the canvas. */
  drawn(edgeId: string): boolean;
  /** Selects a relationship (adding it and its missing ends when `graph` is given): an explorer command. */
  reveal(edgeId: string, graph: GraphPart, caption: string): void;
  fail(doing: string, error: unknown): void;
  /** The sheet opened (the canvas narrowed beside it) or closed (the canvas has its width back). */
  sheetToggled(open: boolean): void;
}

export interface SourcesView {
  /** Opens the list of articles. */
  open(): Promise<void>;
  /** The graph's articles changed (one was committed): the list, if it is what shows, is read again, the focus left where it is. */
  refresh(): void;
  /** Opens an article; with `claimId`, scrolled to that claim's sentence, marked and focused. */
  openArticle(id: string, claimId?: string): Promise<void>;
  close(): void;
  /** Opens what the URL names (`?sources`, `?article=<id>`), if anything. */
  openFromUrl(): Promise<void>;
  /** The canvas selected this relationship (its edge id) or nothing: the article outlines its claims' sentences. */
  showRelationship(edgeId: string | null): void;
  /** Puts a button (or any control) in the view's toolbar, after those already there. */
  addToolbarAction(action: HTMLElement): void;
}

/**
 * The Sources view: a sheet along the left of the workspace (the canvas narrows beside it and
 * keeps its state), listing the graph's articles and showing one with its claims highlighted.
 * Picking a claim selects its relationship on the canvas, which the details panel then shows.
 */
export function createSourcesView(deps: SourcesViewDeps): SourcesView {
  const { root, button, api } = deps;
  const title = el("h2", { class: "sources-heading", id: "sources-heading" }, "Sources");
  const back = el(
    "button",
    { type: "button", class: "dialog-button sources-back", "data-testid": "sources-back", hidden: true },
    "← All articles",
  );
  const toolbar = el("div", { class: "sources-toolbar", "data-testid": "sources-toolbar" });
  const close = el("button", {
    type: "button",
    class: "panel-close",
    "aria-label": "Close sources",
    title: "Close (Esc)",
    "data-testid": "sources-close",
  });
  const content = el("div", { class: "sources-content", "data-testid": "sources-content" });
  root.replaceChildren(el("header", { class: "sources-header" }, back, title, toolbar, close), content);
  root.setAttribute("aria-labelledby", "sources-heading");

  let shown: { article: Article; reader: ArticleReader } | null = null;
  /** The relationship selected on the canvas, outlined in whichever article is shown. */
  let related: string | null = null;
  let loading: AbortController | null = null;

  const setLocation = (location: SourcesLocation) => {
    const search = writeSourcesLocation(window.location.search, location);
    window.history.replaceState(
      window.history.state,
      "",
      `${window.location.pathname}${search}${window.location.hash}`,
    );
  };
  const show = (open: boolean) => {
    if (open === !root.hidden) return;
    root.hidden = !open;
    document.body.dataset.sources = open ? "open" : "closed";
    button.setAttribute("aria-expanded", String(open));
    deps.sheetToggled(open);
  };
  const begin = () => {
    loading?.abort();
    loading = new AbortController();
    show(true);
    content.setAttribute("aria-busy", "true");
    return loading.signal;
  };
  const settle = (signal: AbortSignal) => {
    if (!signal.aborted) content.removeAttribute("aria-busy");
  };
  const failed = (doing: string, error: unknown, retry: () => void) => {
    const again = el("button", { type: "button", class: "dialog-button" }, "Try again");
    again.addEventListener("click", retry);
    content.replaceChildren(
      el("p", { class: "error-text", role: "alert" }, `${doing} failed: ${describeError(error)}`),
      again,
    );
  };

  async function select(highlight: ArticleHighlight): Promise<void> {
    const caption = claimCaption(highlight);
    if (deps.drawn(highlight.relationshipId)) {
      deps.reveal(highlight.relationshipId, { nodes: [], edges: [] }, caption);
      return;
    }
    try {
      const { graph } = await api.lookupNodes([highlight.subjectId, highlight.objectId]);
      const edges = graph.edges.filter((edge) => edge.data.id === highlight.relationshipId);
      // Not among the ends' relationships as the lookup sees them: the claims answer names it.
      if (edges.length === 0) edges.push((await api.getRelationshipClaims(highlight.relationshipId)).relationship);
      deps.reveal(highlight.relationshipId, { nodes: graph.nodes, edges }, caption);
    } catch (error) {
      deps.fail(`Showing ${caption} on the canvas`, error);
    }
  }

  async function open(options: { focus?: boolean } = {}): Promise<void> {
    const signal = begin();
    // Where the keyboard was as the list was asked for: the filter takes the focus only from there,
    // never from a control the analyst moved to while the list was loading.
    const focusedAtOpen = document.activeElement;
    shown = null;
    back.hidden = true;
    title.textContent = "Sources";
    setLocation({ kind: "list" });
    content.replaceChildren(el("p", { class: "sources-loading" }, "Loading the articles…"));
    try {
      const articles = await api.listArticles(signal);
      if (signal.aborted) return;
      content.replaceChildren(renderArticleList(articles, { open: (id) => void openArticle(id) }));
      if ((options.focus ?? true) && document.activeElement === focusedAtOpen)
        content.querySelector<HTMLInputElement>("input")?.focus();
    } catch (error) {
      if (!signal.aborted) failed("Loading the articles", error, () => void open());
    } finally {
      settle(signal);
    }
  }

  async function openArticle(id: string, claimId?: string): Promise<void> {
    back.hidden = false;
    title.textContent = "Sources";
    setLocation({ kind: "article", id });
    if (shown?.article.id === id) {
      show(true);
      if (claimId) shown.reader.mark(claimId, { focus: true });
      return;
    }
    const signal = begin();
    shown = null;
    content.replaceChildren(el("p", { class: "sources-loading" }, "Loading the article…"));
    try {
      const article = await api.getArticle(id, signal);
      if (signal.aborted) return;
      const reader = renderArticle(article, { pick: (highlight) => void select(highlight) });
      shown = { article, reader };
      reader.showRelationship(related);
      content.replaceChildren(reader.element);
      content.scrollTop = 0;
      if (!(claimId && reader.mark(claimId, { focus: true }))) reader.element.querySelector<HTMLElement>("h2")?.focus();
    } catch (error) {
      if (!signal.aborted) failed("Loading the article", error, () => void openArticle(id, claimId));
    } finally {
      settle(signal);
    }
  }

  function closeView(): void {
    loading?.abort();
    show(false);
    setLocation({ kind: "closed" });
    button.focus();
  }

  button.addEventListener("click", () => {
    if (root.hidden) void open();
    else closeView();
  });
  back.addEventListener("click", () => void open());
  close.addEventListener("click", closeView);
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      closeView();
    }
  });
  document.body.dataset.sources = "closed";

  return {
    open: () => open(),
    refresh: () => {
      if (!root.hidden && shown === null) void open({ focus: false });
    },
    openArticle,
    close: closeView,
    openFromUrl: async () => {
      const location = readSourcesLocation(window.location.search);
      if (location.kind === "list") await open();
      if (location.kind === "article") await openArticle(location.id);
    },
    showRelationship: (edgeId) => {
      related = edgeId;
      shown?.reader.showRelationship(edgeId);
    },
    addToolbarAction: (action) => toolbar.append(action),
  };
}
