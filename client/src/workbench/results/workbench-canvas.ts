import type { Graph } from "../../../../contract/graph-contract";
import type { Canvas } from "../../canvas/create-canvas";
import type { Apply } from "../../explorer/command";
import type { ResultMode } from "../../explorer/draw-result-graph";
import { drawResult } from "../../explorer/view-commands";
import type { QueryTrail } from "../../export/query-trail";
import type { Legend } from "../../panels/legend/legend";
import type { WorkbenchDeps } from "../workbench";

export interface WorkbenchCanvasDeps {
  apply: Apply;
  canvas: Pick<Canvas, "cy" | "counts" | "has" | "select" | "centreOn" | "fitAll">;
  trail: QueryTrail;
  /** Folded while the drawer is open, as it was once it closes. */
  legend: Pick<Legend, "foldFor">;
  tell(message: string): void;
  /** After the drawing and its layout: counts and legend. */
  refresh(): void;
}

/** What the workbench does to the canvas: draw a result (one undo step), focus a node, make room for the drawer. */
export function workbenchCanvas(
  deps: WorkbenchCanvasDeps,
): Pick<WorkbenchDeps, "showGraph" | "focusNode" | "onToggle"> {
  const { canvas } = deps;
  return {
    showGraph: async (graph: Graph, mode: ResultMode, run) => {
      // Merging into an empty canvas draws the result alone, as replacing does.
      const drawn = canvas.counts().nodes === 0 ? "replace" : mode;
      let note: Promise<string> = Promise.resolve("nothing to draw");
      deps.apply(
        drawResult(graph, mode, (drawing) => {
          note = drawing;
        }),
      );
      try {
        const words = await note;
        if (graph.nodes.length > 0) {
          deps.trail.drew(run, drawn);
          deps.tell(`Query result: ${words}`);
        }
        return words;
      } finally {
        deps.refresh();
      }
    },
    focusNode: (id) => {
      if (!canvas.has(id)) return deps.tell("That node is not on the canvas any more: run the query again to draw it");
      canvas.select(id);
      canvas.centreOn(id);
    },
    // The canvas shrank or grew with the drawer: fold the legend meanwhile, show the whole graph in what is left.
    onToggle: (open) => {
      deps.legend.foldFor("workbench", open);
      canvas.cy.resize();
      canvas.fitAll();
    },
  };
}
