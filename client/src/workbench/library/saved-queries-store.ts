import { z } from "zod";
import { type KeyValueStorage, type QueryRun, queryRunShape, readList, writeList } from "./stored-list";

export interface SavedQuery extends QueryRun {
  id: string;
  name: string;
  savedAt: number;
}

export interface SavedQueriesStore {
  /** By name. */
  list(): SavedQuery[];
  /** Saves under a name; a query saved under the same name (ignoring case and blanks) is replaced. */
  save(name: string, run: QueryRun): SavedQuery[];
  remove(id: string): SavedQuery[];
}

export interface SavedQueriesOptions {
  key?: string;
  now?: () => number;
  newId?: () => string;
}

export const SAVED_QUERIES_KEY = "graph-explorer.saved-queries";

const savedSchema = z.object({ ...queryRunShape, id: z.string(), name: z.string(), savedAt: z.number() });
const byName = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Queries the analyst named and kept, in the browser's storage. */
export function createSavedQueriesStore(
  storage: KeyValueStorage,
  options: SavedQueriesOptions = {},
): SavedQueriesStore {
  const {
    key = SAVED_QUERIES_KEY,
    now = Date.now,
    newId = () => `${now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
  } = options;
  const sorted = (items: SavedQuery[]) => [...items].sort((a, b) => byName.compare(a.name, b.name));
  const list = () => sorted(readList(storage, key, savedSchema));
  const normal = (name: string) => name.trim().toLowerCase();
  return {
    list,
    save: (name, run) => {
      const trimmed = name.trim();
      if (trimmed === "") throw new Error("A saved query needs a name.");
      const rest = list().filter((item) => normal(item.name) !== normal(trimmed));
      const saved: SavedQuery = { id: newId(), name: trimmed, query: run.query, params: run.params, savedAt: now() };
      return sorted(writeList(storage, key, [...rest, saved]));
    },
    remove: (id) =>
      sorted(
        writeList(
          storage,
          key,
          list().filter((item) => item.id !== id),
        ),
      ),
  };
}
