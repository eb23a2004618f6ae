import type { Core } from "cytoscape";
import { today } from "../../../contract/partial-dates";
import type { Change, ChangeList, TimelineArticle } from "../../../contract/timeline-endpoints";
import type { TimelineClient } from "../api/timeline-client";
import type { AsOfMode } from "../claims/as-of";
import { el } from "../dom/el";
import { createIsoDateField } from "../dom/iso-date-field";
import { relationshipClaimsId } from "../look/edge-claims";
import { TIMELINE_CLASSES } from "../look/timeline-marks";
import { renderChangeList } from "./change-list-view";
import { changesToCsv } from "./changes-csv";

export interface ChangesPanelDeps {
  client: Pick<TimelineClient, "getChanges">;
  cy: Core;
  /** The articles on the timeline, for "between two articles". */
  articles(): readonly TimelineArticle[];
  /** The time bar's axis. */
  axis(): AsOfMode;
  /** Fits the canvas on these element ids. */
  fitElements(ids: readonly string[]): void;
  download(filename: string, blob: Blob): void;
  /** The panel was opened or closed (image exports show the change marks while it is open). */
  toggled?(open: boolean): void;
  fail(doing: string, error: unknown): void;
}

export interface ChangesPanel {
  readonly element: HTMLElement;
  /** Opens the panel on two days and lists what changed between them. */
  compare(from: string | null, to: string): Promise<void>;
  isOpen(): boolean;
  close(): void;
}

/** Marks a change's relationship and entities on the canvas; returns the ids marked (drawn ones only). */
export function markChange(cy: Core, change: Pick<Change, "relationshipId" | "entityIds"> | null): string[] {
  const ids: string[] = [];
  cy.batch(() => {
    cy.elements(`.${TIMELINE_CLASSES.change}`).removeClass(TIMELINE_CLASSES.change);
    if (!change) return;
    if (change.relationshipId !== null) {
      cy.edges()
        .filter((edge) => relationshipClaimsId(edge.data()) === change.relationshipId)
        .forEach((edge) => {
          edge.addClass(TIMELINE_CLASSES.change);
          ids.push(edge.id());
        });
    }
    for (const id of change.entityIds) {
      const node = cy.getElementById(id);
      if (node.nonempty()) {
        node.addClass(TIMELINE_CLASSES.change);
        ids.push(id);
      }
    }
  });
  return ids;
}

/**
 * "What changed": two days (or two articles), the list from /api/changes grouped by kind, each
 * change with its claims; a change picked is marked on the canvas; the list exports as a CSV
 * evidence table. Swapped or future days are said as the server says them.
 */
