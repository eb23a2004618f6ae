import type { Core } from "cytoscape";
import { PATH_EDGE_CLASS, PATH_FADED_CLASS, PATH_NODE_CLASS } from "../look/canvas-classes";

/** Emitted on the core when paths are highlighted or cleared, so other highlights can step aside. */
export const PATHS_EVENT = "pathschange";

export function hasPathHighlight(cy: Core): boolean {
  return cy.elements(`.${PATH_NODE_CLASS}`).nonempty();
}

/** Marks the elements of the paths found and fades everything else; clearPaths undoes it. */
export function highlightPaths(cy: Core, nodeIds: Iterable<string>, edgeIds: Iterable<string>): void {
  cy.batch(() => {
    cy.elements().removeClass(`${PATH_NODE_CLASS} ${PATH_EDGE_CLASS} ${PATH_FADED_CLASS}`);
    let onPaths = cy.collection();
    for (const id of nodeIds) onPaths = onPaths.union(cy.getElementById(id).addClass(PATH_NODE_CLASS));
    for (const id of edgeIds) onPaths = onPaths.union(cy.getElementById(id).addClass(PATH_EDGE_CLASS));
    cy.elements().not(onPaths).addClass(PATH_FADED_CLASS);
  });
  cy.emit(PATHS_EVENT);
}

export function clearPaths(cy: Core): void {
  cy.batch(() => {
    cy.elements(`.${PATH_NODE_CLASS}, .${PATH_EDGE_CLASS}, .${PATH_FADED_CLASS}`).removeClass(
      `${PATH_NODE_CLASS} ${PATH_EDGE_CLASS} ${PATH_FADED_CLASS}`,
    );
  });
  cy.emit(PATHS_EVENT);
}
