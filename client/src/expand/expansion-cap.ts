import { SERVER_NEIGHBOUR_LIMIT } from "./supernode-guard";

export const DEFAULT_EXPANSION_CAP = 50;
const KEY = "graph-explorer.expansion-cap";

interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The supernode guard's threshold, kept in the browser: read it each time, it changes in the settings. */
export interface ExpansionCap {
  get(): number;
  /** Stores a whole number between 1 and the server's limit; returns what was stored. */
  set(value: number): number;
}

export function expansionCap(storage: Storage): ExpansionCap {
  return {
    get: () => clampCap(Number(storage.getItem(KEY) ?? DEFAULT_EXPANSION_CAP)),
    set: (value) => {
      const cap = clampCap(value);
      storage.setItem(KEY, String(cap));
      return cap;
    },
  };
}

export function clampCap(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_EXPANSION_CAP;
  return Math.min(SERVER_NEIGHBOUR_LIMIT, Math.max(1, Math.round(value)));
}
