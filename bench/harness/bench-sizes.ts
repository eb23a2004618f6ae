import type { BenchSize } from "./results-schema";

export interface DrawSize {
  key: "1k" | "20k" | "50k";
  nodes: number;
  edges: number;
}

export interface BenchConfig {
  graph: { nodes: number; relationships: number; seed: number };
  runs: number;
  apiRequests: number;
  supernodeRequests: number;
  loadSeconds: number;
  connections: number[];
  drawSizes: DrawSize[];
  layoutGraph: { nodes: number; edges: number };
  gestureMs: number;
}

/** full: the sizes (run on a quiet machine). tiny: the same harness end to end in about a minute, for CI. */
export const BENCH_CONFIGS: Readonly<Record<BenchSize, BenchConfig>> = {
  full: {
    graph: { nodes: 200_000, relationships: 1_000_000, seed: 42 },
    runs: 5,
    apiRequests: 200,
    supernodeRequests: 40,
    loadSeconds: 5,
    connections: [10, 100],
    drawSizes: [
      { key: "1k", nodes: 1_000, edges: 2_000 },
      { key: "20k", nodes: 7_000, edges: 13_000 },
      { key: "50k", nodes: 15_000, edges: 35_000 },
    ],
    layoutGraph: { nodes: 1_000, edges: 2_000 },
    gestureMs: 3_000,
  },
  tiny: {
    graph: { nodes: 300, relationships: 1_200, seed: 42 },
    runs: 2,
    apiRequests: 5,
    supernodeRequests: 3,
    loadSeconds: 1,
    connections: [10, 100],
    drawSizes: [
      { key: "1k", nodes: 30, edges: 60 },
      { key: "20k", nodes: 60, edges: 120 },
      { key: "50k", nodes: 90, edges: 180 },
    ],
    layoutGraph: { nodes: 40, edges: 80 },
    gestureMs: 300,
  },
};
