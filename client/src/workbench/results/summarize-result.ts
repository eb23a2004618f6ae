import type { CypherResult } from "../../../../contract/graph-contract";

export interface ResultSummary {
  /** "25 rows · 18 nodes, 24 relationships · 42 ms" */
  text: string;
  /** Why the answer was cut short, when it was. */
  truncated?: string;
}

/** The one line that says what came back, and how long it took. Pure. */
export function summarizeResult(result: CypherResult): ResultSummary {
  const parts = [count(result.rowCount, "row")];
  const { nodes, edges } = result.graph;
  if (nodes.length + edges.length > 0) {
    parts.push(`${count(nodes.length, "node")}, ${count(edges.length, "relationship")}`);
  }
  parts.push(formatElapsed(result.elapsedMs));
  const summary: ResultSummary = { text: parts.join(" · ") };
  if (result.truncated || result.graph.truncated) {
    summary.truncated = result.truncatedReason ?? "the server capped the answer";
  }
  return summary;
}

export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function count(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}
