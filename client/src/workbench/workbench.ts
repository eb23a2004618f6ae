import type { Graph } from "../../../contract/graph-contract";
import type { ApiClient } from "../api/api-client";
import { enableDrawerResize } from "./drawer-resize";
import { describeCypherError } from "./editor/describe-cypher-error";
import { createEditorSlot } from "./editor/editor-slot";
import { createErrorArea } from "./editor/error-area";
import { createParamsInput } from "./editor/params-input";
import { createSchemaCompletion } from "./editor/schema-completion";
import { createHistoryPanel } from "./library/history-panel";
import { createHistoryStore } from "./library/history-store";
import { createLibraryPanel } from "./library/library-panel";
import { createSavedPanel } from "./library/saved-panel";
import { createSavedQueriesStore } from "./library/saved-queries-store";
import type { KeyValueStorage, QueryRun } from "./library/stored-list";
import { createQueryRunner } from "./query-runner";
import { createResultModeControl, type ResultMode } from "./results/result-mode";
import { createResultView } from "./results/result-view";
import { createTabs } from "./tabs";
import { buildWorkbenchLayout } from "./workbench-layout";
import { createWorkbenchSettings } from "./workbench-settings";

export type { ResultMode } from "./results/result-mode";

export interface WorkbenchDeps {
  api: Pick<ApiClient, "runCypher" | "getSchema" | "getQueries">;
  storage: KeyValueStorage;
  /**
   * Draws a result's graph on the canvas; resolves with a few words for the summary ("12 new on the canvas").
   * `run` is the query that produced it (exports quote it).
   */
  showGraph(graph: Graph, mode: ResultMode, run: QueryRun): Promise<string>;
  /** Selects and centres a node of the canvas (from a node cell of the table). */
  focusNode(id: string): void;
  /** After the drawer opened or closed (the canvas above it changed size). */
  onToggle(open: boolean): void;
}

export interface Workbench {
  open(): void;
  close(): void;
  toggle(): void;
  isOpen(): boolean;
}

/** The Cypher workbench drawer: editor, parameters, run and cancel, results, history, saved queries, library. */
export function createWorkbench(root: HTMLElement, toggleButton: HTMLElement, deps: WorkbenchDeps): Workbench {
  const settings = createWorkbenchSettings(deps.storage);
  const runner = createQueryRunner((request, signal) => deps.api.runCypher(request, signal));

  const params = createParamsInput(settings.paramsDraft(), (text) => settings.saveParamsDraft(text));
  const results = createResultView((id) => deps.focusNode(id));
  const errors = createErrorArea((line, column) => editor.goTo(line, column));
  const mode = createResultModeControl(settings.resultMode(), (next) => settings.saveResultMode(next));
  const history = createHistoryPanel(createHistoryStore(deps.storage), (run) => load(run));
  const saved = createSavedPanel(createSavedQueriesStore(deps.storage), {
    current: () => {
      const parsed = params.read();
      if (!parsed.ok) return { problem: parsed.message };
      const query = editor.getValue();
      return query.trim() ? { query, params: parsed.params } : { problem: "Write a query first." };
    },
    load: (run) => load(run),
  });
  const library = createLibraryPanel(() => deps.api.getQueries(), {
    run: (run) => {
      load(run);
      void execute();
    },
    edit: (run) => load(run),
  });
  const sideTabs = createTabs(
    "queries",
    [
      { id: "library", title: "Library", panel: library.element },
      { id: "history", title: "History", panel: history.element },
      { id: "saved", title: "Saved", panel: saved },
    ],
    settings.sideTab(),
  );
  sideTabs.onSelect((id) => settings.saveSideTab(id));

  const layout = buildWorkbenchLayout(root, {
    sideTabs: sideTabs.list,
    sidePanels: [library.element, history.element, saved],
    resultMode: mode.element,
    params: params.element,
    error: errors.element,
    results: results.element,
  });
  const editor = createEditorSlot(layout.editorHost, {
    initial: settings.queryDraft(),
    onRun: () => void execute(),
    onChange: (text) => settings.saveQueryDraft(text),
    loadEditor: () => import("./editor/cypher-editor").then((module) => module.createQueryEditor),
  });
  enableDrawerResize(root, layout.resizeHandle, settings.height(), (height) => settings.saveHeight(height));

  function load(run: QueryRun): void {
    editor.setValue(run.query);
    params.set(run.params);
    // The linter knows the parameter names from the box: tell it the box changed.
    schema.refresh();
    errors.clear();
    editor.focus();
  }

  const schema = createSchemaCompletion(
    editor,
    layout.editorNote,
    () => deps.api.getSchema(),
    () => {
      const parsed = params.read();
      return parsed.ok ? Object.keys(parsed.params) : [];
    },
  );
  params.textarea.addEventListener("blur", () => schema.refresh());

  const setBusy = (busy: boolean) => {
    root.dataset.running = String(busy);
    layout.runButton.disabled = busy;
    layout.cancelButton.disabled = !busy;
  };

  async function execute(): Promise<void> {
    if (runner.busy()) return;
    const query = editor.getValue();
    if (query.trim() === "") {
      errors.show({ code: "EMPTY_QUERY", message: "Write a Cypher query first." });
      return;
    }
    const parsed = params.read();
    if (!parsed.ok) {
      errors.clear();
      params.textarea.focus();
      return;
    }
    errors.clear();
    history.add({ query, params: parsed.params });
    setBusy(true);
    results.running();
    const outcome = await runner.start({ query, params: parsed.params });
    setBusy(false);
    if (outcome.kind === "cancelled") return results.cancelled();
    if (outcome.kind === "failed") {
      results.failed();
      return errors.show(describeCypherError(outcome.error));
    }
    let note = "";
    try {
      note = await deps.showGraph(outcome.result.graph, mode.value(), { query, params: parsed.params });
    } catch (error) {
      errors.show({ code: "CANVAS", message: `Drawing the result failed: ${describeCypherError(error).message}` });
    }
    results.show(outcome.result, note);
  }

  layout.runButton.addEventListener("click", () => void execute());
  layout.cancelButton.addEventListener("click", () => {
    runner.cancel();
    editor.focus();
  });
  layout.closeButton.addEventListener("click", () => close());

  const open = () => {
    root.hidden = false;
    toggleButton.setAttribute("aria-expanded", "true");
    editor.load().then(
      () => editor.focus(),
      (error: unknown) => errors.show(describeCypherError(error)),
    );
    schema.load();
    library.load();
    history.refresh();
    deps.onToggle(true);
  };
  const close = () => {
    root.hidden = true;
    toggleButton.setAttribute("aria-expanded", "false");
    toggleButton.focus();
    deps.onToggle(false);
  };
  const isOpen = () => !root.hidden;

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented || !isOpen()) return;
    // Escape in the search box closes its hits, not the workbench.
    if (event.target instanceof Element && event.target.closest(".search")) return;
    // Handled: the details panel, which closes on an Escape nothing else took, stays open.
    event.preventDefault();
    close();
  });
  // Ctrl+Enter (Cmd+Enter) runs from anywhere in the drawer: the Merge/Replace toggle, the
  // parameters, the results; the editor runs it itself (and says so by preventing the default).
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
    event.preventDefault();
    void execute();
  });
  toggleButton.addEventListener("click", () => (isOpen() ? close() : open()));
  setBusy(false);
  return { open, close, toggle: () => (isOpen() ? close() : open()), isOpen };
}
