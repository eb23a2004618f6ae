import type { EdgeData } from "../../../../contract/graph-contract";
import { languageName } from "../../../../formats/language-name";
import { el } from "../../dom/el";
import { edgeClaimSummary } from "../../look/edge-claims";
import { certaintyBadge } from "./certainty-badge";
import { renderPropertyList } from "./property-list";
import { formatScalar } from "./property-value";
import { section } from "./section";

export interface EdgeDetailsDeps {
  /** The caption of a node on the canvas, undefined when it is not there. */
  nodeCaption(id: string): string | undefined;
  /** Selects a node on the canvas. */
  focus(id: string): void;
  /** Draws every other relationship this Source claims, near it. */
  showClaims(sourceId: string): void;
}

/** Provenance properties shown in their own sections rather than in "Other properties". */
const PROVENANCE = ["sources", "evidence", "evidence_lang", "evidence_en", "certainty", "asOf"];
/** The claim summary (issue #6), shown as facts and in the claims sections. */
const CLAIM_SUMMARY = ["independentSources", "claimCount", "firstReported", "lastReported", "contested", "confirmedAt"];

/** Title line "ByteDance — sources from → Huawei Technologies", with both ends clickable. */
export function edgeTitle(data: EdgeData, deps: EdgeDetailsDeps): Array<HTMLElement | string> {
  const end = (id: string) =>
    el(
      "button",
      { type: "button", class: "link", "data-node-id": id, title: "Select on the canvas" },
      deps.nodeCaption(id) ?? id,
    );
  const source = end(data.source);
  const target = end(data.target);
  source.addEventListener("click", () => deps.focus(data.source));
  target.addEventListener("click", () => deps.focus(data.target));
  return [source, ` — ${data.caption} → `, target];
}

/** Places for what arrives later (the claims): under the facts, and under the evidence. */
export interface EdgeDetailsSlots {
  afterFacts?: HTMLElement;
  afterEvidence?: HTMLElement;
}

/** The body of the panel for a relationship: certainty, date, sources, evidence, other properties. */
export function renderEdgeDetails(data: EdgeData, deps: EdgeDetailsDeps, slots: EdgeDetailsSlots = {}): HTMLElement[] {
  const { props } = data;
  const asOf = props.asOf;
  const summary = edgeClaimSummary(data);
  const facts = el(
    "div",
    { class: "facts" },
    certaintyBadge(data.certainty),
    asOf === undefined || asOf === null || typeof asOf === "object"
      ? null
      : el("span", { class: "fact", "data-testid": "as-of" }, "as of ", el("strong", {}, formatScalar(asOf))),
    summary
      ? el(
          "span",
          {
            class: "fact",
            "data-testid": "independent-sources",
            title: "Independent origins: a republished, credited or copied story counts once",
          },
          el("strong", {}, summary.independentSources),
          ` independent source${summary.independentSources === 1 ? "" : "s"}`,
        )
      : null,
    summary?.contested
      ? el(
          "span",
          { class: "badge badge-contested", "data-testid": "contested-badge", title: "Its sources disagree" },
          "⚠ contested",
        )
      : null,
  );
  const sections: HTMLElement[] = [facts];
  if (slots.afterFacts) sections.push(slots.afterFacts);
  sections.push(section("Sources", sourceList(props.sources, deps), independenceNote(props.sources, summary)));

  const evidence = typeof props.evidence === "string" ? props.evidence : undefined;
  const evidenceLang = typeof props.evidence_lang === "string" ? props.evidence_lang : undefined;
  // An English quote is its own rendering: shown once.
  const evidenceEn =
    typeof props.evidence_en === "string" && !(evidenceLang === "en" && props.evidence_en === evidence)
      ? props.evidence_en
      : undefined;
  if (evidence !== undefined || evidenceEn !== undefined) {
    sections.push(
      section(
        "Evidence",
        evidence === undefined
          ? null
          : el(
              "figure",
              { class: "evidence" },
              el("blockquote", { class: "evidence-fr", lang: evidenceLang, "data-testid": "evidence-fr" }, evidence),
              el(
                "figcaption",
                { class: "evidence-caption", "data-testid": "evidence-caption" },
                evidenceLang === undefined ? "Verbatim, original" : `Verbatim, ${languageName(evidenceLang)} original`,
              ),
            ),
        evidenceEn === undefined
          ? evidence !== undefined && evidenceLang !== undefined && evidenceLang !== "en"
            ? el("p", { class: "meta", "data-testid": "evidence-en-missing" }, "No English rendering yet.")
            : null
          : el(
              "div",
              { class: "evidence-translation" },
              el("div", { class: "evidence-caption" }, "English rendering"),
              el("p", { class: "evidence-en", lang: "en", "data-testid": "evidence-en" }, evidenceEn),
            ),
      ),
    );
  }

  if (slots.afterEvidence) sections.push(slots.afterEvidence);
  const shownElsewhere = summary ? [...PROVENANCE, ...CLAIM_SUMMARY] : PROVENANCE;
  const others = Object.keys(props).filter((key) => !shownElsewhere.includes(key));
  if (others.length > 0) {
    sections.push(
      section("Other properties", renderPropertyList(props, { omit: shownElsewhere, testId: "edge-properties" })),
    );
  }
  sections.push(
    el("p", { class: "meta" }, "Type ", el("code", {}, data.type), " · element id ", el("code", {}, data.elementId)),
  );
  return sections;
}

function sourceList(value: unknown, deps: EdgeDetailsDeps): HTMLElement {
  const ids = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(String);
  if (ids.length === 0) return el("p", { class: "empty", "data-testid": "edge-sources" }, "No source recorded.");
  return el(
    "ul",
    { class: "source-list", "data-testid": "edge-sources" },
    ...ids.map((id) => {
      const caption = deps.nodeCaption(id);
      const claims = claimsLink(id, caption ?? id, deps);
      if (caption === undefined) {
        return el(
          "li",
          { class: "source-item", "data-source-id": id },
          el("span", { class: "source-name" }, id),
          claims,
        );
      }
      const button = el(
        "button",
        { type: "button", class: "link source-name", title: "Select on the canvas" },
        caption,
      );
      button.addEventListener("click", () => deps.focus(id));
      return el(
        "li",
        { class: "source-item", "data-source-id": id },
        button,
        el("code", { class: "source-id" }, id),
        claims,
      );
    }),
  );
}

/**
 * Why fewer sources count than are listed: the list names every article and outlet, the count
 * takes each outlet once (an article and the outlet it credits, a story republished elsewhere).
 */
function independenceNote(value: unknown, summary: ReturnType<typeof edgeClaimSummary>): HTMLElement | null {
  const listed = Array.isArray(value) ? value.length : value === undefined || value === null ? 0 : 1;
  if (!summary || listed <= summary.independentSources) return null;
  const count = summary.independentSources;
  return el(
    "p",
    { class: "meta", "data-testid": "independence-note" },
    `${listed} listed, ${count} independent: an article and the outlet it credits, or a story republished ` +
      `elsewhere, count once; only a source that reports on its own adds another.`,
  );
}

/** "Everything it claims": draws the source's other relationships on the canvas. */
function claimsLink(sourceId: string, caption: string, deps: Pick<EdgeDetailsDeps, "showClaims">): HTMLElement {
  const link = el(
    "button",
    {
      type: "button",
      class: "link source-claims",
      "data-testid": "source-claims",
      title: `Add to the canvas every relationship ${caption} vouches for`,
    },
    "everything it claims",
  );
  link.addEventListener("click", () => deps.showClaims(sourceId));
  return link;
}
