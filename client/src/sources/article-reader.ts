import type { Article, ArticleHighlight } from "../../../contract/article-endpoints";
import { languageName } from "../../../formats/language-name";
import { el } from "../dom/el";
import { certaintyBadge } from "../panels/details/certainty-badge";
import { type TextSpan, textSegments } from "./text-segments";

export interface ArticleReaderDeps {
  /** A claim picked in the text or the list: select its relationship on the canvas. */
  pick(highlight: ArticleHighlight): void;
}

export interface ArticleReader {
  element: HTMLElement;
  /** Marks a claim's sentence and scrolls it into view (`focus`: and moves the keyboard there). */
  mark(claimId: string, options?: { focus?: boolean }): boolean;
  /** Outlines the sentences of every claim about this relationship (its canvas edge id); null: none. */
  showRelationship(edgeId: string | null): void;
}

export const NO_TEXT_NOTICE = "The full text of this article is not stored; its quoted sentences are shown.";

/** "ByteDance ordered Huawei". */
export const claimCaption = (highlight: ArticleHighlight) =>
  `${highlight.subject} ${highlight.predicateCaption} ${highlight.object}`;

function describeClaim(highlight: ArticleHighlight): string {
  const stance = highlight.stance === "denies" ? "denies: " : "";
  const contested = highlight.contested ? ", contested" : "";
  return `${stance}${claimCaption(highlight)} (${highlight.certainty}${contested}; ${highlight.source.name})`;
}

/**
 * The text to show and each claim's place in it: the stored text, or (without one) the claims'
 * sentences in reading order, one paragraph each, a sentence quoted by several claims once.
 */
function readable(article: Article): { text: string; spans: TextSpan[] } {
  if (article.text !== null) {
    const spans = article.highlights.flatMap((highlight) =>
      highlight.start === null || highlight.end === null
        ? []
        : [{ id: highlight.claimId, start: highlight.start, end: highlight.end }],
    );
    return { text: article.text, spans };
  }
  let text = "";
  const placeOf = new Map<string, { start: number; end: number }>();
  for (const highlight of article.highlights) {
    if (!placeOf.has(highlight.quote)) {
      // One paragraph per sentence: line breaks inside a quote become spaces.
      const sentence = highlight.quote.replace(/\s+/g, " ").trim();
      if (text !== "") text += "\n";
      placeOf.set(highlight.quote, { start: text.length, end: text.length + sentence.length });
      text += sentence;
    }
  }
  const spans = article.highlights.map((highlight) => ({
    id: highlight.claimId,
    ...(placeOf.get(highlight.quote) as { start: number; end: number }),
  }));
  return { text, spans };
}

/** The style of a run covered by `claims`: a denial shows as one; else the strongest certainty. */
function runStyle(claims: readonly ArticleHighlight[]) {
  const order = ["speculative", "reported", "confirmed"] as const;
  const strongest = order[Math.max(...claims.map((claim) => order.indexOf(claim.certainty)))] ?? "reported";
  return {
    certainty: strongest,
    denies: claims.some((claim) => claim.stance === "denies"),
    contested: claims.some((claim) => claim.contested),
  };
}

/**
 * An article as text to read: every claim's sentence highlighted in its certainty's style (a
 * denial and a contested relationship each visibly apart), focusable and pressable; beside it, the
 * list of its claims. A run of text that carries several claims offers them in a small chooser.
 */
