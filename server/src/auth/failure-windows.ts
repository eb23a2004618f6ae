/** Keys remembered at most; past it, expired entries go first, then the oldest. */
const MAX_KEYS = 50_000;

/**
 * Failed sign-ins per key (an account's name): once a key has had `max` failures in its window,
 * it is locked until the window ends. The per-address count is AuthFailureLimit's; this one keeps
 * a guesser who changes address from trying one account's password forever.
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
    if (this.windows.size >= MAX_KEYS) {
      for (const [old, value] of this.windows) if (value.resetAt <= now) this.windows.delete(old);
      for (const old of this.windows.keys()) {
        if (this.windows.size < MAX_KEYS) break;
        this.windows.delete(old);
      }
    }
    this.windows.set(key, { failures: 1, resetAt: now + this.windowMs });
  }

  /** A success forgets the key's failures. */
  clear(key: string): void {
    this.windows.delete(key);
  }
}
