import type { Claim, Contest, RelationshipClaims, SourceGrade } from "../../../../contract/graph-contract";
import { firstDay } from "../../../../contract/partial-dates";
import { languageName } from "../../../../formats/language-name";
import { el } from "../../dom/el";
import { certaintyBadge } from "./certainty-badge";
import { formatScalar } from "./property-value";
import { section } from "./section";

/** The A–F reliability scale of sources, as analysts grade them. */
const GRADE_MEANINGS: Readonly<Record<SourceGrade, string>> = {
  A: "A: completely reliable",
  B: "B: usually reliable",
  C: "C: fairly reliable",
  D: "D: not usually reliable",
  E: "E: unreliable",
  F: "F: reliability cannot be judged",
};

export interface RenderedClaims {
  /** Where the claims disagree, each side with its sources and dates, side by side; null when they agree. */
  contests: HTMLElement | null;
  /** Every claim, first reported first, with its source's grade, quote, English rendering and date. */
  claims: HTMLElement;
}

/**
 * The claims behind a relationship. `evidence` is the quote the panel already shows: a lone claim saying
 * just that does not repeat it. With the canvas as known on a day, later claims are dimmed and say so.
 */
export function renderClaims(
  result: RelationshipClaims,
  evidence: string | undefined,
  knownAt?: string,
  readInContext?: (articleId: string, claimId: string) => void,
): RenderedClaims {
  const byId = new Map(result.claims.map((claim) => [claim.id, claim]));
  const lone = result.claims.length === 1 ? result.claims[0] : undefined;
  return {
    contests:
      result.contests.length === 0
        ? null
        : section(
            el("span", { class: "contested-title" }, "Contested"),
            ...result.contests.map((contest) => renderContest(contest, byId)),
          ),
    claims: section(
      `Claims (${result.claims.length})`,
      el("p", { class: "claims-summary", "data-testid": "claims-summary" }, describeSummary(result)),
      el(
        "ol",
        { class: "claim-list", "data-testid": "claim-list" },
        ...result.claims.map((claim) =>
          el(
            "li",
            {},
            renderClaim(claim, {
              withQuote: claim !== lone || claim.quote !== evidence,
              laterThan: knownAt && firstDay(claim.reportedAt) > knownAt ? knownAt : undefined,
              readInContext,
            }),
          ),
        ),
      ),
    ),
  };
}

/**
 * "3 outlets, 1 independent origin (Northwind Wire) · 4 claims · reported 2021-03-02 to 2021-09-15":
 * outlets against origins when the answer counts origins (a republished, copied or credited story
 * counts once with the original); "2 independent sources · …" from older servers.
 */
export function describeSummary(result: RelationshipClaims): string {
  const { summary, origins } = result;
  const span =
    summary.firstReported === summary.lastReported
      ? `reported ${summary.firstReported}`
      : `reported ${summary.firstReported} to ${summary.lastReported}`;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const sources = origins
    ? `${plural(origins.outlets, "outlet")}, ${plural(origins.independentOrigins, "independent origin")}` +
      (origins.originNames.length > 0 ? ` (${origins.originNames.join(", ")})` : "")
    : plural(summary.independentSources, "independent source");
  return `${sources} · ${summary.claimCount} claim${summary.claimCount === 1 ? "" : "s"} · ${span}`;
}

function renderContest(contest: Contest, byId: ReadonlyMap<string, Claim>): HTMLElement {
  const what =
    contest.kind === "denial" ? "Asserted, and denied" : `Different numbers for ${contest.quantity ?? "a quantity"}`;
  return el(
    "div",
    { class: "contest", "data-testid": "contest", "data-kind": contest.kind },
    el("p", { class: "contest-what" }, what),
    el(
      "div",
      { class: "contest-sides", "data-sides": contest.sides.length },
      ...contest.sides.map((side) =>
        el(
          "div",
          { class: "contest-side", "data-testid": "contest-side" },
          el(
            "div",
            { class: "contest-position", "data-position": side.position },
            side.value === null ? side.position : `${contest.quantity ?? ""} ${formatScalar(side.value)}`.trim(),
          ),
          el(
            "ul",
            { class: "contest-claims" },
            ...side.claimIds
              .map((id) => byId.get(id))
              .filter((claim) => claim !== undefined)
              .map((claim) =>
                el(
                  "li",
                  { class: "contest-claim" },
                  sourceLine(claim),
                  el("span", { class: "claim-date" }, claim.reportedAt),
                  claim.quoteEn === null
                    ? el("q", { class: "contest-quote", lang: claim.quoteLang }, claim.quote)
                    : el("q", { class: "contest-quote", lang: "en" }, claim.quoteEn),
                ),
              ),
          ),
        ),
      ),
    ),
  );
}

interface ClaimOptions {
  withQuote: boolean;
  laterThan?: string | undefined;
  readInContext?: ((articleId: string, claimId: string) => void) | undefined;
}

