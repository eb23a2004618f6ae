import type { AsOfQuery, Graph } from "../../../contract/graph-contract";
import { firstDay } from "../../../contract/partial-dates";
import type { Canvas } from "../canvas/create-canvas";
import type { Apply } from "../explorer/command";
import type { ExplorerState } from "../explorer/explorer-state";
import { edgeClaimSummary } from "../look/edge-claims";
import { type AsOfChange, applyAsOfGraph } from "./apply-as-of";
import { type AsOfMode, asOfChoice, describeAsOf, isNow, NOW, sameAsOf, toAsOfQuery } from "./as-of";
import { createTimeBar } from "./time-bar";

export interface AsOfControllerDeps {
  canvas: Pick<Canvas, "cy" | "addGraph">;
  getGraph(asOf: AsOfQuery): Promise<Graph>;
  /** The day, the nodes it took off, and the relationships the analyst hid (they stay hidden). */
  state: Pick<ExplorerState, "asOf" | "setAsOf" | "absent" | "hidden" | "onRestore">;
  /** Makes a change of the day through the explorer's one `apply` (undo step, URL, status). */
  apply: Apply;
  /** After the canvas' relationships changed: counts, legend, filters, link. */
  changed(): void;
  tell(message: string): void;
  fail(doing: string, error: unknown): void;
}

export interface AsOfController {
  /** The time bar, to place above the canvas. */
  readonly element: HTMLElement;
  /**
   * For opening a link or a saved view: fetches its relationships as of its dates, and resolves to what
   * draws them once the view's nodes are drawn (part of opening the view, no step of its own).
   */
  prepare(query: AsOfQuery): Promise<() => void>;
  /** After relationships were drawn: the slider spans from the first claim reported, with a mark per report day. */
  noteDays(): void;
  /** The axis the time bar has picked: "known on" or "held on". */
  mode(): AsOfMode;
  /** Adds a control at the time bar's end (the timeline's toggle). */
  addAction(action: HTMLElement): void;
  /**
   * Shows the graph as of a day picked elsewhere (the timeline), as one undo step named `step`:
   * reloads when the day differs, and runs `also` inside the step (the timeline's range start).
   * Resolves false when a later pick overtook it or it failed (said on the status line).
   */
  goTo(next: AsOfQuery, step: { label: string; also(): void }): Promise<boolean>;
  /**
   * Names, for a day's answer, the relationships (claims ids) that stay drawn when it lacks them
   * (the timeline: those whose validity ended, faded on the held axis).
   */
  keepAbsent(which: (query: AsOfQuery) => ReadonlySet<string>): void;
}

/**
 * The graph as it was known, or held, on a day: the time bar, the reload, one undo step per change.
 * The day and the nodes it took off are the explorer state's; this draws and fetches.
 */
