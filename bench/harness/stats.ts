/** Nearest-rank percentile (p in 0..100) of a non-empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of an empty sample");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of an empty sample");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Per key, the median over the runs that measured it. */
export function medianByKey(runs: ReadonlyArray<Readonly<Record<string, number>>>): Record<string, number> {
  const samples = new Map<string, number[]>();
  for (const run of runs) {
    for (const [key, value] of Object.entries(run)) {
      if (Number.isFinite(value)) samples.set(key, [...(samples.get(key) ?? []), value]);
    }
  }
  return Object.fromEntries([...samples].map(([key, values]) => [key, median(values)]));
}
