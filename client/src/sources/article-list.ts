import type { ArticleSummary } from "../../../contract/article-endpoints";
import { languageName } from "../../../formats/language-name";
import { el } from "../dom/el";

export type ArticleOrder = "newest" | "oldest" | "title" | "claims";

const ORDERS: readonly { value: ArticleOrder; label: string }[] = [
  { value: "newest", label: "Newest first" },
  { value: "oldest", label: "Oldest first" },
  { value: "title", label: "Title A–Z" },
  { value: "claims", label: "Most claims" },
];

const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase();

/** The articles whose title, outlet, date or language contain every word of `filter`, in `order`. */
export function filterArticles(
  articles: readonly ArticleSummary[],
  filter: string,
  order: ArticleOrder,
): ArticleSummary[] {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const kept = articles.filter((article) => {
    const haystack = fold(
      [
        article.title,
        article.outlet.name,
        article.publishedAt ?? "",
        article.language,
        languageName(article.language),
      ].join(" "),
    );
    return words.every((word) => haystack.includes(word));
  });
  const date = (article: ArticleSummary) => article.publishedAt ?? "";
  const compare: Record<ArticleOrder, (a: ArticleSummary, b: ArticleSummary) => number> = {
    newest: (a, b) => date(b).localeCompare(date(a)) || a.title.localeCompare(b.title),
    oldest: (a, b) => date(a).localeCompare(date(b)) || a.title.localeCompare(b.title),
    title: (a, b) => a.title.localeCompare(b.title),
    claims: (a, b) => b.claimCount - a.claimCount || a.title.localeCompare(b.title),
  };
  return [...kept].sort(compare[order]);
}

export interface ArticleListDeps {
  open(id: string): void;
}

/** The articles of the graph as a table an analyst can filter (by any words) and sort. */
export function renderArticleList(articles: readonly ArticleSummary[], deps: ArticleListDeps): HTMLElement {
  const filter = el("input", {
    type: "search",
    class: "sources-filter",
    placeholder: "Filter by title, outlet, date, language…",
    "aria-label": "Filter articles",
    "data-testid": "sources-filter",
    autocomplete: "off",
    spellcheck: "false",
  });
  const order = el(
    "select",
    { class: "sources-order", "aria-label": "Sort articles", "data-testid": "sources-order" },
    ...ORDERS.map((option) => el("option", { value: option.value }, option.label)),
  );
  const count = el("p", { class: "sources-count", role: "status", "aria-live": "polite" });
  const rows = el("tbody", {});
  const table = el(
    "table",
    { class: "sources-table", "data-testid": "sources-table" },
    el("caption", { class: "visually-hidden" }, "Articles the graph's claims were read in"),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "Title"),
        el("th", { scope: "col" }, "Outlet"),
        el("th", { scope: "col" }, "Date"),
        el("th", { scope: "col" }, "Language"),
        el("th", { scope: "col", class: "numeric" }, "Claims"),
      ),
    ),
    rows,
  );

  const draw = () => {
    const shown = filterArticles(articles, filter.value, order.value as ArticleOrder);
    rows.replaceChildren(
      ...shown.map((article) => {
        const open = el(
          "button",
          { type: "button", class: "sources-open", "data-testid": "sources-open", "data-article-id": article.id },
          article.title,
        );
        open.setAttribute("lang", article.language);
        open.addEventListener("click", () => deps.open(article.id));
        return el(
          "tr",
          {},
          el("td", {}, open, article.hasText ? null : el("span", { class: "sources-no-text" }, "sentences only")),
          el(
            "td",
            {},
            article.outlet.name,
            article.outlet.grade
              ? el(
                  "span",
                  { class: `grade grade-${article.outlet.grade}`, title: `Source grade ${article.outlet.grade}` },
                  article.outlet.grade,
                )
              : null,
          ),
          el("td", {}, article.publishedAt ?? "undated"),
          el("td", {}, languageName(article.language)),
          el("td", { class: "numeric" }, article.claimCount),
        );
      }),
    );
    count.textContent =
      shown.length === articles.length
        ? `${articles.length} article${articles.length === 1 ? "" : "s"}`
        : `${shown.length} of ${articles.length} articles`;
  };
  filter.addEventListener("input", draw);
  order.addEventListener("change", draw);
  draw();

  return el(
    "div",
    { class: "sources-list", "data-testid": "sources-list" },
    el("div", { class: "sources-list-controls" }, filter, order, count),
    articles.length === 0
      ? el("p", { class: "sources-notice" }, "No article yet: claims files ingested with their article appear here.")
      : table,
  );
}
