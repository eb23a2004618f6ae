import type { Canvas } from "../../canvas/create-canvas";
import { FILTERED_CLASS } from "../../look/canvas-classes";

/** "12 of 40 nodes · 30 relationships": what is shown of what is drawn (filters hide without removing). */
export function canvasCounts(canvas: Pick<Canvas, "cy" | "counts">): string {
  const current = canvas.counts();
  const shown = canvas.cy.elements().not(`.${FILTERED_CLASS}`);
  const ofTotal = (visible: number, total: number) =>
    visible === total ? "" : `${visible.toLocaleString("en-US")} of `;
  return (
    `${ofTotal(shown.nodes().length, current.nodes)}${plural(current.nodes, "node")} · ` +
    `${ofTotal(shown.edges().length, current.edges)}${plural(current.edges, "relationship")}`
  );
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
}
