import type { RelationshipType } from "../../../contract/vocabulary-endpoints";
import { el } from "../dom/el";
import { typeSwatch } from "../look/type-swatch";

const count = (n: number, one: string) => `${n.toLocaleString("en-GB")} ${one}${n === 1 ? "" : "s"}`;

/** How many trigger phrases a type has, its lexicon files' and its own. */
function triggerSummary(type: RelationshipType): string {
  const fr = type.triggers.fr.length + type.lexiconTriggers.fr.length;
  const en = type.triggers.en.length + type.lexiconTriggers.en.length;
  if (fr + en === 0) return "no trigger phrase: never proposed from an article";
  return `trigger phrases: ${fr} French, ${en} English`;
}

/** One row of the list: swatch, name, count, direction, description, phrases, and its Edit button. */
export function vocabularyRow(type: RelationshipType, edit: (type: RelationshipType) => void): HTMLLIElement {
  const editButton = el(
    "button",
    {
      type: "button",
      class: "button-small vocabulary-edit",
      "data-testid": "vocabulary-edit",
      "aria-label": `Edit ${type.name}`,
    },
    "Edit",
  );
  editButton.addEventListener("click", () => edit(type));
  return el(
    "li",
    { class: "vocabulary-item", "data-name": type.name, "data-testid": "vocabulary-item" },
    el(
      "div",
      { class: "vocabulary-item-head" },
      typeSwatch(type.name),
      el("code", { class: "vocabulary-name" }, type.name),
      type.builtIn ? el("span", { class: "vocabulary-tag" }, "built-in") : null,
      el("span", { class: "vocabulary-count" }, count(type.relationships, "relationship")),
      editButton,
    ),
    type.direction ? el("p", { class: "vocabulary-direction" }, type.direction) : null,
    el("p", { class: "vocabulary-description" }, type.description),
    el("p", { class: "vocabulary-triggers" }, triggerSummary(type)),
  );
}
