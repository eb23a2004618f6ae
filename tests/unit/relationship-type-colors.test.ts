/**
 * A colour per relationship type from its name: the same every time, spread over the palette, and
 * drawn by the canvas for any type, one nobody has listed anywhere included.
 */
import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { graphStylesheet } from "../../client/src/canvas/graph-stylesheet";
import { toCyElements } from "../../client/src/canvas/to-cy-elements";
import { CANVAS_PALETTES } from "../../client/src/look/canvas-palette";
import { RELATIONSHIP_TYPE_PALETTE, relationshipTypeColor } from "../../client/src/look/relationship-type-colors";
import { PREDICATES } from "../../contract/claims-file";
import type { GraphEdge, GraphNode } from "../../contract/graph-contract";

/** "#2f6fb5" as Cytoscape reports colours, "rgb(47,111,181)". */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(",")})`;

describe("relationshipTypeColor", () => {
  it("gives a name the same palette colour every time, whatever else was asked before", () => {
    const first = PREDICATES.map(relationshipTypeColor);
    relationshipTypeColor("LICENSES_TO");
    expect(PREDICATES.map(relationshipTypeColor)).toEqual(first);
    for (const colour of [...first, relationshipTypeColor("LICENSES_TO")])
      expect(RELATIONSHIP_TYPE_PALETTE).toContain(colour);
  });

  it("spreads the built-in types over most of the palette, and near names apart", () => {
    expect(new Set(PREDICATES.map(relationshipTypeColor)).size).toBeGreaterThanOrEqual(8);
    const near = ["LICENSES_TO", "LICENSES_FROM", "LICENSED_TO", "LICENSE_TO"].map(relationshipTypeColor);
    expect(new Set(near).size).toBeGreaterThanOrEqual(3);
  });

  it("uses none of the canvas' marks for contests, paths and additions", () => {
    const { light, dark } = CANVAS_PALETTES;
    const marks = [light.contested, light.path, light.added, dark.contested, dark.path, dark.added];
    for (const mark of marks) expect(RELATIONSHIP_TYPE_PALETTE).not.toContain(mark);
  });
});

describe("the canvas, for a type no table lists", () => {
  const node = (id: string): GraphNode => ({
    data: { id, elementId: `4:x:${id}`, labels: ["Company"], label: "Company", caption: id, props: { id } },
  });
  const edge = (id: string, type: string, certainty: "confirmed" | "speculative"): GraphEdge => ({
    data: {
      id,
      elementId: `5:x:${id}`,
      source: "acmetron",
      target: "zorblax",
      type,
      caption: type.toLowerCase().replace(/_/g, " "),
      certainty,
      props: { certainty },
    },
  });

  it("draws its arrowhead in the type's colour and its line by certainty, as for a built-in type", () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: graphStylesheet(),
      elements: toCyElements({
        nodes: [node("acmetron"), node("zorblax")],
        edges: [edge("new", "LICENSES_TO", "speculative"), edge("old", "SOURCES_FROM", "confirmed")],
      }),
    });
    const added = cy.getElementById("new");
    expect(added.style("target-arrow-color")).toBe(rgb(relationshipTypeColor("LICENSES_TO")));
    expect(added.style("line-style")).toBe("dotted");
    expect(added.style("line-color")).toBe(rgb(CANVAS_PALETTES.light.certaintyLines.speculative));
    expect(added.style("label")).toBe("licenses to");
    const builtIn = cy.getElementById("old");
    expect(builtIn.style("target-arrow-color")).toBe(rgb(relationshipTypeColor("SOURCES_FROM")));
    expect(builtIn.style("line-style")).toBe("solid");
    cy.destroy();
  });
});
