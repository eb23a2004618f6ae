import cytoscape from "cytoscape";
import { addElements } from "../../client/src/canvas/add-elements";
import type { ExplorerCanvas } from "../../client/src/explorer/command";
import { createExplorer } from "../../client/src/explorer/create-explorer";

/**
 * An explorer on a Cytoscape without a screen, for commands' unit tests: what the camera was asked
 * to centre on and to fit is recorded rather than done.
 */
export function headlessExplorer() {
  const cy = cytoscape({ headless: true });
  const centred: string[] = [];
  const fitted: string[][] = [];
  const canvas: ExplorerCanvas = {
    cy,
    addGraph: (part, placement) => addElements(cy, part, placement),
    has: (id) => cy.getElementById(id).nonempty(),
    nodeCaption: (id) => (cy.getElementById(id).nonempty() ? id : undefined),
    clear: () => cy.elements().remove(),
    select: (id) => {
      cy.elements(":selected").unselect();
      cy.getElementById(id).select();
    },
    centreOn: (id) => centred.push(id),
    fitAll: () => {},
    fitElements: (ids) => fitted.push([...ids].sort()),
    counts: () => ({ nodes: cy.nodes().length, edges: cy.edges().length, byLabel: new Map<string, number>() }),
    runLayout: async () => {},
  };
  const said: string[] = [];
  const room = createExplorer({ canvas, changed: () => {}, tell: (message) => said.push(message) });
  const ids = () =>
    cy
      .elements()
      .map((element) => element.id())
      .sort();
  return { cy, room, said, centred, fitted, ids };
}
