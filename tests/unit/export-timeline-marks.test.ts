/**
 * The timeline's marks in exported images (issue #20): the legend gets a "Marks" row with one entry
 * per mark the image shows (the change picked, new in the range, denied, no longer holding), drawn as
 * the canvas draws it; the SVG draws a marked relationship's halo under its line, as the PNG does.
 */
import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { createCanvasExport } from "../../client/src/canvas/canvas-export";
import { claimsStylesheet } from "../../client/src/canvas/claims-stylesheet";
import type { SceneEdge } from "../../client/src/canvas/graph-scene";
import { graphStylesheet } from "../../client/src/canvas/graph-stylesheet";
import { toCyElements } from "../../client/src/canvas/to-cy-elements";
import type { FontSpec } from "../../client/src/export/draw-ops";
import { legendRows } from "../../client/src/export/legend-block";
import { legendEntries, MARK_CLASSES } from "../../client/src/export/legend-entries";
import { sceneOps } from "../../client/src/export/scene-ops";
import { CANVAS_PALETTES } from "../../client/src/look/canvas-palette";
import { TIMELINE_CLASSES, TIMELINE_MARK_MEANINGS } from "../../client/src/look/timeline-marks";
import { companyNode as node, orderedEdge } from "../support/graph-fixtures";

const edge = (id: string, source: string, target: string) => orderedEdge(id, source, target, { id });
const measure = (text: string, font: FontSpec) => text.length * font.size * 0.6;

function canvasWithMarks() {
  const palette = CANVAS_PALETTES.light;
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [...graphStylesheet(undefined, undefined, palette), ...claimsStylesheet(palette)],
    elements: toCyElements({
      nodes: ["velmora", "quillon", "rule"].map(node),
      edges: [
        edge("order", "velmora", "quillon"),
        edge("supply", "velmora", "quillon"),
        edge("limit", "rule", "quillon"),
      ],
    }),
  });
  cy.getElementById("order").addClass(TIMELINE_CLASSES.fresh);
  cy.getElementById("supply").addClass(TIMELINE_CLASSES.denied);
  cy.getElementById("velmora").addClass(TIMELINE_CLASSES.change);
  cy.getElementById("quillon").addClass(TIMELINE_CLASSES.change);
  cy.getElementById("limit").addClass(TIMELINE_CLASSES.ended);
  return cy;
}

describe("the timeline's marks in an exported image's legend", () => {
  it("lists each mark shown, once, with how many elements carry it and how the canvas draws it", () => {
    const cy = canvasWithMarks();
    const samples = createCanvasExport(cy).marks(
      "whole",
      MARK_CLASSES.map((mark) => mark.className),
    );
    const legend = legendEntries({ nodes: [], edges: [], truncated: false }, samples);
    expect(legend.marks.map((mark) => [mark.meaning, mark.count])).toEqual([
      [TIMELINE_MARK_MEANINGS.change, 2],
      [TIMELINE_MARK_MEANINGS.fresh, 1],
      [TIMELINE_MARK_MEANINGS.denied, 1],
      [TIMELINE_MARK_MEANINGS.ended, 1],
    ]);
    const [change, fresh, denied, ended] = legend.marks;
    // Halos for the change picked and what is new; faded lines for the denied and the ended.
    expect(change?.halo).not.toBeNull();
    expect(fresh?.halo).not.toBeNull();
    expect(fresh?.halo?.color).not.toBe(change?.halo?.color);
    expect(denied?.halo).toBeNull();
    expect(denied?.opacity).toBeLessThan(0.5);
    expect(ended?.opacity).toBeLessThan(0.5);

    const rows = legendRows(legend, measure, 900);
    const marks = rows.find((row) => row.title === "Marks");
    expect(marks?.items).toHaveLength(4);
    // The halo is drawn under the sample line, in the halo's colour.
    const ops = marks?.items[0]?.draw(0, 10) ?? [];
    const strokes = ops.flatMap((op) => (op.kind === "path" && op.stroke ? [op.stroke] : []));
    expect(strokes.map((stroke) => stroke.color)).toEqual([change?.halo?.color, change?.color]);
    expect(strokes[0]?.width).toBeGreaterThan(strokes[1]?.width ?? 0);
  });

  it("has no marks row when no mark is shown", () => {
    const cy = canvasWithMarks();
    cy.elements().removeClass(Object.values(TIMELINE_CLASSES).join(" "));
    const samples = createCanvasExport(cy).marks(
      "whole",
      MARK_CLASSES.map((mark) => mark.className),
    );
    expect(samples).toEqual([]);
    const rows = legendRows(legendEntries({ nodes: [], edges: [], truncated: false }, samples), measure, 900);
    expect(rows.map((row) => row.title)).not.toContain("Marks");
  });
});

describe("a marked relationship in the SVG", () => {
  const line: SceneEdge = {
    kind: "edge",
    id: "order",
    curve: "straight",
    points: [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
    ],
    width: 3,
    color: "rgb(90,90,90)",
    opacity: 1,
    style: "solid",
    dash: [],
    cap: "butt",
    arrow: null,
    label: null,
  };
  it("draws its halo under the line, as wide as the line and its padding each side", () => {
    const ops = sceneOps(
      { items: [{ ...line, underlay: { color: "rgb(0,160,90)", opacity: 0.45, padding: 5 } }] } as never,
      { width: () => 0, descent: () => 0 },
    );
    const strokes = ops.flatMap((op) => (op.kind === "path" && op.stroke ? [op.stroke] : []));
    expect(strokes.map((stroke) => [stroke.color, stroke.width, stroke.opacity])).toEqual([
      ["rgb(0,160,90)", 13, 0.45],
      ["rgb(90,90,90)", 3, 1],
    ]);
    const plain = sceneOps({ items: [line] } as never, { width: () => 0, descent: () => 0 });
    expect(plain).toHaveLength(1);
  });
});
