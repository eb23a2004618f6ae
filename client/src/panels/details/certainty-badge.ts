import type { Certainty } from "../../../../contract/graph-contract";
import { el } from "../../dom/el";
import { CERTAINTY_STYLES } from "../../look/certainty-styles";

/** A coloured pill naming a relationship's certainty; "unqualified" when the edge carries none. */
export function certaintyBadge(certainty: Certainty | undefined): HTMLSpanElement {
  const meaning = CERTAINTY_STYLES.find((style) => style.certainty === certainty)?.meaning;
  return el(
    "span",
    {
      class: `badge badge-${certainty ?? "none"}`,
      "data-testid": "certainty",
      "data-certainty": certainty ?? "none",
      title: meaning ?? "No certainty recorded on this relationship.",
    },
    certainty ?? "unqualified",
  );
}
