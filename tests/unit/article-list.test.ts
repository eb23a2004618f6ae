import { describe, expect, it } from "vitest";
import { filterArticles } from "../../client/src/sources/article-list";
import type { ArticleSummary } from "../../contract/article-endpoints";

// Made-up articles.
const article = (id: string, title: string, publishedAt: string | null, language: string, claimCount: number) =>
  ({
    id,
    title,
    outlet: { id: `${id}-outlet`, name: id === "a" ? "Le Monde fictif" : "Fictional Wire", grade: "C" },
    publishedAt,
    language,
    url: null,
    claimCount,
    hasText: true,
  }) satisfies ArticleSummary;
const articles = [
  article("a", "Velda s'approvisionne auprès de Sorel", "2024-03", "fr", 4),
  article("b", "Sorel denies the order", "2025-01-10", "en", 9),
  article("c", "Undated note", null, "en", 1),
];
const ids = (list: ArticleSummary[]) => list.map((entry) => entry.id);

describe("filterArticles", () => {
  it("keeps articles holding every word, in any field, whatever the case and accents", () => {
    expect(ids(filterArticles(articles, "AUPRES sorel", "newest"))).toEqual(["a"]);
    expect(ids(filterArticles(articles, "french", "newest"))).toEqual(["a"]);
    expect(ids(filterArticles(articles, "wire 2025", "newest"))).toEqual(["b"]);
    expect(ids(filterArticles(articles, "nothing like this", "newest"))).toEqual([]);
  });

  it("sorts newest or oldest first (undated last or first), by title, or by most claims", () => {
    expect(ids(filterArticles(articles, "", "newest"))).toEqual(["b", "a", "c"]);
    expect(ids(filterArticles(articles, "", "oldest"))).toEqual(["c", "a", "b"]);
    expect(ids(filterArticles(articles, " ", "title"))).toEqual(["b", "c", "a"]);
    expect(ids(filterArticles(articles, "", "claims"))).toEqual(["b", "a", "c"]);
  });
});
