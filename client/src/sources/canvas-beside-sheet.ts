import type { Core, Position } from "cytoscape";
import type { Legend } from "../panels/legend/legend";

/** What the canvas was showing when the Sources sheet opened. */
interface BeforeSheet {
  zoom: number;
  pan: Position;
  elements: number;
}

/**
 * The canvas while the Sources sheet takes the left of the workspace, as the Cypher drawer does it
 * (workbench-canvas.ts): opening folds the legend (in the column left beside the sheet it would lie
 * over the graph) and fits the whole graph into what is left. Closing unfolds the legend as it was
 * and gives back the view the analyst had; if the graph grew meanwhile (a highlight added its
 * relationship), it fits the whole graph instead, so what was added is in view.
 */
export function canvasBesideSheet(
  cy: Core,
  legend: Pick<Legend, "foldFor">,
  fitAll: () => void,
): (open: boolean) => void {
  let before: BeforeSheet | null = null;
  return (open) => {
    if (open) {
      before = { zoom: cy.zoom(), pan: { ...cy.pan() }, elements: cy.elements().length };
      legend.foldFor("sources", true);
      fitAll();
      return;
    }
    legend.foldFor("sources", false);
    if (!before) return;
    cy.stop(true, false);
    cy.resize();
    if (cy.elements().length === before.elements) cy.viewport({ zoom: before.zoom, pan: before.pan });
    else fitAll();
    before = null;
  };
}
