import type { Certainty } from "../../../contract/graph-contract";

/** How a relationship's certainty is drawn, and what it means: shared by the stylesheet and the legend. */
export interface CertaintyStyle {
  readonly certainty: Certainty;
  readonly lineStyle: "solid" | "dashed" | "dotted";
  readonly lineColor: string;
  /** SVG dash array that imitates the line style in the legend. */
  readonly dashArray: string;
  readonly meaning: string;
}

export const CERTAINTY_STYLES: readonly CertaintyStyle[] = [
  {
    certainty: "confirmed",
    lineStyle: "solid",
    lineColor: "#566173",
    dashArray: "",
    meaning: "Stated as fact by the source.",
  },
  {
    certainty: "reported",
    lineStyle: "dashed",
    lineColor: "#6b7587",
    dashArray: "6 4",
    meaning: "Attributed to a source (“selon…”, “aurait…”), not confirmed.",
  },
  {
    certainty: "speculative",
    lineStyle: "dotted",
    lineColor: "#808a9a",
    dashArray: "1.5 3.5",
    meaning: "A possibility the source raises (“pourrait…”).",
  },
];

export function isCertainty(value: unknown): value is Certainty {
  return CERTAINTY_STYLES.some((style) => style.certainty === value);
}
