import { el } from "../dom/el";
import { certaintyBadge } from "../panels/details/certainty-badge";
import type { PathHop } from "./path-chain";

/** One hop of a path as the panel lists it: both ends, the relationship, who says so and in which words. */
export function hopView(hop: PathHop, sourceNames: HTMLElement, select: (edgeId: string) => void): HTMLElement {
  const relation = hop.forward ? `— ${hop.caption} →` : `← ${hop.caption} —`;
  const head = el(
    "button",
    {
      type: "button",
      class: "path-hop-head",
      "data-testid": "path-hop",
      "data-edge-id": hop.edgeId,
      title: "Select this relationship",
    },
    el("span", { class: "path-hop-end" }, hop.from.caption),
    el("span", { class: "path-hop-relation" }, ` ${relation} `),
    el("span", { class: "path-hop-end" }, hop.to.caption),
  );
  head.addEventListener("click", () => select(hop.edgeId));
  return el(
    "li",
    { class: "path-hop" },
    head,
    el(
      "div",
      { class: "path-hop-facts" },
      certaintyBadge(hop.certainty),
      hop.asOf ? el("span", { class: "fact" }, "as of ", el("strong", {}, hop.asOf)) : null,
      el("span", { class: "path-hop-sources", "data-testid": "path-hop-sources" }, "per ", sourceNames),
    ),
    hop.evidence
      ? el(
          "blockquote",
          { class: "path-evidence-fr", lang: hop.evidenceLang, "data-testid": "path-evidence-fr" },
          hop.evidence,
        )
      : null,
    hop.evidenceEn
      ? el("p", { class: "path-evidence-en", lang: "en", "data-testid": "path-evidence-en" }, hop.evidenceEn)
      : null,
    !hop.evidence && !hop.evidenceEn ? el("p", { class: "path-evidence-none" }, "No sentence recorded.") : null,
  );
}