export function renderArticle(article: Article, deps: ArticleReaderDeps): ArticleReader {
  const byId = new Map(article.highlights.map((highlight) => [highlight.claimId, highlight]));
  const { text, spans } = readable(article);
  const runsOf = new Map<string, HTMLElement[]>();
  const itemOf = new Map<string, HTMLElement>();
  let chooser: HTMLElement | null = null;

  const closeChooser = (returnFocusTo?: HTMLElement) => {
    chooser?.remove();
    chooser = null;
    returnFocusTo?.focus();
  };

  const pick = (highlight: ArticleHighlight) => {
    closeChooser();
    mark(highlight.claimId, {});
    deps.pick(highlight);
  };

  const openChooser = (run: HTMLElement, claims: ArticleHighlight[]) => {
    closeChooser();
    const buttons = claims.map((claim) => {
      const button = el(
        "button",
        { type: "button", class: "claim-choice", "data-claim-id": claim.claimId, "data-certainty": claim.certainty },
        el("span", { class: "claim-choice-caption" }, claimCaption(claim)),
        el("span", { class: "claim-choice-meta" }, describeClaim(claim).replace(`${claimCaption(claim)} `, "")),
      );
      button.addEventListener("click", () => pick(claim));
      return button;
    });
    chooser = el(
      "div",
      {
        class: "claim-chooser",
        role: "group",
        "aria-label": "Claims on this sentence",
        "data-testid": "claim-chooser",
      },
      el("p", { class: "claim-chooser-title" }, `${claims.length} claims on this sentence`),
      ...buttons,
    );
    chooser.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        closeChooser(run);
      }
    });
    run.after(chooser);
    buttons[0]?.focus();
  };

  const body = el("div", { class: "article-text", lang: article.language, "data-testid": "article-text" });
  for (const paragraph of textSegments(text, spans)) {
    const p = el("p", {});
    for (const segment of paragraph.segments) {
      const words = text.slice(segment.start, segment.end);
      if (segment.ids.length === 0) {
        p.append(words);
        continue;
      }
      const claims = segment.ids.map((id) => byId.get(id)).filter((claim) => claim !== undefined);
      const style = runStyle(claims);
      const run = el(
        "span",
        {
          class: "highlight",
          role: "button",
          tabindex: 0,
          "data-testid": "highlight",
          "data-claim-ids": segment.ids.join(" "),
          "data-certainty": style.certainty,
          "data-denies": style.denies,
          "data-contested": style.contested,
          "data-count": claims.length > 1 ? claims.length : undefined,
          title: claims.map(describeClaim).join("\n"),
        },
        words,
      );
      const activate = () => {
        const [only] = claims;
        if (claims.length === 1 && only) pick(only);
        else openChooser(run, claims);
      };
      run.addEventListener("click", activate);
      run.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        activate();
      });
      for (const id of segment.ids) runsOf.set(id, [...(runsOf.get(id) ?? []), run]);
      p.append(run);
    }
    body.append(p);
  }

  const list = el(
    "ol",
    { class: "article-claims-list", "data-testid": "article-claims" },
    ...article.highlights.map((highlight) => {
      const button = el(
        "button",
        { type: "button", class: "article-claim", "data-claim-id": highlight.claimId },
        el("span", { class: "article-claim-caption" }, claimCaption(highlight)),
        el(
          "span",
          { class: "article-claim-facts" },
          highlight.stance === "denies" ? el("span", { class: "badge badge-denies" }, "denies") : null,
          certaintyBadge(highlight.certainty),
          highlight.contested ? el("span", { class: "article-claim-contested" }, "contested") : null,
          // Who said it, when not the outlet itself ("Selon Reuters…").
          highlight.source.id === article.outlet.id
            ? null
            : el("span", { class: "article-claim-source" }, `according to ${highlight.source.name}`),
        ),
        runsOf.has(highlight.claimId)
          ? null
          : el("span", { class: "article-claim-missing" }, "Its sentence was not found in the text."),
      );
      button.addEventListener("click", () => pick(highlight));
      const item = el("li", {}, button);
      itemOf.set(highlight.claimId, item);
      return item;
    }),
  );

  function mark(claimId: string, options: { focus?: boolean } = {}): boolean {
    for (const marked of body.querySelectorAll(".highlight.is-marked")) marked.classList.remove("is-marked");
    for (const item of itemOf.values()) item.removeAttribute("aria-current");
    itemOf.get(claimId)?.setAttribute("aria-current", "true");
    const runs = runsOf.get(claimId) ?? [];
    for (const run of runs) run.classList.add("is-marked");
    const [first] = runs;
    if (!first) return false;
    first.scrollIntoView({ block: "center" });
    if (options.focus) first.focus({ preventScroll: true });
    return true;
  }

  function showRelationship(edgeId: string | null): void {
    for (const run of body.querySelectorAll(".highlight.is-related")) run.classList.remove("is-related");
    if (edgeId === null) return;
    for (const highlight of article.highlights)
      if (highlight.relationshipId === edgeId)
        for (const run of runsOf.get(highlight.claimId) ?? []) run.classList.add("is-related");
  }

  const outlet = article.outlet.grade ? `${article.outlet.name} (${article.outlet.grade})` : article.outlet.name;
  const facts = [outlet, article.publishedAt ?? "undated", languageName(article.language)];
  const link =
    article.url && /^https?:\/\//i.test(article.url)
      ? el("a", { href: article.url, target: "_blank", rel: "noopener noreferrer" }, "Original")
      : null;
  const element = el(
    "article",
    { class: "sources-article", "data-testid": "sources-article", "data-article-id": article.id },
    el(
      "header",
      { class: "sources-article-header" },
      el("h2", { class: "sources-article-title", lang: article.language, tabindex: -1 }, article.title),
      el("p", { class: "sources-article-facts" }, facts.join(" · "), link ? " · " : null, link),
    ),
    article.text === null
      ? el("p", { class: "sources-notice", "data-testid": "no-text-notice" }, NO_TEXT_NOTICE)
      : null,
    el(
      "div",
      { class: "sources-article-body" },
      body,
      el(
        "section",
        { class: "article-claims", "aria-label": "Claims in this article" },
        el("h3", {}, `Claims (${article.highlights.length})`),
        list,
      ),
    ),
  );
  return { element, mark, showRelationship };
}
