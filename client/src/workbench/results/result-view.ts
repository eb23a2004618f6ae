import type { CypherResult } from "../../../../contract/graph-contract";
import { el } from "../../dom/el";
import { createTabs } from "../tabs";
import { renderResultJson } from "./result-json";
import { createResultTable } from "./result-table";
import { summarizeResult } from "./summarize-result";

export interface ResultView {
  readonly element: HTMLElement;
  running(): void;
  show(result: CypherResult, canvasNote: string): void;
  cancelled(): void;
  failed(): void;
}

/** The result pane: a summary line, a truncation notice, and the rows as a table or as raw JSON. */
export function createResultView(onNode: (id: string) => void): ResultView {
  const summary = el(
    "p",
    { class: "result-summary", "data-testid": "result-summary", "data-state": "idle", role: "status" },
    "Run a query to see its rows here and its graph on the canvas.",
  );
  const notice = el("p", { class: "truncated-notice", "data-testid": "result-truncated", hidden: true });
  const tablePane = el("div", { class: "result-pane", "data-testid": "result-table" });
  const jsonPane = el("div", { class: "result-pane", "data-testid": "result-json" });
  const table = createResultTable(tablePane, onNode);
  const tabs = createTabs(
    "results",
    [
      { id: "table", title: "Table", panel: tablePane },
      { id: "json", title: "JSON", panel: jsonPane },
    ],
    "table",
  );
  let current: CypherResult | null = null;
  let jsonShown: CypherResult | null = null;
  const renderJson = () => {
    if (tabs.selected() !== "json" || !current || jsonShown === current) return;
    jsonShown = current;
    jsonPane.replaceChildren(renderResultJson(current));
  };
  tabs.onSelect(renderJson);

  let timer: ReturnType<typeof setInterval> | undefined;
  const setSummary = (state: string, text: string) => {
    clearInterval(timer);
    summary.dataset.state = state;
    element.dataset.state = state;
    summary.textContent = text;
    // Rows of an earlier run, faded while another runs or after it failed: inactive, so neither
    // focus nor a screen reader lands on them as if they were the answer (and their faded ink is
    // exempt from WCAG's contrast minimum, as for any inactive control).
    const stale = state !== "done" && state !== "idle";
    tablePane.inert = stale;
    jsonPane.inert = stale;
  };

  const element = el(
    "section",
    { class: "wb-results", "aria-label": "Results" },
    el("div", { class: "wb-results-bar" }, tabs.list, summary),
    notice,
    tablePane,
    jsonPane,
  );

  return {
    element,
    running: () => {
      const started = Date.now();
      setSummary("running", "Running…");
      timer = setInterval(() => {
        summary.textContent = `Running… ${Math.floor((Date.now() - started) / 1000)} s`;
      }, 1000);
    },
    show: (result, canvasNote) => {
      const { text, truncated } = summarizeResult(result);
      setSummary("done", canvasNote ? `${text} · ${canvasNote}` : text);
      notice.hidden = !truncated;
      notice.textContent = truncated ? `Truncated: ${truncated}` : "";
      current = result;
      table.show(result);
      renderJson();
    },
    cancelled: () => setSummary("cancelled", "Cancelled"),
    failed: () => setSummary("failed", "The query failed: see the error under the editor."),
  };
}
