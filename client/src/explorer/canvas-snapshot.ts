import type { Core, ElementDefinition } from "cytoscape";
import type { Point } from "../canvas/place-around";
import { setEdgeData } from "../canvas/replace-edge-data";
import { FILTERED_CLASS, HIGHLIGHT_CLASSES, JUST_ADDED_CLASS } from "../look/canvas-classes";
import { TIMELINE_CLASS_LIST } from "../look/timeline-marks";

/** Every element drawn, with its data, position and lasting classes (pinned, label and certainty classes). */
export interface CanvasSnapshot {
  readonly elements: readonly ElementDefinition[];
}

/** Classes that follow the moment (a highlight, the selection, a filter), not the view: never put back. */
export const TRANSIENT_CLASSES = new Set([
  JUST_ADDED_CLASS,
  "incident",
  FILTERED_CLASS,
  ...HIGHLIGHT_CLASSES,
  ...TIMELINE_CLASS_LIST,
]);

export function lastingClasses(classes: readonly string[]): string[] {
  return classes.filter((name) => !TRANSIENT_CLASSES.has(name));
}

export function captureCanvas(cy: Core): CanvasSnapshot {
  const elements = cy.elements().map((element): ElementDefinition => {
    const data = structuredClone(element.data()) as ElementDefinition["data"];
    const classes = lastingClasses(element.classes());
    return element.isNode()
      ? { group: "nodes", data, position: { ...element.position() }, classes }
      : { group: "edges", data, classes };
  });
  return { elements };
}

/**
 * Makes the canvas show exactly the snapshot: removes what it lacks, adds what is missing, moves,
 * re-classes and (relationships) re-data what both have. Elements present in both stay the same objects, so a selection survives.
 */
export function restoreCanvas(cy: Core, snapshot: CanvasSnapshot): void {
  const wanted = new Map(snapshot.elements.map((element) => [String(element.data.id), element]));
  const gone = cy.elements().filter((element) => !wanted.has(element.id()));
  gone.filter(":selected").unselect();
  cy.batch(() => {
    gone.remove();
    const missing = snapshot.elements.filter((element) => cy.getElementById(String(element.data.id)).empty());
    // Nodes first: an edge needs both ends on the canvas.
    cy.add([
      ...missing.filter((element) => element.group === "nodes"),
      ...missing.filter((element) => element.group === "edges"),
    ]);
    for (const definition of snapshot.elements) {
      const element = cy.getElementById(String(definition.data.id));
      const transient = element.classes().filter((name) => TRANSIENT_CLASSES.has(name));
      element.classes([...(definition.classes as string[]), ...transient]);
      // A relationship's data changes with the as-of date: put back the summary it had.
      if (element.isEdge()) setEdgeData(element, definition.data);
      if (element.isNode() && definition.position) element.position({ ...(definition.position as Point) });
    }
  });
}
