import type { BaseLayoutOptions } from "cytoscape";

/** The options of cytoscape-fcose that this app sets (the extension ships no types). */
export interface FcoseLayoutOptions extends BaseLayoutOptions {
  name: "fcose";
  quality: "draft" | "default" | "proof";
  randomize: boolean;
  animate: boolean;
  animationDuration: number;
  fit: boolean;
  padding: number;
  nodeDimensionsIncludeLabels: boolean;
  packComponents: boolean;
  nodeSeparation: number;
  nodeRepulsion: (node: unknown) => number;
  idealEdgeLength: (edge: { data(key: string): unknown }) => number;
  edgeElasticity: (edge: unknown) => number;
  gravity: number;
  gravityRange: number;
  numIter: number;
  tile: boolean;
  tilingPaddingVertical: number;
  tilingPaddingHorizontal: number;
}

export interface LayoutRequest {
  /** Start from random positions (first load, "Re-layout") rather than the current ones. */
  randomize: boolean;
  animate: boolean;
}

/**
 * fcose tuned for a few dozen captioned nodes: node captions count in node sizes, and edges grow
 * with their caption's length so that it fits between the ends. The values were picked by scoring
 * the seed graph at 1440x900 (fit zoom against overlapping captions, see layout-score.ts).
 */
export function fcoseOptions({ randomize, animate }: LayoutRequest): FcoseLayoutOptions {
  return {
    name: "fcose",
    quality: "proof",
    randomize,
    animate,
    animationDuration: 550,
    // The canvas fits the result itself, around the overlays.
    fit: false,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    packComponents: true,
    nodeSeparation: 100,
    nodeRepulsion: () => 15000,
    idealEdgeLength: (edge) => {
      const caption = edge.data("caption");
      return 90 + 6 * (typeof caption === "string" ? caption.length : 8);
    },
    edgeElasticity: () => 0.4,
    gravity: 0.4,
    gravityRange: 3.8,
    numIter: 5000,
    tile: true,
    tilingPaddingVertical: 40,
    tilingPaddingHorizontal: 40,
  };
}
