import type { Core, SingularElementReturnValue } from "cytoscape";
import type { EdgeData } from "../../../contract/graph-contract";
import type { CanvasNodeData } from "./to-cy-elements";

export type CanvasSelection = { kind: "node"; data: CanvasNodeData } | { kind: "edge"; data: EdgeData };

/**
 * Calls `handler` whenever the single selected element changes (null when nothing is selected),
 * and marks the edges of a selected node with the class `incident`.
 */
export function watchSelection(cy: Core, handler: (selection: CanvasSelection | null) => void): void {
  let selectedId: string | null = null;
  const settle = () => {
    const selected = cy.elements(":selected");
    const current = selected.length === 1 ? selected[0] : undefined;
    const id = current ? current.id() : null;
    if (id === selectedId) return;
    selectedId = id;
    cy.edges(".incident").removeClass("incident");
    if (current?.isNode()) current.connectedEdges().addClass("incident");
    handler(current ? describe(current) : null);
  };
  // Switching selection fires "unselect" then "select": settle once both have run.
  cy.on("select unselect", () => queueMicrotask(settle));
}

function describe(element: SingularElementReturnValue): CanvasSelection {
  const data: unknown = element.data();
  return element.group() === "nodes"
    ? { kind: "node", data: data as CanvasNodeData }
    : { kind: "edge", data: data as EdgeData };
}
