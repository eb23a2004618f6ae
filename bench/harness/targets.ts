import type { FigureResult, TargetResult } from "./results-schema";

/** One target of issue #8: which measured key it judges, against what, and the likely cause when missed. */
export interface TargetSpec {
  id: string;
  title: string;
  unit: string;
  key: string;
  anchor?: { label: string; key: string };
  judged: "figure" | "ratio";
  op: "<=" | ">=";
  value: number;
  /** Why it is missed when it is, as far as the design knows. */
  cause: string;
}

export interface FigureSpec {
  id: string;
  title: string;
  unit: string;
  key: string;
}

/** Judges every target on the medians; a figure that could not be measured is a miss that says so. */
export function judgeTargets(
  specs: readonly TargetSpec[],
  figures: Readonly<Record<string, number>>,
  skipped: ReadonlyMap<string, string>,
): TargetResult[] {
  return specs.map((spec) => {
    const figure = figures[spec.key] ?? null;
    const anchorFigure = spec.anchor ? (figures[spec.anchor.key] ?? null) : null;
    const ratio = figure !== null && anchorFigure !== null && anchorFigure > 0 ? figure / anchorFigure : null;
    const judgedValue = spec.judged === "figure" ? figure : ratio;
    const met = judgedValue !== null && (spec.op === "<=" ? judgedValue <= spec.value : judgedValue >= spec.value);
    const result: TargetResult = {
      id: spec.id,
      title: spec.title,
      unit: spec.unit,
      figure,
      judged: spec.judged,
      target: { op: spec.op, value: spec.value },
      anchor: spec.anchor ? { label: spec.anchor.label, figure: anchorFigure } : null,
      ratio,
      met,
    };
    if (!met) result.why = missReason(spec, judgedValue, skipped);
    return result;
  });
}

function missReason(spec: TargetSpec, judged: number | null, skipped: ReadonlyMap<string, string>): string {
  if (judged === null) {
    const part = spec.key.split(".")[0] ?? spec.key;
    return `not measured: ${skipped.get(part) ?? `no value for ${spec.key}`}`;
  }
  const factor = spec.op === "<=" ? judged / spec.value : spec.value / Math.max(judged, 1e-9);
  const shown = spec.judged === "ratio" ? `${round(judged)}×` : `${round(judged)} ${spec.unit}`;
  return `${shown} against ${spec.op} ${spec.value}${spec.judged === "ratio" ? "×" : ` ${spec.unit}`}: ${round(factor)}× off. ${spec.cause}`;
}

export function collectFigures(
  specs: readonly FigureSpec[],
  figures: Readonly<Record<string, number>>,
): FigureResult[] {
  return specs.map((spec) => ({ id: spec.id, title: spec.title, unit: spec.unit, figure: figures[spec.key] ?? null }));
}

export function round(value: number): number {
  if (Math.abs(value) >= 100) return Math.round(value);
  if (Math.abs(value) >= 10) return Math.round(value * 10) / 10;
  return Math.round(value * 100) / 100;
}
