import type { Core } from "cytoscape";
import type { Certainty } from "../../../contract/graph-contract";
import { edgeCertainty } from "../canvas/to-cy-elements";
import { CORROBORATED_FROM, edgeClaimSummary } from "../look/edge-claims";
import { edgeSources } from "./canvas-filters";

export interface SourceChoice {
  id: string;
  caption: string;
}

/** What the canvas holds, filtered or not: the legend's counts and the source picker's choices. */
export interface CanvasTally {
  byLabel: ReadonlyMap<string, number>;
  byType: ReadonlyMap<string, number>;
  byCertainty: ReadonlyMap<Certainty, number>;
  /** Source nodes drawn, and the sources named by the relationships drawn. */
  sources: readonly SourceChoice[];
  /** Relationships with 2+ independent sources, and those whose claims disagree. */
  corroborated: number;
  contested: number;
}

const SOURCE_LABEL = "Source";

export function tallyCanvas(cy: Core): CanvasTally {
  const byLabel = new Map<string, number>();
  const byType = new Map<string, number>();
  const byCertainty = new Map<Certainty, number>();
  const sources = new Map<string, string>();
  let corroborated = 0;
  let contested = 0;
  const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  cy.nodes().forEach((node) => {
    const label = String(node.data("label"));
    bump(byLabel, label);
    if (label === SOURCE_LABEL) sources.set(node.id(), String(node.data("display")));
  });
  cy.edges().forEach((edge) => {
    const data = edge.data();
    bump(byType, String(data.type));
    const certainty = edgeCertainty(data);
    if (certainty) bump(byCertainty, certainty);
    for (const id of edgeSources(data)) if (!sources.has(id)) sources.set(id, id);
    const summary = edgeClaimSummary(data);
    if (summary && summary.independentSources >= CORROBORATED_FROM) corroborated += 1;
    if (summary?.contested) contested += 1;
  });
  const choices = [...sources].map(([id, caption]) => ({ id, caption }));
  return {
    byLabel,
    byType,
    byCertainty,
    sources: choices.sort((a, b) => a.caption.localeCompare(b.caption)),
    corroborated,
    contested,
  };
}
