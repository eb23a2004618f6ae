import type { Certainty, ViewState } from "../../../contract/graph-contract";
import { type ClaimFacts, isClaimFiltering, passesClaimFilters } from "./claim-filters";

/** What the analyst chose not to see; hidden elements stay on the canvas, so their counts stay known. */
export type ViewFilters = ViewState["filters"];

export const NO_FILTERS: ViewFilters = { hiddenLabels: [], hiddenTypes: [], hiddenCertainties: [], source: null };

export interface FilterNode {
  id: string;
  label: string;
}

export interface FilterEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  certainty?: Certainty | undefined;
  /** The Source ids that make the claim. */
  sources: readonly string[];
  /** The claim summary, for relationships built from claims. */
  claims?: ClaimFacts | undefined;
}

export interface FilterOutcome {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export function isFiltering(filters: ViewFilters): boolean {
  return (
    filters.hiddenLabels.length + filters.hiddenTypes.length + filters.hiddenCertainties.length > 0 ||
    filters.source !== null ||
    isClaimFiltering(filters)
  );
}

/**
 * The ids that stay shown. A node shows unless its label is hidden; a relationship shows when its type and
 * certainty are shown, both ends show, it passes the claim filters, and (with a source chosen) that source
 * makes the claim. With a source chosen, only the source itself and the nodes its claims reach stay: "only
 * what Reuters says".
 */
export function shownByFilters(
  nodes: readonly FilterNode[],
  edges: readonly FilterEdge[],
  filters: ViewFilters,
): FilterOutcome {
  const hiddenLabels = new Set(filters.hiddenLabels);
  const hiddenTypes = new Set(filters.hiddenTypes);
  const hiddenCertainties = new Set<string>(filters.hiddenCertainties);
  const labelShown = new Set(nodes.filter((node) => !hiddenLabels.has(node.label)).map((node) => node.id));
  const shownEdges = edges.filter(
    (edge) =>
      labelShown.has(edge.source) &&
      labelShown.has(edge.target) &&
      !hiddenTypes.has(edge.type) &&
      !(edge.certainty && hiddenCertainties.has(edge.certainty)) &&
      passesClaimFilters(edge.claims, filters) &&
      (filters.source === null || edge.sources.includes(filters.source)),
  );
  const edgeIds = new Set(shownEdges.map((edge) => edge.id));
  if (filters.source === null) return { nodes: labelShown, edges: edgeIds };
  const reached = new Set(shownEdges.flatMap((edge) => [edge.source, edge.target]));
  if (labelShown.has(filters.source)) reached.add(filters.source);
  return { nodes: reached, edges: edgeIds };
}

/** The filters with one value switched between shown and hidden. */
export function toggled<K extends "hiddenLabels" | "hiddenTypes" | "hiddenCertainties">(
  filters: ViewFilters,
  key: K,
  value: ViewFilters[K][number],
): ViewFilters {
  const current: readonly string[] = filters[key];
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
  return { ...filters, [key]: next };
}
