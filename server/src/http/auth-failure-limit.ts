import type { Request } from "express";
import { ipKeyGenerator } from "express-rate-limit";

/** Addresses remembered at most; past it, expired entries go first, then the oldest. */
const MAX_ADDRESSES = 50_000;

/**
 * Failed sign-ins per client address (AUTH_FAILURE_MAX per AUTH_FAILURE_WINDOW_MS): once an
 * address has used them up, it is refused until its window ends, whatever it sends, so it cannot
 * keep guessing. Only wrong credentials count; successes and requests carrying none cost nothing.
 * The address is Express' `req.ip` (TRUST_PROXY decides whether X-Forwarded-For is believed), IPv6
 * by its /56 as the API rate limit does. Kept in this process, as the API rate limit is.
 */
export class AuthFailureLimit {
  private readonly windows = new Map<string, { failures: number; resetAt: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds this address must wait before trying again, or 0 when it may try now. */
  lockedFor(req: Request): number {
    const key = addressKey(req);
    const entry = this.windows.get(key);
    if (!entry) return 0;
    const left = entry.resetAt - this.now();
    if (left <= 0) {
      this.windows.delete(key);
      return 0;
    }
    return entry.failures >= this.max ? Math.ceil(left / 1000) : 0;
  }

  recordFailure(req: Request): void {
    const key = addressKey(req);
    const now = this.now();
    const entry = this.windows.get(key);
    if (entry && entry.resetAt > now) {
      entry.failures += 1;
      return;
    }
    this.windows.delete(key);
    if (this.windows.size >= MAX_ADDRESSES) this.forgetSome(now);
    this.windows.set(key, { failures: 1, resetAt: now + this.windowMs });
  }

  private forgetSome(now: number): void {
    for (const [key, entry] of this.windows) if (entry.resetAt <= now) this.windows.delete(key);
    // Still full: the oldest windows go (Maps keep insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_ADDRESSES) break;
      this.windows.delete(key);
    }
  }
}

function addressKey(req: Request): string {
  const ip = req.ip ?? req.socket?.remoteAddress ?? "unknown";
  return ipKeyGenerator(ip, 56);
}
