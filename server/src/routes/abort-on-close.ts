import type { Response } from "express";
import { deadlinePassed } from "../http/request-deadline";

/**
 * An AbortSignal that fires when the client goes away before its answer, or when the request's
 * deadline answered in the route's place: either way Neo4j stops the query and the connection
 * goes back to the pool, instead of being held until Neo4j gives up.
 */
export function abortOnClose(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished || deadlinePassed(res)) controller.abort();
  });
  return controller.signal;
}
