import type { Response } from "express";

/** An AbortSignal that fires when the client goes away before its answer, so Neo4j stops the query. */
export function abortOnClose(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