export function createAsOfController(deps: AsOfControllerDeps): AsOfController {
  const { state } = deps;
  let request = 0;
  const reportDays = new Set<string>();
  const bar = createTimeBar((choice) => void change(toAsOfQuery(choice)));
  let keepAbsent: (query: AsOfQuery) => ReadonlySet<string> = () => new Set();

  const load = async (next: AsOfQuery): Promise<{ graph: Graph; fresh: boolean }> => {
    request += 1;
    const mine = request;
    const graph = await deps.getGraph(next);
    // A later date picked meanwhile wins.
    return { graph, fresh: mine === request };
  };
  // Undo and redo put the day back: a pending answer is stale, and the bar shows the day.
  state.onRestore(() => {
    request += 1;
    bar.show(asOfChoice(state.asOf()));
  });
  const apply = (next: AsOfQuery, graph: Graph): AsOfChange => {
    state.setAsOf(next);
    bar.show(asOfChoice(next));
    const hidden = new Set(state.hidden.keys());
    const outcome = applyAsOfGraph(deps.canvas, graph, {
      hidden,
      absent: state.absent,
      today: isNow(next),
      keep: isNow(next) ? undefined : keepAbsent(next),
    });
    deps.changed();
    return outcome;
  };

  async function change(next: AsOfQuery): Promise<void> {
    if (sameAsOf(next, state.asOf())) return bar.show(asOfChoice(state.asOf()));
    const label = isNow(next) ? "Back to today" : describeAsOf(next);
    deps.tell(`Loading the graph ${isNow(next) ? "as known today" : label.toLowerCase()}…`);
    try {
      const { graph, fresh } = await load(next);
      if (!fresh) return;
      deps.apply(() => ({
        step: label,
        edits: true,
        make: () =>
          `${label}: ${describeChange(apply(next, graph), next)}${graph.truncated ? " (capped by the server)" : ""} · Ctrl+Z to undo`,
      }));
    } catch (error) {
      bar.show(asOfChoice(state.asOf()));
      deps.fail(`Loading the graph ${label.toLowerCase()}`, error);
    }
  }

  return {
    element: bar.element,
    prepare: async (query) => {
      const graph = isNow(query) ? null : (await load(query)).graph;
      return () => {
        // The view replaced the canvas: what an earlier day took off is not part of it.
        state.absent.clear();
        state.setAsOf(NOW);
        bar.show(null);
        if (graph) apply(query, graph);
      };
    },
    noteDays: () => {
      const before = reportDays.size;
      deps.canvas.cy.edges().forEach((edge) => {
        const summary = edgeClaimSummary(edge.data());
        if (!summary) return;
        reportDays.add(firstDay(summary.firstReported));
        reportDays.add(firstDay(summary.lastReported));
        if (summary.confirmedAt) reportDays.add(firstDay(summary.confirmedAt));
      });
      if (reportDays.size === before && before > 0) return;
      const days = [...reportDays].sort();
      const today = new Date().toISOString().slice(0, 10);
      bar.setDays(days[0] ?? today, today, days);
    },
    keepAbsent: (which) => {
      keepAbsent = which;
    },
    mode: () => bar.mode(),
    addAction: (action) => bar.addAction(action),
    goTo: async (next, step) => {
      if (sameAsOf(next, state.asOf())) {
        request += 1;
        return deps.apply(() => ({
          step: step.label,
          make: () => {
            step.also();
            return `${step.label} · Ctrl+Z to undo`;
          },
        }));
      }
      deps.tell(`Loading the graph ${describeAsOf(next).toLowerCase()}…`);
      try {
        const { graph, fresh } = await load(next);
        if (!fresh) return false;
        return deps.apply(() => ({
          step: step.label,
          edits: true,
          make: () => {
            const outcome = apply(next, graph);
            step.also();
            return `${step.label}: ${describeChange(outcome, next)}${graph.truncated ? " (capped by the server)" : ""} · Ctrl+Z to undo`;
          },
        }));
      } catch (error) {
        bar.show(asOfChoice(state.asOf()));
        deps.fail(`Loading the graph ${describeAsOf(next).toLowerCase()}`, error);
        return false;
      }
    },
  };
}

/** "4 nodes and 1 relationship not known then", "brought back 4 nodes and 1 relationship". */
function describeChange(change: AsOfChange, query: AsOfQuery): string {
  const counted = (nodes: number, edges: number) =>
    [nodes > 0 ? plural(nodes, "node") : null, edges > 0 ? plural(edges, "relationship") : null]
      .filter((part) => part !== null)
      .join(" and ");
  const gone = counted(change.nodesGone, change.edgesGone);
  const back = counted(change.nodesBack, change.edgesBack);
  const parts = [
    gone ? `${gone} ${query.knownAt ? "not known" : "not holding"} then` : null,
    back ? `${isNow(query) ? "brought back" : "showing"} ${back}` : null,
    change.changed > 0 ? `${plural(change.changed, "summary", "summaries")} as of then` : null,
    change.kept > 0 ? `${plural(change.kept, "relationship")} faded: no longer holding then` : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join("; ") : "the same nodes and relationships";
}

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
