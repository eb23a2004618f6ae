import type { AsOfQuery, Graph } from "../../../contract/graph-contract";

/** How many days' graphs are kept: the day read ahead, and the days just left (stepping back). */
const KEPT = 3;
/**
 * How long a graph read ahead is used. Another analyst may commit claims dated on that day meanwhile;
 * a step comes seconds after the last, so a short life loses nothing and never shows an old answer long.
 */
const FRESH_MS = 20_000;

export interface AsOfReadAhead {
  /** The graph as of `query`: the one read ahead when still fresh, else read now. */
  get(query: AsOfQuery): Promise<Graph>;
  /** Starts reading the graph as of `query` for a step to come; a failure is left for that step to meet. */
  readAhead(query: AsOfQuery): void;
  /** Forgets what was read (claims were committed: every day's answer may have changed). */
  clear(): void;
}

/**
 * Keeps the graphs of the days the timeline is about to show. Stepping article by article waited for
 * each day's read (the server's as-of read is about half a step on a long history); reading the next
 * day while the analyst looks at this one puts the step's wait on the canvas alone. As a video player
 * buffers the next frames. Only dated queries are kept: "today" changes with every commit.
 */
export function createAsOfReadAhead(
  read: (query: AsOfQuery) => Promise<Graph>,
  now: () => number = () => performance.now(),
): AsOfReadAhead {
  const kept = new Map<string, { graph: Promise<Graph>; at: number }>();

  const keyOf = (query: AsOfQuery): string | null =>
    query.knownAt || query.holdsAt ? `${query.knownAt ?? ""}|${query.holdsAt ?? ""}` : null;

  const fresh = (key: string) => {
    const entry = kept.get(key);
    if (entry && now() - entry.at <= FRESH_MS) return entry;
    kept.delete(key);
    return undefined;
  };

  const start = (key: string, query: AsOfQuery): Promise<Graph> => {
    const graph = read(query);
    kept.delete(key);
    kept.set(key, { graph, at: now() });
    while (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
    // A failed read is not kept: the step that needs it reads again and says why if it fails too.
    graph.catch(() => {
      if (kept.get(key)?.graph === graph) kept.delete(key);
    });
    return graph;
  };

  return {
    get: (query) => {
      const key = keyOf(query);
      if (key === null) return read(query);
      return fresh(key)?.graph ?? start(key, query);
    },
    readAhead: (query) => {
      const key = keyOf(query);
      if (key === null || fresh(key)) return;
      start(key, query).catch(() => undefined);
    },
    clear: () => kept.clear(),
  };
}
