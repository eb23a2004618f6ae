import type { Certainty, EdgeData, GraphPath, PathsResult } from "../../../contract/graph-contract";

export interface PathStop {
  id: string;
  caption: string;
}

/** One step of a path, read in the path's direction, with what supports it. */
export interface PathHop {
  edgeId: string;
  from: PathStop;
  to: PathStop;
  type: string;
  /** The relationship type in words ("sources from"). */
  caption: string;
  /** False when the relationship points against the path's direction (walked from its end to its start). */
  forward: boolean;
  /** Source ids as stored on the relationship. */
  sources: string[];
  certainty: Certainty | undefined;
  evidence: string | undefined;
  evidenceEn: string | undefined;
  /** The language of `evidence`, when the relationship says. */
  evidenceLang: string | undefined;
  asOf: string | undefined;
}

export interface PathChain {
  nodeIds: string[];
  edgeIds: string[];
  hops: PathHop[];
  /** "Doubao ← develops ← ByteDance → orders → Ascend 910B", for a heading or a tooltip. */
  summary: string;
  /** The least certain hop's certainty, as the server ranked it; undefined when a hop has none. */
  weakest: Certainty | undefined;
}

/**
 * Turns the paths of a /api/paths answer into chains of hops the side panel lists; a path whose
 * ids are missing from the answer's graph is skipped rather than shown half.
 */
export function pathChains(result: PathsResult): PathChain[] {
  const captions = new Map(result.graph.nodes.map((node) => [node.data.id, node.data.caption]));
  const edges = new Map(result.graph.edges.map((edge) => [edge.data.id, edge.data]));
  const chains: PathChain[] = [];
  for (const path of result.paths) {
    const chain = toChain(path, captions, edges);
    if (chain) chains.push(chain);
  }
  return chains;
}

function toChain(
  path: GraphPath,
  captions: ReadonlyMap<string, string>,
  edges: ReadonlyMap<string, EdgeData>,
): PathChain | undefined {
  const hops: PathHop[] = [];
  for (const [index, edgeId] of path.edges.entries()) {
    const fromId = path.nodes[index];
    const toId = path.nodes[index + 1];
    const edge = edges.get(edgeId);
    if (fromId === undefined || toId === undefined || !edge) return undefined;
    const stop = (id: string): PathStop => ({ id, caption: captions.get(id) ?? id });
    hops.push({
      edgeId,
      from: stop(fromId),
      to: stop(toId),
      type: edge.type,
      caption: edge.caption,
      forward: edge.source === fromId,
      sources: stringList(edge.props.sources),
      certainty: edge.certainty,
      evidence: text(edge.props.evidence),
      evidenceEn: text(edge.props.evidence_en),
      evidenceLang: text(edge.props.evidence_lang),
      asOf: text(edge.props.asOf),
    });
  }
  return { nodeIds: path.nodes, edgeIds: path.edges, hops, summary: chainSummary(hops), weakest: path.weakest };
}

export function chainSummary(hops: readonly PathHop[]): string {
  const first = hops[0];
  if (!first) return "";
  return [
    first.from.caption,
    ...hops.map((hop) =>
      hop.forward ? `→ ${hop.caption} → ${hop.to.caption}` : `← ${hop.caption} ← ${hop.to.caption}`,
    ),
  ].join(" ");
}

/** Where a page of paths sits among them all. */
export interface PathPage {
  offset: number;
  shown: number;
  total: number;
  /** The most paths the server counts; a total at the cap means there may be more. */
  cap: number;
}

/** "Paths 11–20 of 37", "Path 1 of 1", "Paths 1–10 of 500 or more" (the server stopped counting). */
export function pageLine(page: PathPage, kind: "path" | "shortest path"): string {
  const { offset, shown, total, cap } = page;
  const of = total >= cap ? `${cap} or more` : String(total);
  const noun = (count: number) => `${kind[0]?.toUpperCase()}${kind.slice(1)}${count === 1 ? "" : "s"}`;
  if (shown === 0) return `No ${kind}s from ${offset + 1} on (${of} in all)`;
  const range = shown === 1 ? String(offset + 1) : `${offset + 1}–${offset + shown}`;
  return `${noun(total)} ${range} of ${of}`;
}

/** "No path between Doubao and A100 within 2 hops". */
export function noPathMessage(from: string, to: string, maxHops: number): string {
  return `No path between ${from} and ${to} within ${maxHops} hop${maxHops === 1 ? "" : "s"}`;
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" ? [value] : [];
}

function text(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}
