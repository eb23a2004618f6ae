import type { Core, EventObject, SingularElementReturnValue } from "cytoscape";
import { FILTERED_CLASS } from "../look/canvas-classes";

/**
 * Tells the overview map whether its picture of the graph is out of date. The picture shows where
 * the nodes are, their labels (as colours) and what a filter took off, nothing else: a class change
 * that is not the filter's (highlights, captions giving way, relationships hidden while a layout
 * lands and drawn back after it, the steps of a big graph's first paint) leaves it as it is.
 */
export interface PictureWatch {
  /** Whether the graph changed in a way the picture shows since `drawn` was last called. */
  readonly stale: boolean;
  /** The picture was just drawn from the graph as it is now. */
  drawn(): void;
}

/** Watches `cy`; `changed` is called on every change that makes the picture stale. */
export function watchPicture(cy: Core, changed: () => void): PictureWatch {
  let stale = true;
  // What the picture was drawn with: which elements were filtered out, and each node's label.
  let filtered = new Set<string>();
  let labels = new Map<string, string>();
  const outdated = () => {
    stale = true;
    changed();
  };
  cy.on("add remove position", outdated);
  // Class changes come one event per element that changed: only a change of its filtered state
  // matters, checked against what was drawn (cheap, and exact however many classes change).
  cy.on("class", (event: EventObject) => {
    if (stale) return;
    const element = event.target as SingularElementReturnValue;
    if (element.hasClass(FILTERED_CLASS) !== filtered.has(element.id())) outdated();
  });
  cy.on("data", "node", (event: EventObject) => {
    if (stale) return;
    const node = event.target as SingularElementReturnValue;
    if (String(node.data("label")) !== labels.get(node.id())) outdated();
  });
  return {
    get stale() {
      return stale;
    },
    drawn() {
      stale = false;
      filtered = new Set(cy.elements(`.${FILTERED_CLASS}`).map((element) => element.id()));
      labels = new Map(cy.nodes().map((node) => [node.id(), String(node.data("label"))]));
    },
  };
}
