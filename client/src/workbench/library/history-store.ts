import { z } from "zod";
import { type KeyValueStorage, type QueryRun, queryRunShape, readList, sameRun, writeList } from "./stored-list";

export interface HistoryEntry extends QueryRun {
  /** When it was last run, in ms since the epoch. */
  at: number;
}

export interface HistoryStore {
  /** Newest first. */
  list(): HistoryEntry[];
  /** Puts the run on top (moving it there if it was already in the list); returns the new list. */
  add(run: QueryRun): HistoryEntry[];
  clear(): void;
}

export interface HistoryOptions {
  key?: string;
  cap?: number;
  now?: () => number;
}

export const HISTORY_KEY = "graph-explorer.cypher-history";
export const HISTORY_CAP = 100;

const entrySchema = z.object({ ...queryRunShape, at: z.number() });

/** The last queries run, with their parameters, kept in the browser's storage. */
export function createHistoryStore(storage: KeyValueStorage, options: HistoryOptions = {}): HistoryStore {
  const { key = HISTORY_KEY, cap = HISTORY_CAP, now = Date.now } = options;
  const list = () => readList(storage, key, entrySchema).slice(0, cap);
  return {
    list,
    add: (run) => {
      const entry: HistoryEntry = { query: run.query, params: run.params, at: now() };
      const rest = list().filter((item) => !sameRun(item, run));
      return writeList(storage, key, [entry, ...rest].slice(0, cap));
    },
    clear: () => {
      writeList(storage, key, []);
    },
  };
}
