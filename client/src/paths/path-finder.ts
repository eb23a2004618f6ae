import type { Core, NodeSingular } from "cytoscape";
import type { Graph, PathMode, PathsResult } from "../../../contract/graph-contract";
import { clearPaths, highlightPaths } from "../canvas/path-highlight";
import { isTyping } from "../dom/is-typing";
import { noPathMessage, pathChains } from "./path-chain";
import { createPathPanel, type PathRequest } from "./path-panel";

/** Paths one search lists at most. */
const PATH_LIMIT = 10;

export interface PathsQuery {
  from: string;
  to: string;
  mode: PathMode;
  maxHops: number;
  limit: number;
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
  sourceNames(ids: readonly string[]): Promise<string[]>;
  tell(message: string): void;
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

  const close = () => {
    run += 1;
    picking = false;
    clearPaths(cy);
    panel.hide();
  };

  const find = async (request: PathRequest) => {
    run += 1;
    const mine = run;
    const from = deps.caption(request.from);
    const to = deps.caption(request.to);
    panel.busy(true);
    try {
      const result = await deps.getPaths({ ...request, limit: PATH_LIMIT });
      if (mine !== run) return;
      const chains = pathChains(result);
      if (chains.length === 0) {
        clearPaths(cy);
        const message = noPathMessage(from, to, request.maxHops);
        panel.showMessage(message);
        deps.tell(message);
        return;
      }
      deps.add(result.graph, request.from, `Paths: ${from} → ${to}`);
      highlightPaths(
        cy,
        chains.flatMap((chain) => chain.nodeIds),
        chains.flatMap((chain) => chain.edgeIds),
      );
      const kind = request.mode === "shortest" ? "shortest path" : "path";
      const count = `${chains.length} ${kind}${chains.length === 1 ? "" : "s"}`;
      const more = result.truncated ? ` (the first ${PATH_LIMIT}; there are more)` : "";
      panel.showPaths(chains, `${count} from ${from} to ${to} within ${request.maxHops} hops${more}`);
      deps.tell(`Found ${count} from ${from} to ${to}`);
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
      deps.tell(`Paths from ${deps.caption(id)}: click the node at the other end`);
    },
    close,
  };
}
