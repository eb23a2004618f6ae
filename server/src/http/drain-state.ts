import type { RequestHandler } from "express";

/**
 * What a graceful shutdown needs to know: whether it has begun (readiness answers 503 at once)
 * and how many requests are still being answered.
 */
export class DrainState {
  private inFlight = 0;
  private draining = false;
  private readonly idleWaiters: (() => void)[] = [];

  get isDraining(): boolean {
    return this.draining;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** Counts every request until its response is done or its connection gone. */
  readonly track: RequestHandler = (_req, res, next) => {
    this.inFlight += 1;
    // Keep-alive connections are closed after their answer once shutdown has begun.
    if (this.draining) res.setHeader("Connection", "close");
    res.once("close", () => {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
    next();
  };

  /** Starts draining; resolves once no request is in flight. */
  drain(): Promise<void> {
    this.draining = true;
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
