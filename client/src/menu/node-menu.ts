import type { Core, NodeSingular } from "cytoscape";
import type { Expansions } from "../../../contract/graph-contract";
import { isTyping } from "../dom/is-typing";
import { type DrawnNeighbours, expansionEntries, newNote } from "../expand/expansion-entries";
import type { ExpansionFilter } from "../expand/node-expander";
import { collapse, collapsible, focus, hide, togglePin } from "../explorer/canvas-commands";
import type { Apply, Explorer } from "../explorer/command";
import type { ContextMenu, MenuItem, MenuSection } from "./context-menu";

/** What the menu offers beside expansion (the explorer's actions, paths). */
export interface NodeMenuActions {
  hide(ids: string[]): void;
  focus(ids: string[]): void;
  togglePin(id: string): void;
  isPinned(id: string): boolean;
  canCollapse(id: string): boolean;
  collapse(id: string): void;
  findPathsFrom(id: string): void;
}

export interface NodeMenuDeps {
  cy: Core;
  menu: ContextMenu;
  getExpansions(id: string): Promise<Expansions>;
  expand(id: string, filter?: ExpansionFilter, count?: number): void;
  actions: NodeMenuActions;
}

/**
 * Opens the node menu on right-click, and on the context-menu key or Shift+F10 for the selected
 * node: expansions by type and direction with their counts (fetched as it opens), then the actions.
 */
export function attachNodeMenu(deps: NodeMenuDeps): { openFor(id: string): void } {
  const { cy, menu, actions } = deps;

  const openAt = (node: NodeSingular, at: { x: number; y: number }) => {
    const id = node.id();
    const title = String(node.data("display") ?? id);
    const expansions: Promise<readonly MenuItem[]> = deps
      .getExpansions(id)
      .then((found) => expansionItems(found, deps, drawnNeighbours(cy, id)));
    const sections: MenuSection[] = [
      { heading: "Expand", items: expansions, empty: "No relationships" },
      { items: actionItems(id, actions) },
    ];
    node.addClass("menu-target");
    menu.open(at, title, sections, () => node.removeClass("menu-target"));
  };

  const openFor = (id: string) => {
    const node = cy.getElementById(id);
    if (node.empty() || !node.isNode()) return;
    const box = cy.container()?.getBoundingClientRect();
    const point = node.renderedPosition();
    openAt(node, { x: (box?.left ?? 0) + point.x + 12, y: (box?.top ?? 0) + point.y + 12 });
  };

  cy.on("cxttap", "node", (event) => {
    const original = event.originalEvent as MouseEvent | undefined;
    const node = event.target as NodeSingular;
    if (original) openAt(node, { x: original.clientX, y: original.clientY });
    else openFor(node.id());
  });
  // The canvas moved under the menu: it no longer points at its node.
  cy.on("viewport", () => menu.close());

  document.addEventListener("keydown", (event) => {
    const wanted = event.key === "ContextMenu" || (event.key === "F10" && event.shiftKey);
    if (!wanted || isTyping(event.target)) return;
    const selected = cy.nodes(":selected");
    if (selected.length !== 1) return;
    event.preventDefault();
    openFor(selected.first().id());
  });
  return { openFor };
}

/**
 * Neighbours of `id` already on the canvas: by relationship type and direction (distinct nodes), and
 * in all (type "*"). Counted from the relationships drawn: the counts the menu shows are the server's.
 */
export function drawnNeighbours(cy: Core, id: string): DrawnNeighbours {
  const node = cy.getElementById(id);
  return (type, direction) => {
    if (node.empty()) return 0;
    const edges =
      type === ALL_TYPES
        ? node.connectedEdges()
        : (direction === "out" ? node.outgoers("edge") : node.incomers("edge")).filter(
            (edge) => edge.data("type") === type,
          );
    const others = new Set<string>();
    for (const edge of edges) {
      const other = edge.source().id() === id ? edge.target().id() : edge.source().id();
      if (other !== id) others.add(other);
    }
    return others.size;
  };
}

/** The "type" drawnNeighbours takes for every neighbour, whatever the relationship. */
const ALL_TYPES = "*";

export function expansionItems(
  expansions: Expansions,
  deps: Pick<NodeMenuDeps, "expand">,
  drawn: DrawnNeighbours = () => 0,
): MenuItem[] {
  const { nodeId, neighbourCount } = expansions;
  const entries = expansionEntries(expansions, drawn);
  const items: MenuItem[] = entries.map((entry) => ({
    text: entry.text,
    testId: "menu-expand-type",
    data: { type: entry.type, direction: entry.direction, count: String(entry.count) },
    run: () => deps.expand(nodeId, { type: entry.type, direction: entry.direction }, entry.count),
  }));
  if (neighbourCount > 0)
    items.push({
      text: "Expand all",
      hint: `${neighbourCount.toLocaleString("en-US")}${newNote(neighbourCount, drawn(ALL_TYPES, "out"))}`,
      testId: "menu-expand-all",
      run: () => deps.expand(nodeId, undefined, neighbourCount),
    });
  return items;
}

function actionItems(id: string, actions: NodeMenuActions): MenuItem[] {
  const items: MenuItem[] = [
    { text: "Hide", hint: "Del", testId: "menu-hide", run: () => actions.hide([id]) },
    { text: "Hide others", testId: "menu-hide-others", run: () => actions.focus([id]) },
    {
      text: actions.isPinned(id) ? "Unpin" : "Pin",
      testId: "menu-pin",
      run: () => actions.togglePin(id),
    },
  ];
  if (actions.canCollapse(id))
    items.push({ text: "Collapse", hint: "what it added", testId: "menu-collapse", run: () => actions.collapse(id) });
  items.push({ text: "Find paths to…", testId: "menu-find-paths", run: () => actions.findPathsFrom(id) });
  return items;
}

/** The node menu's actions beside expansion: the explorer's commands, and paths from the node. */
export function menuActions(explorer: Explorer, apply: Apply, findPathsFrom: (id: string) => void): NodeMenuActions {
  return {
    hide: (ids) => apply(hide(ids)),
    focus: (ids) => apply(focus(ids)),
    togglePin: (id) => apply(togglePin(id)),
    isPinned: (id) => explorer.state.isPinned(id),
    canCollapse: (id) => collapsible(explorer, id).length > 0,
    collapse: (id) => apply(collapse(id)),
    findPathsFrom,
  };
}
