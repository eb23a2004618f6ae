import { collapse, collapsible, focus, hide, togglePin } from "../explorer/canvas-commands";
import type { Apply, Explorer } from "../explorer/command";
import type { NodeMenuActions } from "./node-menu";

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
