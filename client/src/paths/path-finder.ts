import type { Core, NodeSingular } from "cytoscape";
import type { Graph, PathDirection, PathMode, PathsResult } from "../../../contract/graph-contract";
import { clearPaths, highlightPaths } from "../canvas/path-highlight";
import { isTyping } from "../dom/is-typing";
import { noPathMessage, type PathChain, pageLine, pathChains } from "./path-chain";
import { createPathPanel, type PathRequest } from "./path-panel";

/** Paths one page lists at most. */
export const PATH_PAGE = 10;

export interface PathsQuery {
  from: string;
  to: string;
  mode: PathMode;
  direction: PathDirection;
  maxHops: number;
  limit: number;
  offset: number;
}

export interface PathFinderDeps {
  cy: Core;
  /** Where the panel goes (over the canvas). */
  host: HTMLElement;
  getPaths(query: PathsQuery): Promise<PathsResult>;
  caption(id: string): string;
  /** Adds the paths' nodes and relationships to the canvas through the history (a checkpoint first). */
  add(graph: Graph, near: string, label: string): void;
  selectEdge(id: string): void;
  /** Fits these nodes and relationships into the part of the canvas the panels leave visible. */
  fitPath(ids: readonly string[]): void;
  sourceNames(ids: readonly string[]): Promise<string[]>;
  tell(message: string): void;
  /** Clears the status line when it still says this (the paths panel closed). */
  untell(message: string): void;
  fail(doing: string, error: unknown): void;
}

export interface PathFinder {
  readonly panel: HTMLElement;
  /** "Find paths to…": the next node clicked becomes the other end. */
  pickTargetFrom(id: string): void;
  close(): void;
}

/**
 * Paths between two nodes: chosen by selecting two (Shift+click) or from the node menu, found
 * by the server, added to the canvas, highlighted with the rest faded, and listed with their evidence.
 */
export function createPathFinder(deps: PathFinderDeps): PathFinder {
  const { cy } = deps;
  let picking = false;
  let run = 0;
  /** Selected nodes in the order they were selected: the first is where paths start. */
  let order: string[] = [];
  /** The page on show, to highlight another of its paths. */
  let shown: {
    chains: PathChain[];
    summary: string;
    offset: number;
    previous: number | null;
    next: number | null;
  } | null = null;
  /** What the paths last put on the status line, cleared with the panel. */
  let told = "";

  const tell = (message: string) => {
    told = message;
    deps.tell(message);
  };

  const close = () => {
    run += 1;
    picking = false;
    shown = null;
    clearPaths(cy);
    panel.hide();
    if (told !== "") deps.untell(told);
    told = "";
  };

  /** Highlights the chosen path alone (the rest of the page is listed, not drawn out) and fits it into view. */
  const choose = (index: number) => {
    if (!shown) return;
    const chain = shown.chains[index];
    if (!chain) return;
    highlightPaths(cy, chain.nodeIds, chain.edgeIds);
    // The list first: the fit measures the panel as it will stand.
    panel.showPaths(shown.chains, shown.summary, shown, index);
    deps.fitPath([...chain.nodeIds, ...chain.edgeIds]);
  };

  const find = async (request: PathRequest) => {
    run += 1;
    const mine = run;
    const from = deps.caption(request.from);
    const to = deps.caption(request.to);
    panel.busy(true);
    try {
      const result = await deps.getPaths({ ...request, limit: PATH_PAGE });
      if (mine !== run) return;
      const chains = pathChains(result);
      if (chains.length === 0) {
        clearPaths(cy);
        shown = null;
        const message =
          result.total > 0 ? `No more paths after ${result.total}` : noPathMessage(from, to, request.maxHops);
        panel.showMessage(message);
        tell(message);
        return;
      }
      deps.add(result.graph, request.from, `Paths: ${from} → ${to}`);
      const kind = request.mode === "shortest" ? "shortest path" : "path";
      const range = pageLine(
        { offset: result.offset, shown: chains.length, total: result.total, cap: result.cap },
        kind,
      );
      const way = request.direction === "directed" ? "along the arrows" : "either way";
      const summary = `${range} from ${from} to ${to} within ${request.maxHops} hops, ${way}; strongest weakest hop first, then shortest`;
      shown = {
        chains,
        summary,
        offset: result.offset,
        previous: result.offset > 0 ? Math.max(0, result.offset - PATH_PAGE) : null,
        next: result.truncated ? result.offset + chains.length : null,
      };
      choose(0);
      tell(`${range} from ${from} to ${to}`);
    } catch (error) {
      if (mine !== run) return;
      panel.showMessage(`Could not find paths: ${error instanceof Error ? error.message : String(error)}`);
      deps.fail(`Finding paths from ${from} to ${to}`, error);
    } finally {
      if (mine === run) panel.busy(false);
    }
  };

  const panel = createPathPanel(deps.host, {
    caption: deps.caption,
    find: (request) => void find(request),
    choose,
    selectEdge: deps.selectEdge,
    sourceNames: deps.sourceNames,
    close,
  });

  cy.on("select", "node", (event) => {
    const id = (event.target as NodeSingular).id();
    order = [...order.filter((other) => other !== id), id];
    queueMicrotask(twoSelected);
  });
  cy.on("unselect", "node", (event) => {
    const id = (event.target as NodeSingular).id();
    order = order.filter((other) => other !== id);
  });
  const twoSelected = () => {
    const selected = cy.nodes(":selected");
    if (selected.length !== 2 || picking) return;
    const [first, second] = order.filter((id) => selected.getElementById(id).nonempty());
    const current = panel.ends();
    if (first && second && (current?.from !== first || current.to !== second)) panel.setEnds(first, second);
  };
  cy.on("tap", "node", (event) => {
    const ends = panel.ends();
    const id = (event.target as NodeSingular).id();
    if (!picking || !ends || id === ends.from) return;
    picking = false;
    panel.setEnds(ends.from, id);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !panel.isOpen() || isTyping(event.target)) return;
    if (document.querySelector("dialog[open]")) return;
    // Handled: the details panel, which closes on an Escape nothing else took, stays open.
    event.preventDefault();
    close();
  });

  return {
    panel: panel.root,
    pickTargetFrom(id) {
      close();
      picking = true;
      panel.setEnds(id, null);
      tell(`Paths from ${deps.caption(id)}: click the node at the other end`);
    },
    close,
  };
}
