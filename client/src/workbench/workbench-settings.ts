import type { KeyValueStorage } from "./library/stored-list";
import type { ResultMode } from "./results/result-mode";

const PREFIX = "graph-explorer.workbench.";
const SIDE_TABS = ["library", "history", "saved"];
const DEFAULT_QUERY = "MATCH (c:Company)-[r:SOURCES_FROM]->(s)\nRETURN c, r, s\nLIMIT 25";

export interface WorkbenchSettings {
  queryDraft(): string;
  saveQueryDraft(text: string): void;
  paramsDraft(): string;
  saveParamsDraft(text: string): void;
  resultMode(): ResultMode;
  saveResultMode(mode: ResultMode): void;
  sideTab(): string;
  saveSideTab(id: string): void;
  height(): number | null;
  saveHeight(height: number): void;
}

/** What the workbench remembers between visits (the text being edited, the chosen mode, the drawer's height). */
export function createWorkbenchSettings(storage: KeyValueStorage): WorkbenchSettings {
  const read = (key: string): string | null => {
    try {
      return storage.getItem(PREFIX + key);
    } catch {
      return null;
    }
  };
  const write = (key: string, value: string) => {
    try {
      storage.setItem(PREFIX + key, value);
    } catch {
      // Storage full or disabled: the setting lasts until the page reloads.
    }
  };
  return {
    queryDraft: () => read("query") ?? DEFAULT_QUERY,
    saveQueryDraft: (text) => write("query", text),
    paramsDraft: () => read("params") ?? "{}",
    saveParamsDraft: (text) => write("params", text),
    resultMode: () => (read("mode") === "replace" ? "replace" : "merge"),
    saveResultMode: (mode) => write("mode", mode),
    sideTab: () => {
      const tab = read("side-tab");
      return tab && SIDE_TABS.includes(tab) ? tab : "library";
    },
    saveSideTab: (id) => write("side-tab", id),
    height: () => {
      const height = Number(read("height"));
      return Number.isFinite(height) && height > 0 ? height : null;
    },
    saveHeight: (height) => write("height", String(height)),
  };
}
