/**
 * Identical reads that arrive while one is running share it, instead of each asking Neo4j again.
 * Made for the overview (`GET /api/graph`): every analyst opening the app asks the same question,
 * which ranks every node by degree (about 0.6 s on 200,000 nodes); a hundred at once otherwise
 * queue behind each other. Nothing is kept once the read settles, so no answer is ever stale.
 *
 * Each caller keeps its own cancellation: a caller whose signal fires stops waiting, and the shared
 * read is cancelled only when every caller has gone.
 */
export class SharedReads<T> {
  private readonly running = new Map<string, { answer: Promise<T>; waiting: number; cancel: AbortController }>();

  read(key: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let entry = this.running.get(key);
    if (!entry) {
      const cancel = new AbortController();
      const answer = work(cancel.signal).finally(() => {
        if (this.running.get(key) === entry) this.running.delete(key);
      });
      entry = { answer, waiting: 0, cancel };
      this.running.set(key, entry);
      // Callers that leave early no longer listen; the read's own failure must not go unhandled.
      answer.catch(() => undefined);
    }
    const shared = entry;
    shared.waiting += 1;
    if (!signal) return shared.answer;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        shared.waiting -= 1;
        if (shared.waiting === 0) {
          // Nobody waits any more: later callers start afresh rather than join a cancelled read.
          if (this.running.get(key) === shared) this.running.delete(key);
          shared.cancel.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener("abort", leave, { once: true });
      shared.answer.then(
        (value) => {
          signal.removeEventListener("abort", leave);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", leave);
          reject(error);
        },
      );
    });
  }
}
