import type { Collection, Core, ElementDefinition, NodeSingular } from "cytoscape";
import { lastingClasses } from "./canvas-snapshot";
import { collapseSet } from "./collapse-set";
import type { ViewHistory } from "./view-history";

/** Marks a node that layouts leave where it is; the layouts read this class. */
export const PINNED_CLASS = "pinned";

/** What the explorer remembers beside the canvas, kept in each history step. */
export interface ExplorerMemory {
  /** Elements hidden from the view, as they were drawn, so "Unhide all" can put them back. */
  readonly hidden: readonly ElementDefinition[];
  /** What each expansion added, by the node it started from. */
  readonly expansions: ReadonlyArray<readonly [string, readonly string[]]>;
}

export interface ExplorerActions {
  /** Takes nodes and relationships out of the view (never out of Neo4j); a node takes its relationships along. */
  hide(ids: readonly string[]): void;
  /** Hides everything but these elements (and the relationships among the nodes kept). */
  focus(ids: readonly string[]): void;
  unhideAll(): void;
  hiddenCount(): number;
  togglePin(id: string): void;
  isPinned(id: string): boolean;
  /** Removes what the expansions of this node added that nothing else keeps. */
  collapse(id: string): void;
  canCollapse(id: string): boolean;
  /** Notes the nodes an expansion of `origin` added, for collapse. */
  recordExpansion(origin: string, nodeIds: readonly string[]): void;
  /** Ids of hidden relationships whose two ends are both drawn. */
  hiddenEdgesBetweenShown(): string[];
  memory(): ExplorerMemory;
  recall(memory: ExplorerMemory): void;
}

export interface ExplorerDeps {
  cy: Core;
  history: ViewHistory;
  /** Says what happened on the status line. */
  tell(message: string): void;
  /** After the canvas changed: counts, filters, the query trail. */
  changed(): void;
}

const UNDO_HINT = " · Ctrl+Z to undo";

export function createExplorerActions({ cy, history, tell, changed }: ExplorerDeps): ExplorerActions {
  let hidden = new Map<string, ElementDefinition>();
  let expansions = new Map<string, string[]>();
  const node = (id: string) => cy.getElementById(id);
  const pick = (ids: readonly string[]) => ids.reduce((chosen, id) => chosen.union(node(id)), cy.collection());
  const caption = (id: string) => String(node(id).data("display") ?? id);
  const isPinned = (id: string) => node(id).hasClass(PINNED_CLASS);
  const collapsible = (id: string) => collapseSet(id, expansions, (other) => node(other).nonempty(), isPinned);

  // What comes back by an expansion or a query is no longer hidden.
  cy.on("add", (event) => {
    hidden.delete(event.target.id());
  });

  const takeOut = (elements: Collection) => {
    for (const element of elements.toArray()) {
      hidden.set(element.id(), {
        group: element.isNode() ? "nodes" : "edges",
        data: structuredClone(element.data()),
        ...(element.isNode() ? { position: { ...element.position() } } : {}),
        classes: lastingClasses(element.classes()),
      });
    }
    elements.unselect();
    elements.remove();
  };

  const hide = (ids: readonly string[], label: string) => {
    const chosen = pick(ids);
    if (chosen.empty()) return;
    history.checkpoint(label);
    const nodes = chosen.nodes();
    const edges = chosen.edges().union(nodes.connectedEdges());
    takeOut(edges.union(nodes));
    changed();
    tell(`Hid ${describeCount(nodes.length, chosen.edges().length)}${UNDO_HINT}`);
  };

  cy.on("grab", "node", (event) => {
    const grabbed = event.target as NodeSingular;
    const start = { ...grabbed.position() };
    grabbed.one("free", () => {
      const end = { ...grabbed.position() };
      if (Math.hypot(end.x - start.x, end.y - start.y) < 1) return;
      // The step must hold the node where it was grabbed: put it back for the snapshot, then where it was dropped.
      grabbed.position(start);
      history.checkpoint(`Move ${caption(grabbed.id())}`);
      grabbed.position(end);
      grabbed.addClass(PINNED_CLASS);
    });
  });

  return {
    hide: (ids) => hide(ids, ids.length === 1 ? `Hide ${caption(ids[0] ?? "")}` : `Hide ${ids.length} elements`),
    focus: (ids) => {
      const kept = pick(ids);
      if (kept.empty()) return;
      const keptNodes = kept.nodes().union(kept.edges().connectedNodes());
      const keep = kept.union(keptNodes).union(keptNodes.edgesWith(keptNodes));
      const others = cy.elements().difference(keep);
      if (others.empty()) return;
      history.checkpoint(keptNodes.length === 1 ? `Focus on ${caption(keptNodes.id())}` : "Focus");
      const hiddenNodes = others.nodes().length;
      takeOut(others);
      changed();
      tell(`Focus: hid ${plural(hiddenNodes, "other node")}${UNDO_HINT}`);
    },
    unhideAll: () => {
      if (hidden.size === 0) return;
      history.checkpoint("Unhide all");
      const back = [...hidden.values()];
      const nodes = back.filter((element) => element.group === "nodes");
      const edges = back.filter(
        (element) =>
          element.group === "edges" &&
          [element.data.source, element.data.target].every(
            (end) => node(String(end)).nonempty() || hidden.has(String(end)),
          ),
      );
      cy.add([...nodes, ...edges]);
      hidden = new Map();
      changed();
      tell(`Brought back ${describeCount(nodes.length, edges.length)}${UNDO_HINT}`);
    },
    hiddenCount: () => hidden.size,
    togglePin: (id) => {
      const target = node(id);
      if (target.empty() || !target.isNode()) return;
      const pinned = isPinned(id);
      history.checkpoint(`${pinned ? "Unpin" : "Pin"} ${caption(id)}`);
      target.toggleClass(PINNED_CLASS, !pinned);
      tell(pinned ? `${caption(id)} is free to move with layouts` : `${caption(id)} stays in place when laid out`);
    },
    isPinned,
    collapse: (id) => {
      const removed = collapsible(id);
      if (removed.length === 0) return;
      history.checkpoint(`Collapse ${caption(id)}`);
      const nodes = pick(removed);
      nodes.unselect();
      nodes.remove();
      expansions.delete(id);
      changed();
      tell(`Collapsed ${caption(id)}: removed ${plural(removed.length, "node")}${UNDO_HINT}`);
    },
    canCollapse: (id) => collapsible(id).length > 0,
    recordExpansion: (origin, nodeIds) => {
      if (nodeIds.length === 0) return;
      expansions.set(origin, [...(expansions.get(origin) ?? []), ...nodeIds]);
    },
    hiddenEdgesBetweenShown: () =>
      [...hidden.values()]
        .filter(
          (element) =>
            element.group === "edges" &&
            node(String(element.data.source)).nonempty() &&
            node(String(element.data.target)).nonempty(),
        )
        .map((element) => String(element.data.id)),
    memory: () => ({
      hidden: [...hidden.values()],
      expansions: [...expansions].map(([origin, ids]) => [origin, [...ids]] as const),
    }),
    recall: (memory) => {
      hidden = new Map(memory.hidden.map((element) => [String(element.data.id), element]));
      expansions = new Map(memory.expansions.map(([origin, ids]) => [origin, [...ids]]));
    },
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function describeCount(nodes: number, edges: number): string {
  if (nodes === 0) return plural(edges, "relationship");
  return plural(nodes, "node");
}
