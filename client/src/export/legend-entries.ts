import type { Graph } from "../../../contract/graph-contract";
import { EDGE_COLOR } from "../look/canvas-palette";
import { CERTAINTY_STYLES } from "../look/certainty-styles";
import { LABEL_STYLES, type LabelStyle, labelStyleFor } from "../look/label-styles";

export interface LegendEntries {
  labels: Array<{ label: string; count: number; style: LabelStyle }>;
  relationships: Array<{ type: string; caption: string; count: number }>;
  /** Line styles present; `certainty` null for relationships without one. */
  certainties: Array<{ certainty: string | null; count: number; color: string; dash: number[]; meaning: string }>;
}

/** What an exported image's legend lists: only the labels, relationship types and line styles it shows. */
export function legendEntries(graph: Graph): LegendEntries {
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
  return { labels, relationships, certainties };
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
