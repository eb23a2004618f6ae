import type { LayoutOptions, NodeSingular } from "cytoscape";
import type { DagreLayoutOptions } from "cytoscape-dagre";
import { type FcoseLayoutOptions, fcoseOptions } from "../layout-options";
import type { Point } from "../place-around";

export const LAYOUT_NAMES = ["fcose", "dagre", "concentric", "circle", "grid"] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

export const LAYOUT_TITLES: Readonly<Record<LayoutName, string>> = {
  fcose: "Force-directed",
  dagre: "Hierarchical",
  concentric: "Concentric by degree",
  circle: "Circle",
  grid: "Grid",
};

export function isLayoutName(value: unknown): value is LayoutName {
  return typeof value === "string" && (LAYOUT_NAMES as readonly string[]).includes(value);
}

/** Nodes the analyst pinned, where they are: every layout leaves them there. */
export type PinnedPositions = ReadonlyMap<string, Point>;

/** fcose with fixed nodes, and tuned down past this many nodes so one pass stays short. */
const DRAFT_FORCE_ABOVE = 300;

/**
 * The options of one layout pass over the whole canvas. The canvas fits the result itself
 * (around its overlays), so none of them fits; pinned nodes become fcose's fixed-node constraints,
 * and the other layouts are put back in place afterwards (see withPinned).
 */
export function layoutOptions(name: LayoutName, nodeCount: number, pinned: PinnedPositions): LayoutOptions {
  switch (name) {
    case "fcose":
      return forceOptions(nodeCount, pinned);
    case "dagre":
      return hierarchicalOptions();
    case "concentric":
      return {
        name: "concentric",
        concentric: (node: NodeSingular) => node.degree(false),
        levelWidth: (nodes) => Math.max(1, nodes.maxDegree(false) / 4),
        minNodeSpacing: 44,
        avoidOverlap: true,
        nodeDimensionsIncludeLabels: true,
        fit: false,
        animate: false,
      };
    case "circle":
      return {
        name: "circle",
        sort: byLabelThenCaption,
        avoidOverlap: true,
        nodeDimensionsIncludeLabels: true,
        spacingFactor: 1.1,
        fit: false,
        animate: false,
      };
    case "grid":
      return {
        name: "grid",
        sort: byLabelThenCaption,
        avoidOverlap: true,
        avoidOverlapPadding: 34,
        nodeDimensionsIncludeLabels: true,
        condense: true,
        fit: false,
        animate: false,
      };
  }
}

function hierarchicalOptions(): DagreLayoutOptions {
  return {
    name: "dagre",
    rankDir: "LR",
    nodeSep: 46,
    rankSep: 170,
    edgeSep: 18,
    nodeDimensionsIncludeLabels: true,
    fit: false,
    animate: false,
  };
}

export interface ForceOptions extends FcoseLayoutOptions {
  fixedNodeConstraint?: Array<{ nodeId: string; position: Point }>;
}

export function forceOptions(nodeCount: number, pinned: PinnedPositions, randomize = true): ForceOptions {
  const base = fcoseOptions({ randomize, animate: false });
  const large = nodeCount > DRAFT_FORCE_ABOVE;
  const options: ForceOptions = { ...base, quality: large ? "default" : "proof", numIter: large ? 1000 : base.numIter };
  if (pinned.size > 0)
    options.fixedNodeConstraint = [...pinned].map(([nodeId, position]) => ({ nodeId, position: { ...position } }));
  return options;
}

/** The layout's positions with every pinned node back where it was pinned. */
export function withPinned(positions: ReadonlyMap<string, Point>, pinned: PinnedPositions): Map<string, Point> {
  const result = new Map(positions);
  for (const [id, position] of pinned) result.set(id, { ...position });
  return result;
}

function byLabelThenCaption(a: NodeSingular, b: NodeSingular): number {
  return (
    String(a.data("label")).localeCompare(String(b.data("label"))) ||
    String(a.data("display")).localeCompare(String(b.data("display")))
  );
}
