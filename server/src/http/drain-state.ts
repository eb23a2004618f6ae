import type { RequestHandler, Response } from "express";

/**
 * What a graceful shutdown needs to know: whether it has begun (readiness answers 503 at once),
 * which requests are still being answered, and whether answers must close their connection.
 */
export class DrainState {
  private readonly inFlight = new Set<Response>();
  private draining = false;
  private closing = false;
  private readonly idleWaiters: (() => void)[] = [];

  get isDraining(): boolean {
    return this.draining;
  }

  get requestsInFlight(): number {
    return this.inFlight.size;
  }

  /** Counts every request until its response is done or its connection gone. */
  readonly track: RequestHandler = (_req, res, next) => {
    this.inFlight.add(res);
    if (this.closing) closeAfter(res);
    res.once("close", () => {
      this.inFlight.delete(res);
      if (this.inFlight.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
    next();
  };

  /**
   * Starts draining (readiness answers 503); resolves once the requests in flight now are done.
   * Connections stay keep-alive meanwhile: telling clients to reconnect while the listener is
   * about to close would have them connect just as it does, and meet a reset.
   */
  drain(): Promise<void> {
    this.draining = true;
    const earlier = [...this.inFlight].map((res) => new Promise<void>((done) => res.once("close", () => done())));
    return Promise.all(earlier).then(() => undefined);
  }

  /** From now on every answer, those in flight too, closes its connection (`Connection: close`). */
  closeConnectionsAfterAnswers(): void {
    this.closing = true;
    for (const res of this.inFlight) closeAfter(res);
  }

  /** Resolves once no request is in flight. */
  idle(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

function closeAfter(res: Response): void {
  if (!res.headersSent) res.setHeader("Connection", "close");
}
