/** Keys remembered at most; past it, expired entries go first, then the oldest. */
const MAX_KEYS = 50_000;

/**
 * Failed sign-ins per key: once a key has had `max` failures in its window, it is locked until the
 * window ends. Keyed by account name (a guesser who changes address cannot try one account's
 * password forever) and, inside AuthFailureLimit, by client address.
 */
export class FailureWindows {
  private readonly windows = new Map<string, { failures: number; resetAt: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds this key must wait, or 0 when it may try now. */
  lockedFor(key: string): number {
    const entry = this.windows.get(key);
    if (!entry) return 0;
    const left = entry.resetAt - this.now();
    if (left <= 0) {
      this.windows.delete(key);
      return 0;
    }
    return entry.failures >= this.max ? Math.ceil(left / 1000) : 0;
  }

  recordFailure(key: string): void {
    const now = this.now();
    const entry = this.windows.get(key);
    if (entry && entry.resetAt > now) {
      entry.failures += 1;
      return;
    }
    this.windows.delete(key);
    if (this.windows.size >= MAX_KEYS) this.forgetSome(now);
    this.windows.set(key, { failures: 1, resetAt: now + this.windowMs });
  }

  private forgetSome(now: number): void {
    for (const [key, entry] of this.windows) if (entry.resetAt <= now) this.windows.delete(key);
    // Still full: the oldest windows go (Maps keep insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_KEYS) break;
      this.windows.delete(key);
    }
  }

  /** A success forgets the key's failures. */
  clear(key: string): void {
    this.windows.delete(key);
  }
}
