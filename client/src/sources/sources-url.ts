/**
 * What the Sources view shows, in the URL's query string (`?sources` for the list,
 * `?article=<id>` for an article): the hash belongs to the canvas' view (`#view=1.…`), which the
 * explorer rewrites as the canvas changes and keeps the query string as it is. A link copied with
 * an article open reopens both the canvas and the article.
 */
export type SourcesLocation = { kind: "closed" } | { kind: "list" } | { kind: "article"; id: string };

export function readSourcesLocation(search: string): SourcesLocation {
  const params = new URLSearchParams(search);
  const article = params.get("article");
  if (article !== null && article.trim() !== "") return { kind: "article", id: article };
  return params.has("sources") ? { kind: "list" } : { kind: "closed" };
}

/** The query string for `location`, other parameters kept; "" when nothing is left. */
export function writeSourcesLocation(search: string, location: SourcesLocation): string {
  const params = new URLSearchParams(search);
  params.delete("sources");
  params.delete("article");
  const own =
    location.kind === "list"
      ? "sources"
      : location.kind === "article"
        ? `article=${encodeURIComponent(location.id)}`
        : "";
  const text = [params.toString(), own].filter((part) => part !== "").join("&");
  return text === "" ? "" : `?${text}`;
}
