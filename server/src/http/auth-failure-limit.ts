import type { Request } from "express";
import { ipKeyGenerator } from "express-rate-limit";
import { FailureWindows } from "./failure-windows";

/**
 * Failed sign-ins per client address (AUTH_FAILURE_MAX per AUTH_FAILURE_WINDOW_MS): once an
 * address has used them up, it is refused until its window ends, whatever it sends, so it cannot
 * keep guessing. Only wrong credentials count; successes and requests carrying none cost nothing.
 * The address is Express' `req.ip` (TRUST_PROXY decides whether X-Forwarded-For is believed), IPv6
 * by its /56 as the API rate limit does. Kept in this process, as the API rate limit is.
 */
export class AuthFailureLimit {
  private readonly windows: FailureWindows;

  constructor(
    readonly max: number,
    readonly windowMs: number,
    now: () => number = Date.now,
  ) {
    this.windows = new FailureWindows(max, windowMs, now);
  }

  /** Seconds this address must wait before trying again, or 0 when it may try now. */
  lockedFor(req: Request): number {
    return this.windows.lockedFor(addressKey(req));
  }

  recordFailure(req: Request): void {
    this.windows.recordFailure(addressKey(req));
  }
}

function addressKey(req: Request): string {
  const ip = req.ip ?? req.socket?.remoteAddress ?? "unknown";
  return ipKeyGenerator(ip, 56);
}