function renderClaim(claim: Claim, { withQuote, laterThan, readInContext }: ClaimOptions) {
  const translated = claim.quoteLang !== "en" && claim.quoteEn !== claim.quote;
  const quantities = Object.entries(claim.quantities);
  return el(
    "article",
    {
      class: `claim${claim.stance === "denies" ? " claim-denies" : ""}${laterThan ? " claim-later" : ""}`,
      "data-testid": "claim",
      "data-claim-id": claim.id,
    },
    el(
      "header",
      { class: "claim-header" },
      sourceLine(claim),
      el("span", { class: "claim-date", title: "Reported" }, claim.reportedAt),
    ),
    el(
      "div",
      { class: "claim-facts" },
      claim.stance === "denies"
        ? el("span", { class: "badge badge-denies", "data-testid": "claim-denies" }, "denies")
        : null,
      certaintyBadge(claim.certainty),
      validity(claim),
      ...quantities.map(([name, value]) => el("span", { class: "claim-quantity" }, `${name} ${formatScalar(value)}`)),
    ),
    withQuote
      ? el(
          "figure",
          { class: "claim-quote" },
          el(
            "blockquote",
            { class: "claim-original", lang: claim.quoteLang, "data-testid": "claim-quote" },
            claim.quote,
          ),
          translated
            ? el(
                "figcaption",
                { class: "claim-english" },
                el(
                  "span",
                  { class: "evidence-caption" },
                  `English rendering (original in ${languageName(claim.quoteLang)})`,
                ),
                claim.quoteEn === null
                  ? el("span", { class: "meta", "data-testid": "claim-quote-en-missing" }, "No English rendering yet.")
                  : el("span", { lang: "en", "data-testid": "claim-quote-en" }, claim.quoteEn),
              )
            : null,
        )
      : el("p", { class: "meta" }, "The quote is the evidence above."),
    claim.note ? curatorNote(claim.note) : null,
    claim.article ? articleLine(claim.article) : null,
    claim.enteredBy ? enteredLine(claim, claim.enteredBy) : null,
    claim.article && readInContext ? readInContextButton(claim.article, claim.id, readInContext) : null,
    laterThan ? el("p", { class: "meta" }, `Reported after ${laterThan}, the day the canvas shows.`) : null,
  );
}

/** How the curator read the quote: labelled as theirs, apart from the source's words and their rendering. */
function curatorNote(note: string): HTMLElement {
  return el(
    "p",
    { class: "claim-note", "data-testid": "claim-note" },
    el("span", { class: "claim-note-label" }, "Curator's note"),
    note,
  );
}

function sourceLine(claim: Claim): HTMLElement {
  const { source } = claim;
  return el(
    "span",
    { class: "claim-source", "data-source-id": source.id },
    el(
      "span",
      { class: `grade grade-${source.grade}`, "data-testid": "source-grade", title: GRADE_MEANINGS[source.grade] },
      source.grade,
    ),
    el("span", { class: "claim-source-name" }, source.name),
    claim.republishes ? el("span", { class: "claim-republishes" }, `republishing ${claim.republishes}`) : null,
  );
}

function validity(claim: Claim): HTMLElement | null {
  if (!claim.validFrom && !claim.validTo) return null;
  const text = claim.validTo
    ? `holds ${claim.validFrom ?? "…"} to ${claim.validTo}`
    : `holds from ${claim.validFrom ?? "…"}`;
  return el("span", { class: "claim-validity", title: "When the claim says it holds" }, text);
}

/** Opens the article at the claim's sentence (or, without its text, among its quoted sentences). */
function readInContextButton(
  article: NonNullable<Claim["article"]>,
  claimId: string,
  readInContext: (articleId: string, claimId: string) => void,
): HTMLElement {
  const button = el(
    "button",
    {
      type: "button",
      class: "button button-small claim-read",
      "data-testid": "read-in-context",
      "aria-label": `Read in context: ${article.title}`,
    },
    "Read in context",
  );
  button.addEventListener("click", () => readInContext(article.id, claimId));
  return button;
}

/**
 * Where the claim was read and who entered it into the graph, on which days: the source's
 * provenance and the curation's side by side ("Read in Reuters on 2025-03-04, entered by M. Dupont
 * on 2026-12-04"). The reading day is the article's publication, else the day the source reported it.
 */
function enteredLine(claim: Claim, by: string): HTMLElement {
  const readOn = claim.article?.publishedAt ?? claim.reportedAt;
  const at = claim.enteredAt;
  return el(
    "p",
    { class: "claim-entered", "data-testid": "claim-entered" },
    `Read in ${claim.source.name}${readOn ? ` on ${readOn}` : ""}, entered by ${by}${at ? ` on ${at.slice(0, 10)}` : ""}`,
  );
}

function articleLine(article: NonNullable<Claim["article"]>): HTMLElement {
  // Only web links: a file's URL is data, never a script to run.
  const title =
    article.url && /^https?:\/\//i.test(article.url)
      ? el("a", { href: article.url, target: "_blank", rel: "noopener noreferrer" }, article.title)
      : el("span", {}, article.title);
  return el("p", { class: "claim-article" }, "In ", title, article.publishedAt ? ` (${article.publishedAt})` : "");
}