export function createChangesPanel(deps: ChangesPanelDeps): ChangesPanel {
  let list: ChangeList | null = null;
  let request = 0;
  const fromField = createIsoDateField({ class: "time-date", "data-testid": "changes-from", "aria-label": "From" });
  const toField = createIsoDateField({ class: "time-date", "data-testid": "changes-to", "aria-label": "To" });
  // Future days are allowed here: the server takes them as today and says so.
  fromField.setMax(null);
  toField.setMax(null);
  const fromArticle = el("select", {
    class: "changes-article",
    "data-testid": "changes-from-article",
    "aria-label": "From the article",
  });
  const toArticle = el("select", {
    class: "changes-article",
    "data-testid": "changes-to-article",
    "aria-label": "To the article",
  });
  const run = el("button", { type: "submit", class: "button-small", "data-testid": "changes-run" }, "Compare");
  const exportButton = el(
    "button",
    {
      type: "button",
      class: "button-small",
      "data-testid": "changes-export",
      disabled: true,
      title: "The list as a CSV evidence table, one row per claim",
    },
    "Export CSV",
  );
  const summary = el("p", { class: "changes-summary", "data-testid": "changes-summary", role: "status" });
  const notices = el("ul", { class: "changes-notices", "data-testid": "changes-notices" });
  const body = el("div", { class: "changes-body" });
  const close = el("button", {
    type: "button",
    class: "panel-close",
    "data-testid": "changes-close",
    "aria-label": "Close what changed",
  });
  const form = el(
    "form",
    { class: "changes-form" },
    el("label", { class: "changes-field" }, el("span", {}, "From"), fromField.input),
    el("label", { class: "changes-field" }, el("span", {}, "To"), toField.input),
    el("label", { class: "changes-field" }, el("span", {}, "or after the article"), fromArticle),
    el("label", { class: "changes-field" }, el("span", {}, "to after the article"), toArticle),
    el("div", { class: "changes-actions" }, run, exportButton),
  );
  const element = el(
    "section",
    {
      class: "change-panel",
      "data-testid": "changes-panel",
      role: "dialog",
      "aria-labelledby": "changes-title",
      hidden: true,
    },
    el(
      "div",
      { class: "path-panel-header" },
      el("h2", { class: "path-panel-title", id: "changes-title" }, "What changed"),
      close,
    ),
    form,
    summary,
    notices,
    body,
  );

  const fillArticles = () => {
    const options = (placeholder: string) => [
      el("option", { value: "" }, placeholder),
      ...deps
        .articles()
        .filter((article) => article.publishedAt !== null)
        .map((article) =>
          el(
            "option",
            { value: article.id },
            `${article.publishedAt} · ${article.title}${article.outlet ? ` (${article.outlet.name})` : ""}`,
          ),
        ),
    ];
    const keep = [fromArticle.value, toArticle.value];
    fromArticle.replaceChildren(...options("— days above —"));
    toArticle.replaceChildren(...options("— days above —"));
    [fromArticle.value, toArticle.value] = keep as [string, string];
  };

  const setOpen = (open: boolean) => {
    if (element.hidden === !open) return;
    element.hidden = !open;
    if (!open) markChange(deps.cy, null);
    deps.toggled?.(open);
  };

  const load = async () => {
    request += 1;
    const mine = request;
    const axis = deps.axis();
    const byArticles = fromArticle.value !== "" || toArticle.value !== "";
    const query = byArticles
      ? { fromArticle: fromArticle.value || undefined, toArticle: toArticle.value || undefined, axis }
      : { from: fromField.day() ?? undefined, to: toField.day() ?? undefined, axis };
    summary.textContent = "Comparing…";
    const asked = [fromField.input.value, toField.input.value];
    try {
      const answer = await deps.client.getChanges(query);
      if (mine !== request) return;
      show(answer);
      // The days compared (swapped, or today for a future day), unless the analyst typed others meanwhile.
      if (!byArticles && fromField.input.value === asked[0] && toField.input.value === asked[1]) {
        fromField.input.value = answer.from;
        toField.input.value = answer.to;
      }
    } catch (error) {
      if (mine !== request) return;
      summary.textContent = "The changes could not be listed.";
      deps.fail("Listing what changed", error);
    }
  };

  const show = (answer: ChangeList) => {
    list = answer;
    markChange(deps.cy, null);
    const words = answer.axis === "held" ? "held" : "known";
    summary.textContent = `${answer.changes.length === 0 ? "Nothing changed" : `${answer.changes.length} change${answer.changes.length === 1 ? "" : "s"}`} between what was ${words} on ${answer.from} and on ${answer.to}.`;
    notices.replaceChildren(...answer.notices.map((notice) => el("li", { class: "changes-notice" }, notice)));
    exportButton.disabled = answer.changes.length === 0;
    let pressed: HTMLButtonElement | null = null;
    body.replaceChildren(
      renderChangeList(answer.changes, {
        pick: (change, button) => {
          pressed?.setAttribute("aria-pressed", "false");
          if (pressed === button) {
            pressed = null;
            markChange(deps.cy, null);
            return;
          }
          pressed = button;
          button.setAttribute("aria-pressed", "true");
          const ids = markChange(deps.cy, change);
          if (ids.length > 0) deps.fitElements(ids);
        },
      }),
    );
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void load();
  });
  for (const field of [fromField.input, toField.input])
    field.addEventListener("input", () => {
      fromArticle.value = "";
      toArticle.value = "";
    });
  exportButton.addEventListener("click", () => {
    if (!list) return;
    const blob = new Blob([changesToCsv(list.changes)], { type: "text/csv;charset=utf-8" });
    deps.download(`changes-${list.axis}-${list.from}-to-${list.to}.csv`, blob);
  });
  close.addEventListener("click", () => setOpen(false));
  element.addEventListener("keydown", (event) => {
    if (event.key === "Escape") setOpen(false);
  });

  return {
    element,
    compare: async (from, to) => {
      fillArticles();
      fromArticle.value = "";
      toArticle.value = "";
      fromField.input.value = from ?? "";
      toField.input.value = to || today();
      setOpen(true);
      await load();
    },
    isOpen: () => !element.hidden,
    close: () => setOpen(false),
  };
}
