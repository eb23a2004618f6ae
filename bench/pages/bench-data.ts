import type { GraphEdge, GraphNode } from "../../contract/graph-contract";

/** What the harness serves: the contract's elements plus random positions shared by every page. */
export interface BenchGraphFile {
  nodes: GraphNode[];
  edges: GraphEdge[];
  positions: Record<string, { x: number; y: number }>;
}

export interface PageLayoutResult {
  name: string;
  ms: number;
  longestFrameMs: number;
}

export interface BenchPage {
  /** Fetches the graph, draws it and returns the time from data received to the first painted frame. */
  load(url: string): Promise<{ firstPaintMs: number; nodes: number; edges: number }>;
  startFrames(): void;
  stopFrames(): { frames: number; fps: number; p95FrameMs: number; longestFrameMs: number };
  /** Layouts this page offers (the app: its layout catalogue; plain Cytoscape.js: fcose with defaults). */
  layoutNames(): string[];
  layout(name: string): Promise<PageLayoutResult>;
}

declare global {
  interface Window {
    bench: BenchPage;
  }
}

export async function fetchBenchGraph(url: string): Promise<BenchGraphFile> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as BenchGraphFile;
}
