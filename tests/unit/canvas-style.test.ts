import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { graphStylesheet } from "../../client/src/canvas/graph-stylesheet";
import { toCyElements } from "../../client/src/canvas/to-cy-elements";
import type { GraphEdge, GraphNode } from "../../contract/graph-contract";

const node = (id: string, label: string, name: string): GraphNode => ({
  data: { id, elementId: `4:x:${id}`, labels: [label], label, caption: name, props: { id, name } },
});
const edge = (
  id: string,
  source: string,
  target: string,
  certainty?: "confirmed" | "reported" | "speculative",
): GraphEdge => ({
  data: {
    id,
    elementId: `5:x:${id}`,
    source,
    target,
    type: "SOURCES_FROM",
    caption: "sources from",
    ...(certainty ? { certainty } : {}),
    props: certainty ? { certainty } : {},
  },
});

/** Headless Cytoscape with the app's own stylesheet: what an analyst would see, computed without a screen. */
function draw(nodes: GraphNode[], edges: GraphEdge[]) {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: graphStylesheet(),
    elements: toCyElements({ nodes, edges }),
  });
}

describe("the canvas stylesheet", () => {
  const nodes = [
    node("bytedance", "Company", "ByteDance"),
    node("ascend-910b", "Chip", "Ascend 910B"),
    node("odd", "Mystery", "Odd"),
  ];
  const cy = draw(nodes, [
    edge("c", "bytedance", "ascend-910b", "confirmed"),
    edge("r", "bytedance", "ascend-910b", "reported"),
    edge("s", "bytedance", "ascend-910b", "speculative"),
    edge("u", "bytedance", "odd"),
  ]);

  it("draws confirmed relationships solid, reported dashed and speculative dotted", () => {
    expect(cy.getElementById("c").style("line-style")).toBe("solid");
    expect(cy.getElementById("r").style("line-style")).toBe("dashed");
    expect(cy.getElementById("s").style("line-style")).toBe("dotted");
  });

  it("gives each label its own colour and shape, and unknown labels a neutral default", () => {
    const company = cy.getElementById("bytedance");
    const chip = cy.getElementById("ascend-910b");
    const unknown = cy.getElementById("odd");
    expect(company.style("shape")).not.toBe(chip.style("shape"));
    expect(company.style("background-color")).not.toBe(chip.style("background-color"));
    expect(unknown.style("background-color")).toBeTruthy();
  });

  it("captions nodes with their names and edges with the relationship in words", () => {
    expect(cy.getElementById("ascend-910b").style("label")).toBe("Ascend 910B");
    expect(cy.getElementById("r").style("label")).toBe("sources from");
  });

  it("tags elements with classes derived from their label, type and certainty", () => {
    expect(cy.getElementById("r").classes()).toEqual(
      expect.arrayContaining(["rel-sources-from", "certainty-reported"]),
    );
    expect(
      cy
        .getElementById("u")
        .classes()
        .some((name) => name.startsWith("certainty-")),
    ).toBe(false);
  });
});
