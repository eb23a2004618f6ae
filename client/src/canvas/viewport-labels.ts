import type { Core } from "cytoscape";
import { LABELS_OFF_CLASS } from "../look/canvas-classes";
import { LARGE_GRAPH_ELEMENTS } from "./performance-options";

/** Past this many elements, captions are not drawn while the view pans or zooms. */
export const HIDE_LABELS_ABOVE = 400;
/** Captions come back once the view has been still this long. */
const SETTLE_MS = 180;

/**
 * On large graphs, drops every caption while the viewport moves (drawing thousands of texts is
 * what makes panning stutter) and brings them back when it has stopped.
 */
export function hideLabelsWhileMoving(cy: Core): void {
  let settle: ReturnType<typeof setTimeout> | undefined;
  let hidden = false;
  cy.on("viewport", () => {
    // Past LARGE_GRAPH_ELEMENTS the renderer pans a bitmap instead (performance-options.ts), and
    // re-styling that many elements at the start of a gesture would itself stall a frame.
    const count = cy.elements().length;
    if (!hidden && (count <= HIDE_LABELS_ABOVE || count >= LARGE_GRAPH_ELEMENTS)) return;
    if (!hidden) {
      hidden = true;
      cy.batch(() => cy.elements().addClass(LABELS_OFF_CLASS));
    }
    clearTimeout(settle);
    settle = setTimeout(() => {
      hidden = false;
      cy.batch(() => cy.elements(`.${LABELS_OFF_CLASS}`).removeClass(LABELS_OFF_CLASS));
    }, SETTLE_MS);
  });
}
