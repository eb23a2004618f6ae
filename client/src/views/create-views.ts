import type { SavedViewSummary, ViewState } from "../../../contract/graph-contract";
import type { ApiClient } from "../api/api-client";
import { createSavedViewsPanel } from "./saved-views-panel";
import { createViewOpener, type ViewOpener, type ViewOpenerDeps } from "./view-opener";

export interface ViewsDeps extends ViewOpenerDeps {
  button: HTMLButtonElement;
  panel: HTMLElement;
  api: Pick<ApiClient, "lookupNodes" | "listViews" | "getView" | "saveView" | "deleteView">;
  /** The view shown, to save. */
  viewState(): ViewState;
  /** A "Watch" toggle for a saved view, when watches are offered. */
  watchButton?(id: string, name: string): HTMLElement;
  fail(doing: string, error: unknown): void;
}

/** Views: opened from links (at start and pasted later), and the "Views" popover to save, open and delete them. */
export function createViews(deps: ViewsDeps): ViewOpener {
  const opener = createViewOpener(deps);
  const { watchButton } = deps;
  createSavedViewsPanel(deps.button, deps.panel, {
    list: () => deps.api.listViews(),
    save: (name) => deps.api.saveView({ name, state: deps.viewState() }),
    open: async (summary) => {
      const saved = await deps.api.getView(summary.id);
      opener.report(
        await opener.open(saved.state, `Open view “${saved.name}”`),
        `Opened the view “${saved.name}” · Ctrl+Z to go back`,
      );
    },
    remove: (summary) => deps.api.deleteView(summary.id),
    ...(watchButton ? { watchButton: (summary: SavedViewSummary) => watchButton(summary.id, summary.name) } : {}),
    tell: deps.tell,
    fail: deps.fail,
  });
  return opener;
}
