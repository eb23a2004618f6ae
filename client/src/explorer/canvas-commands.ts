import type { Collection, Core, NodeSingular } from "cytoscape";
import { isTyping } from "../dom/is-typing";
import { PINNED_CLASS } from "../look/canvas-classes";
import { lastingClasses } from "./canvas-snapshot";
import { collapseSet } from "./collapse-set";
import { type Apply, type Command, type Explorer, plural, UNDO_HINT } from "./command";

/** Commands that take elements out of the view (never out of Neo4j), bring them back, pin and move them. */

const caption = ({ state }: Explorer, id: string) => String(state.cy.getElementById(id).data("display") ?? id);
const pick = (cy: Core, ids: readonly string[]) =>
  ids.reduce((chosen, id) => chosen.union(cy.getElementById(id)), cy.collection());

/** Takes elements off the canvas, keeping them as drawn for "Unhide all". */
function takeOut({ state }: Explorer, elements: Collection): void {
  for (const element of elements.toArray()) {
    state.hidden.set(element.id(), {
      group: element.isNode() ? "nodes" : "edges",
      data: structuredClone(element.data()),
      ...(element.isNode() ? { position: { ...element.position() } } : {}),
      classes: lastingClasses(element.classes()),
    });
  }
  elements.unselect();
  elements.remove();
}

function describeCount(nodes: number, edges: number): string {
  return nodes === 0 ? plural(edges, "relationship") : plural(nodes, "node");
}

/** Hides nodes and relationships; a node takes its relationships along. */
export const hide =
  (ids: readonly string[]): Command =>
  (explorer) => {
    const chosen = pick(explorer.state.cy, ids);
    if (chosen.empty()) return null;
    const nodes = chosen.nodes();
    return {
      step: ids.length === 1 ? `Hide ${caption(explorer, ids[0] ?? "")}` : `Hide ${ids.length} elements`,
      edits: true,
      make: () => {
        takeOut(explorer, chosen.edges().union(nodes.connectedEdges()).union(nodes));
        return `Hid ${describeCount(nodes.length, chosen.edges().length)}${UNDO_HINT}`;
      },
    };
  };

/** Hides everything but these elements (and the relationships among the nodes kept). */
export const focus =
  (ids: readonly string[]): Command =>
  (explorer) => {
    const { cy } = explorer.state;
    const kept = pick(cy, ids);
    if (kept.empty()) return null;
    const keptNodes = kept.nodes().union(kept.edges().connectedNodes());
    const others = cy.elements().difference(kept.union(keptNodes).union(keptNodes.edgesWith(keptNodes)));
    if (others.empty()) return null;
    return {
      step: keptNodes.length === 1 ? `Focus on ${caption(explorer, keptNodes.id())}` : "Focus",
      edits: true,
      make: () => {
        const hiddenNodes = others.nodes().length;
        takeOut(explorer, others);
        return `Focus: hid ${plural(hiddenNodes, "other node")}${UNDO_HINT}`;
      },
    };
  };

/** Brings back every hidden element whose ends are drawn or come back with it. */
export const unhideAll: Command = ({ state }) => {
  if (state.hidden.size === 0) return null;
  return {
    step: "Unhide all",
    edits: true,
    make: () => {
      const back = [...state.hidden.values()];
      const nodes = back.filter((element) => element.group === "nodes");
      const edges = back.filter(
        (element) =>
          element.group === "edges" &&
          [element.data.source, element.data.target].every(
            (end) => state.cy.getElementById(String(end)).nonempty() || state.hidden.has(String(end)),
          ),
      );
      state.cy.add([...nodes, ...edges]);
      state.hidden.clear();
      return `Brought back ${describeCount(nodes.length, edges.length)}${UNDO_HINT}`;
    },
  };
};

/** Pins a node where it is (layouts leave it), or frees it. */
export const togglePin =
  (id: string): Command =>
  (explorer) => {
    const target = explorer.state.cy.getElementById(id);
    if (target.empty() || !target.isNode()) return null;
    const pinned = explorer.state.isPinned(id);
    const name = caption(explorer, id);
    return {
      step: `${pinned ? "Unpin" : "Pin"} ${name}`,
      make: () => {
        target.toggleClass(PINNED_CLASS, !pinned);
        return pinned ? `${name} is free to move with layouts` : `${name} stays in place when laid out`;
      },
    };
  };

/** The nodes collapsing `id` would remove: what its expansions added that nothing else keeps. */
export function collapsible({ state }: Explorer, id: string): string[] {
  return collapseSet(id, state.expansions, (other) => state.cy.getElementById(other).nonempty(), state.isPinned);
}

/** Removes what the expansions of this node added that nothing else keeps. */
export const collapse =
  (id: string): Command =>
  (explorer) => {
    const removed = collapsible(explorer, id);
    if (removed.length === 0) return null;
    const name = caption(explorer, id);
    return {
      step: `Collapse ${name}`,
      edits: true,
      make: () => {
        const nodes = pick(explorer.state.cy, removed);
        nodes.unselect();
        nodes.remove();
        explorer.state.expansions.delete(id);
        return `Collapsed ${name}: removed ${plural(removed.length, "node")}${UNDO_HINT}`;
      },
    };
  };

/** A node dragged to `to` (it is back where it was grabbed): it moves there and stays pinned. */
export const moveNode =
  (id: string, to: { x: number; y: number }): Command =>
  (explorer) => {
    const node = explorer.state.cy.getElementById(id);
    if (node.empty()) return null;
    return {
      step: `Move ${caption(explorer, id)}`,
      make: () => {
        const wasPinned = node.hasClass(PINNED_CLASS);
        node.position(to);
        node.addClass(PINNED_CLASS);
        // Dragging pins: say so once, when it happens (the pin mark stays on the node).
        return wasPinned
          ? null
          : `Moved and pinned ${caption(explorer, id)}: layouts leave it there (right-click → Unpin to free it)`;
      },
    };
  };

/** Dragging a node is a step: `moveNode` from where it was grabbed to where it was dropped. */
export function followDrags(cy: Core, apply: Apply): void {
  cy.on("grab", "node", (event) => {
    const grabbed = event.target as NodeSingular;
    const start = { ...grabbed.position() };
    grabbed.one("free", () => {
      const end = { ...grabbed.position() };
      if (Math.hypot(end.x - start.x, end.y - start.y) < 1) return;
      // The step must hold the node where it was grabbed: put it back for the snapshot, then where it was dropped.
      grabbed.position(start);
      apply(moveNode(grabbed.id(), end));
    });
  });
}

/** Delete or Backspace hides the selection from the view (outside text fields). */
export function bindHideKey(cy: Core, hide: (ids: string[]) => void): void {
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Delete" && event.key !== "Backspace") return;
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const selected = cy.elements(":selected").map((element) => element.id());
    if (selected.length === 0) return;
    event.preventDefault();
    hide(selected);
  });
}
