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
  /** Frames recorded from the layout's start to the frame after it landed, and those over 100 ms. */
  frames: number;
  longFrames: number;
  /** The five longest frames, longest first. */
  slowestFramesMs: number[];
}

export interface LoadResult {
  /** Data received → first painted frame with the graph on it. */
  firstPaintMs: number;
  /** Data received → every element drawn (the app adds relationships and captions over several frames). */
  completeMs: number;
  /** The longest main-thread task between data received and complete: how long input could wait. */
  longestTaskMs: number;
  /**
   * The longest wait of an input event handled between data received and complete (the event's time
   * to its handler), and how many came: the first-paint bench presses a key every few milliseconds
   * meanwhile; 0 events when nothing pressed one.
   */
  inputDelayMs: number;
  inputEvents: number;
  /** What drew it: "canvas" or "webgl", and the WebGL renderer string the browser reports. */
  renderer: string;
  gpu: string;
  nodes: number;
  edges: number;
}

export interface BenchPage {
  /**
   * Fetches the graph, draws it and returns its timings (see LoadResult). `untilFirstPaint`
   * returns at the first painted frame (completeMs is then NaN): for profiling the first frame.
   */
  load(url: string, untilFirstPaint?: boolean): Promise<LoadResult>;
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

/** Records main-thread tasks (the browser reports those of 50 ms and more) until stop() returns the longest. */
export function watchLongTasks(): { stop(): number } {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: "longtask" });
  return {
    stop() {
      for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
      observer.disconnect();
      return longest;
    },
  };
}

/** Records how long each key press waited for the page (its handler's time minus the event's own), until stop(). */
export function watchInputDelay(): { stop(): { longestMs: number; events: number } } {
  let longestMs = 0;
  let events = 0;
  const listener = (event: Event) => {
    events += 1;
    longestMs = Math.max(longestMs, performance.now() - event.timeStamp);
  };
  window.addEventListener("keydown", listener, { capture: true });
  return {
    stop() {
      window.removeEventListener("keydown", listener, { capture: true });
      return { longestMs, events };
    },
  };
}
