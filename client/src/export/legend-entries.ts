import type { Graph } from "../../../contract/graph-contract";
import type { MarkSample } from "../canvas/canvas-export";
import { EDGE_COLOR } from "../look/canvas-palette";
import { CERTAINTY_STYLES } from "../look/certainty-styles";
import { LABEL_STYLES, type LabelStyle, labelStyleFor } from "../look/label-styles";
import { TIMELINE_CLASSES, TIMELINE_MARK_MEANINGS } from "../look/timeline-marks";

export interface LegendEntries {
  labels: Array<{ label: string; count: number; style: LabelStyle }>;
  relationships: Array<{ type: string; caption: string; count: number }>;
  /** Line styles present; `certainty` null for relationships without one. */
  certainties: Array<{ certainty: string | null; count: number; color: string; dash: number[]; meaning: string }>;
  /** The timeline's marks the image shows (new in the range, denied, no longer holding, the change picked). */
  marks: Array<{ meaning: string; count: number; color: string; opacity: number; halo: MarkSample["halo"] }>;
}

/** The timeline's mark classes, in the legend's order, with what each says. */
export const MARK_CLASSES: readonly { className: string; meaning: string }[] = (
  ["change", "fresh", "denied", "ended"] as const
).map((key) => ({ className: TIMELINE_CLASSES[key], meaning: TIMELINE_MARK_MEANINGS[key] }));

/** The legend's marks row: one entry per mark class present, as the canvas drew it. */
export function markEntries(samples: readonly MarkSample[]): LegendEntries["marks"] {
  return MARK_CLASSES.flatMap(({ className, meaning }) => {
    const sample = samples.find((entry) => entry.className === className);
    return sample
      ? [{ meaning, count: sample.count, color: sample.color, opacity: sample.opacity, halo: sample.halo }]
      : [];
  });
}

/** What an exported image's legend lists: only the labels, relationship types and line styles it shows. */
export function legendEntries(graph: Graph, marks: readonly MarkSample[] = []): LegendEntries {
  const labelCounts = countBy(graph.nodes.map((node) => node.data.label));
  const known = LABEL_STYLES.map((style) => style.label);
  const others = [...labelCounts.keys()].filter((label) => !known.includes(label)).sort();
  const labels = [...known, ...others]
    .filter((label) => labelCounts.has(label))
    .map((label) => ({ label, count: labelCounts.get(label) ?? 0, style: labelStyleFor(label) }));

  const captions = new Map(graph.edges.map((edge) => [edge.data.type, edge.data.caption]));
  const relationships = [...countBy(graph.edges.map((edge) => edge.data.type))]
    .map(([type, count]) => ({ type, caption: captions.get(type) ?? type, count }))
    .sort((a, b) => b.count - a.count || a.caption.localeCompare(b.caption));

  const certaintyCounts = countBy(graph.edges.map((edge) => edge.data.certainty ?? ""));
  const certainties: LegendEntries["certainties"] = CERTAINTY_STYLES.filter((style) =>
    certaintyCounts.has(style.certainty),
  ).map((style) => ({
    certainty: style.certainty,
    count: certaintyCounts.get(style.certainty) ?? 0,
    color: style.lineColor,
    dash: style.dashArray === "" ? [] : style.dashArray.split(" ").map(Number),
    meaning: style.meaning,
  }));
  const unstated = certaintyCounts.get("") ?? 0;
  if (unstated > 0) {
    certainties.push({
      certainty: null,
      count: unstated,
      color: EDGE_COLOR,
      dash: [],
      meaning: "No certainty recorded.",
    });
  }
  return { labels, relationships, certainties, marks: markEntries(marks) };
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
