import type { ExportContext } from "./describe-export";

export interface QueryTrail {
  /** A workbench query drew its result (merged or alone). */
  drew(run: { query: string; params: Record<string, unknown> }, mode: "merge" | "replace"): void;
  /** Nodes or relationships were added by hand since. */
  edited(): void;
  current(): ExportContext["query"];
}

/** Remembers which query the canvas shows, for the "Reproduce:" line of exports. */
export function createQueryTrail(): QueryTrail {
  let last: ExportContext["query"] = null;
  return {
    drew: (run, mode) => {
      last = { text: run.query, params: run.params, mode, editedSince: false };
    },
    edited: () => {
      if (last) last = { ...last, editedSince: true };
    },
    current: () => last,
  };
}
