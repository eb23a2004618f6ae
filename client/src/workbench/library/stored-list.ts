import { z } from "zod";

/** The part of the Web Storage API the stores use; tests pass a Map-backed fake. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem">;

/** A query with its parameters: what history and saved queries keep. */
export interface QueryRun {
  query: string;
  params: Record<string, unknown>;
}

export const queryRunShape = {
  query: z.string(),
  params: z.record(z.string(), z.unknown()),
};

/** Reads a JSON list from storage, keeping the entries that match the schema; [] when absent or unreadable. */
export function readList<T>(storage: KeyValueStorage, key: string, entry: z.ZodType<T>): T[] {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return [];
  }
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item: unknown) => {
    const checked = entry.safeParse(item);
    return checked.success ? [checked.data] : [];
  });
}

/**
 * Writes a list; when storage is full, drops entries from the end until it fits.
 * Returns what was kept (possibly fewer entries, or none when storage refuses everything).
 */
export function writeList<T>(storage: KeyValueStorage, key: string, items: readonly T[]): T[] {
  let kept = [...items];
  for (;;) {
    try {
      storage.setItem(key, JSON.stringify(kept));
      return kept;
    } catch {
      if (kept.length === 0) return kept;
      kept = kept.slice(0, Math.floor(kept.length / 2));
    }
  }
}

/** Two runs are the same when query text (ignoring surrounding blanks) and parameters are equal. */
export function sameRun(a: QueryRun, b: QueryRun): boolean {
  return a.query.trim() === b.query.trim() && stableJson(a.params) === stableJson(b.params);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
