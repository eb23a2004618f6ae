import type { Change } from "../../../contract/timeline-endpoints";
import { el } from "../dom/el";
import { CHANGE_HEADINGS, groupChanges } from "./timeline-model";

export interface ChangeListActions {
  /** The analyst picked a change: its relationship and entities are highlighted on the canvas. */
  pick(change: Change, button: HTMLButtonElement): void;
  /** Extra words after a change's label (the watch it concerns, in the badge's list). */
  note?(change: Change): string | null;
}

/**
 * Changes grouped by kind (a heading with the count), each a button naming it, what it was and is,
 * then its claims: the sentence, the outlet and the day reported.
 */
export function renderChangeList(changes: readonly Change[], actions: ChangeListActions): HTMLElement {
  const groups = groupChanges(changes);
  return el(
    "div",
    { class: "change-groups", "data-testid": "change-groups" },
    ...groups.map((group) =>
      el(
        "section",
        { class: "change-group", "data-kind": group.kind, "data-testid": "change-group" },
        el(
          "h3",
          { class: "change-heading" },
          `${CHANGE_HEADINGS[group.kind]} `,
          el("span", { class: "change-count" }, String(group.changes.length)),
        ),
        el("ul", { class: "change-items" }, ...group.changes.map((change) => renderChange(change, actions))),
      ),
    ),
  );
}

/** What a change's before and after values are, said before them. */
const VALUE_NAMES: Partial<Record<Change["kind"], string>> = {
  "new-relationship": "Certainty: ",
  "certainty-raised": "Certainty: ",
  "certainty-lowered": "Certainty: ",
  "newly-corroborated": "Independent origins: ",
  "validity-ended": "Valid until: ",
  "alias-merged": "Name: ",
};

function renderChange(change: Change, actions: ChangeListActions): HTMLElement {
  const button = el(
    "button",
    {
      type: "button",
      class: "change-pick",
      "data-testid": "change-pick",
      "aria-pressed": "false",
      title: "Show it on the canvas",
    },
    change.label,
  );
  button.addEventListener("click", () => actions.pick(change, button));
  const note = actions.note?.(change) ?? null;
  const values =
    change.before !== null || change.after !== null
      ? `${VALUE_NAMES[change.kind] ?? ""}${change.before ?? "—"} → ${change.after ?? "—"}`
      : null;
  return el(
    "li",
    {
      class: "change-item",
      "data-testid": "change-item",
      "data-kind": change.kind,
      "data-relationship": change.relationshipId ?? undefined,
    },
    button,
    values ? el("p", { class: "change-values" }, values) : null,
    change.origins.length > 0 ? el("p", { class: "change-values" }, `New origin: ${change.origins.join(", ")}`) : null,
    note ? el("p", { class: "change-note" }, note) : null,
    change.claims.length > 0
      ? el(
          "ul",
          { class: "change-claims" },
          ...change.claims.map((claim) =>
            el(
              "li",
              { class: "change-claim", "data-testid": "change-claim", lang: claim.quoteLang || undefined },
              el("q", { class: "change-quote" }, claim.quote),
              el(
                "span",
                { class: "change-source", lang: "en" },
                `${claim.stance === "denies" ? "Denied by" : "Said by"} ${claim.outlet.name}, reported ${claim.reportedAt} · ${claim.certainty}`,
              ),
            ),
          ),
        )
      : null,
  );
}
