import type { Server as HttpServer } from "node:http";
import { Server as NetServer } from "node:net";
import type { DrainState } from "./drain-state";

export type CloseOutcome = "drained" | "cut";

export interface GracefulCloseOptions {
  /** SHUTDOWN_GRACE_MS: after this, whatever is still open is cut. */
  graceMs: number;
  /** Called once the listener is closed, with how many requests are still being answered. */
  onListenerClosed?: (inFlight: number) => void;
  /** Called when the grace period is over and requests are cut. */
  onCut?: (inFlight: number) => void;
}

/**
 * Shuts an HTTP server down without resetting a request a client has sent:
 * 1. draining: readiness answers 503, the listener stays open and connections stay keep-alive
 *    until the requests in flight at the signal are done (new ones are served meanwhile);
 * 2. the listener closes: new connections are refused (a client can always retry those: nothing
 *    was sent). Open connections are not destroyed, as Node's `server.close()` would do to idle
 *    keep-alive ones: a request a client has just written on one would meet a reset. Every answer
 *    from now on, in flight or arriving on an open connection, carries `Connection: close`; idle
 *    keep-alive connections end (FIN) at their keep-alive timeout, which clients know from the
 *    `Keep-Alive` header and do not race; connections that never carried a request are closed
 *    after that time;
 * 3. after SHUTDOWN_GRACE_MS from the signal, whatever is still open is cut.
 */
export async function closeGracefully(
  server: HttpServer,
  drain: DrainState,
  { graceMs, onListenerClosed, onCut }: GracefulCloseOptions,
): Promise<CloseOutcome> {
  const deadline = Date.now() + graceMs;
  const until = (at: number) =>
    new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), Math.max(0, at - Date.now())).unref());
  const cut = async (closed: Promise<unknown>): Promise<CloseOutcome> => {
    onCut?.(drain.requestsInFlight);
    server.closeAllConnections();
    await closed;
    return "cut";
  };

  const earlier = await Promise.race([drain.drain().then(() => "done" as const), until(deadline)]);
  const closed = new Promise<void>((resolve) => {
    // net.Server's own close: stop listening; called back once every connection has ended.
    NetServer.prototype.close.call(server, () => resolve());
  });
  drain.closeConnectionsAfterAnswers();
  onListenerClosed?.(drain.requestsInFlight);
  if (earlier === "timeout") return cut(closed);

  const idle = await Promise.race([drain.idle().then(() => "idle" as const), until(deadline)]);
  if (idle === "timeout") return cut(closed);
  const lingering = Math.min(deadline, Date.now() + server.keepAliveTimeout + 1_000);
  if ((await Promise.race([closed.then(() => "closed" as const), until(lingering)])) === "closed") return "drained";
  // What is left never carried a request (or is idle past its keep-alive timeout): close it.
  server.closeIdleConnections();
  if ((await Promise.race([closed.then(() => "closed" as const), until(deadline)])) === "closed") return "drained";
  return cut(closed);
}
