import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { claimsStylesheet } from "../../client/src/canvas/claims-stylesheet";
import { graphStylesheet } from "../../client/src/canvas/graph-stylesheet";
import { toCyElements } from "../../client/src/canvas/to-cy-elements";
import { CANVAS_PALETTES } from "../../client/src/look/canvas-palette";
import {
  CONTESTED_MARK,
  claimClasses,
  edgeClaimSummary,
  relationshipClaimsId,
  SOURCE_WIDTHS,
} from "../../client/src/look/edge-claims";
import type { ClaimSummary, GraphEdge, GraphNode } from "../../contract/graph-contract";

const summary = (overrides: Partial<ClaimSummary> = {}): ClaimSummary => ({
  sources: ["reuters"],
  evidence: "ByteDance s'approvisionne en puces auprès de Huawei",
  evidence_en: "ByteDance sources chips from Huawei",
  certainty: "reported",
  asOf: "2024",
  independentSources: 1,
  claimCount: 1,
  firstReported: "2024",
  lastReported: "2024",
  contested: false,
  ...overrides,
});

/** Cytoscape's computed colour for a palette's hex. */
const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)).join(",")})`;

const node = (id: string): GraphNode => ({
  data: { id, elementId: `4:x:${id}`, labels: ["Company"], label: "Company", caption: id, props: { id, name: id } },
});
const edge = (id: string, props: Record<string, unknown>): GraphEdge => ({
  data: {
    id: `5:x:${id}`,
    elementId: `5:x:${id}`,
    source: "a",
    target: "b",
    type: "SOURCES_FROM",
    caption: "sources from",
    certainty: "reported",
    props: { id, ...props } as GraphEdge["data"]["props"],
  },
});

describe("claim summary to style classes", () => {
  it("reads the summary a relationship built from claims carries, and nothing from one without", () => {
    expect(edgeClaimSummary({ props: { ...summary({ independentSources: 2 }) } })?.independentSources).toBe(2);
    expect(edgeClaimSummary({ props: { certainty: "reported", sources: ["reuters"] } })).toBeUndefined();
    expect(relationshipClaimsId({ props: { id: "rel-1" } })).toBe("rel-1");
    expect(relationshipClaimsId({ props: {} })).toBeUndefined();
  });

  it("marks 2 independent sources as corroborated, 3 and more as widest, and contested claims", () => {
    expect(claimClasses(undefined)).toEqual([]);
    expect(claimClasses(summary())).toEqual([]);
    expect(claimClasses(summary({ independentSources: 2 }))).toEqual(["corroborated", "sources-2"]);
    expect(claimClasses(summary({ independentSources: 5 }))).toEqual(["corroborated", "sources-3-plus"]);
    expect(claimClasses(summary({ contested: true }))).toEqual(["contested"]);
    expect(claimClasses(summary({ independentSources: 3, contested: true }))).toEqual([
      "corroborated",
      "sources-3-plus",
      "contested",
    ]);
  });
});

describe("the claims stylesheet", () => {
  const draw = (theme: "light" | "dark") => {
    const palette = CANVAS_PALETTES[theme];
    return cytoscape({
      headless: true,
      styleEnabled: true,
      style: [...graphStylesheet(undefined, undefined, palette), ...claimsStylesheet(palette)],
      elements: toCyElements({
        nodes: [node("a"), node("b")],
        edges: [
          edge("one", summary()),
          edge("two", summary({ independentSources: 2 })),
          edge("three", summary({ independentSources: 3 })),
          edge("contested", summary({ contested: true })),
          edge("plain", { certainty: "reported" }),
        ],
      }),
    });
  };

  it("widens a relationship with the number of its independent sources", () => {
    const cy = draw("light");
    const width = (id: string) => Number.parseFloat(cy.getElementById(`5:x:${id}`).style("width"));
    expect(width("one")).toBeCloseTo(SOURCE_WIDTHS.one);
    expect(width("plain")).toBeCloseTo(SOURCE_WIDTHS.one);
    expect(width("two")).toBeCloseTo(SOURCE_WIDTHS.two);
    expect(width("three")).toBeCloseTo(SOURCE_WIDTHS.threePlus);
  });

  it.each(["light", "dark"] as const)(
    "draws a contested relationship in the %s theme's warning colour, captioned contested, keeping its dashes",
    (theme) => {
      const cy = draw(theme);
      const contested = cy.getElementById("5:x:contested");
      const calm = cy.getElementById("5:x:one");
      expect(contested.style("line-color")).toBe(rgb(CANVAS_PALETTES[theme].contested));
      expect(calm.style("line-color")).not.toBe(rgb(CANVAS_PALETTES[theme].contested));
      expect(contested.style("label")).toBe(`sources from  ${CONTESTED_MARK}`);
      expect(calm.style("label")).toBe("sources from");
      expect(contested.style("line-style")).toBe("dashed");
    },
  );

  it("lets the selection's colour win over the contested colour", () => {
    const cy = draw("light");
    const contested = cy.getElementById("5:x:contested");
    contested.select();
    expect(contested.style("line-color")).toBe(rgb(CANVAS_PALETTES.light.accent));
  });
});
