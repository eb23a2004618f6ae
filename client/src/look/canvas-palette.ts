import type { Certainty } from "../../../contract/graph-contract";

export type Theme = "light" | "dark";

/** The colours of the canvas that change with the page's theme (label colours stay: the legend keys on them). */
export interface CanvasPalette {
  /** Node captions, and the caption of a highlighted relationship. */
  ink: string;
  /** Behind captions, so lines under them do not cut through the letters. */
  captionBackground: string;
  edgeCaption: string;
  edgeCaptionBackground: string;
  /** Relationships without a known certainty. */
  edge: string;
  certaintyLines: Readonly<Record<Certainty, string>>;
  speculativeCaption: string;
  /** The relationships of the selected node. */
  incident: string;
  accent: string;
  /** What an expansion just added, for a moment. */
  added: string;
  /** Paths found between two nodes. */
  path: string;
  /** Relationships whose claims disagree: the line, and the "contested" caption on its own background. */
  contested: string;
  contestedBackground: string;
}

export const CANVAS_PALETTES: Readonly<Record<Theme, CanvasPalette>> = {
  light: {
    ink: "#1d2736",
    captionBackground: "#ffffff",
    edgeCaption: "#4a5566",
    edgeCaptionBackground: "#f7f8fa",
    edge: "#848e9e",
    certaintyLines: { confirmed: "#566173", reported: "#6b7587", speculative: "#808a9a" },
    speculativeCaption: "#6b7587",
    incident: "#3e5f8f",
    accent: "#1f5fbf",
    added: "#e39b1b",
    path: "#c2410c",
    contested: "#c0262d",
    contestedBackground: "#fdecec",
  },
  dark: {
    ink: "#e6ebf2",
    captionBackground: "#161d27",
    edgeCaption: "#b7c1cf",
    edgeCaptionBackground: "#10161e",
    edge: "#7d8899",
    certaintyLines: { confirmed: "#aab4c3", reported: "#8e99aa", speculative: "#6c7789" },
    speculativeCaption: "#9aa5b5",
    incident: "#8fb4ea",
    accent: "#6ea1f0",
    added: "#f0b044",
    path: "#fb923c",
    contested: "#f47a7a",
    contestedBackground: "#3b1d22",
  },
};

/** Relationships without a known certainty (light theme: exports are drawn light). */
export const EDGE_COLOR = CANVAS_PALETTES.light.edge;
