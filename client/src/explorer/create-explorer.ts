import { type Apply, createApply, type Explorer, type ExplorerCanvas } from "./command";
import { createExplorerState, type ExplorerState } from "./explorer-state";
import { syncViewToUrl, type UrlSync } from "./url-sync";
import { createViewHistory, type ViewHistory } from "./view-history";

export interface ExplorerDeps {
  canvas: ExplorerCanvas;
  /** After every change, undo and redo: counts and legend; `edited` when elements were added or taken out by hand. */
  changed(edited: boolean): void;
  tell(message: string): void;
}

export interface ExplorerRoom extends Explorer {
  readonly history: ViewHistory;
  readonly apply: Apply;
  readonly urlSync: UrlSync;
}

/** The explorer's state, its undo history, the URL that follows it, and the one `apply` that changes it. */
export function createExplorer(deps: ExplorerDeps): ExplorerRoom {
  const state: ExplorerState = createExplorerState(deps.canvas.cy);
  const explorer: Explorer = { state, canvas: deps.canvas };
  const urlSync = syncViewToUrl(state.cy, () => state.viewState());
  state.onFiltersChange(() => urlSync.changed());
  const history = createViewHistory({
    capture: () => state.snapshot(),
    restore: (snapshot) => {
      state.restore(snapshot);
      deps.changed(true);
    },
  });
  const apply = createApply({ explorer, history, changed: deps.changed, urlChanged: urlSync.changed, tell: deps.tell });
  return { ...explorer, history, apply, urlSync };
}
