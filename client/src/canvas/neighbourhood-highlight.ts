import type { Core } from "cytoscape";
import { FADED_CLASS } from "../look/canvas-classes";
import { hasPathHighlight, PATHS_EVENT } from "./path-highlight";

/**
 * Keeps the selected nodes' neighbourhood (the nodes, their relationships and the nodes at their
 * other ends) at full strength and fades the rest; nothing is faded when no node is selected, nor
 * while found paths are highlighted (they fade the rest themselves).
 */
export function highlightNeighbourhood(cy: Core): void {
  let queued = false;
  const apply = () => {
    queued = false;
    const selected = cy.nodes(":selected");
    cy.batch(() => {
      cy.elements(`.${FADED_CLASS}`).removeClass(FADED_CLASS);
      if (selected.empty() || hasPathHighlight(cy)) return;
      cy.elements().not(selected.closedNeighborhood()).addClass(FADED_CLASS);
    });
  };
  // Selection changes come in pairs (unselect, select) and expansions add many elements: apply once.
  const schedule = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(apply);
  };
  cy.on(`select unselect add remove ${PATHS_EVENT}`, schedule);
}
