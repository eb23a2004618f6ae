import type { CypherRequest, CypherResult } from "../../../contract/graph-contract";

export type RunOutcome =
  | { kind: "done"; result: CypherResult }
  | { kind: "cancelled" }
  | { kind: "failed"; error: unknown };

export interface QueryRunner {
  /** Runs one query at a time; never rejects. */
  start(request: CypherRequest): Promise<RunOutcome>;
  /** Aborts the running query's request (the server then cancels the query). */
  cancel(): void;
  busy(): boolean;
}

/** One query in flight at most, with an AbortController so that Cancel stops it. */
export function createQueryRunner(
  run: (request: CypherRequest, signal: AbortSignal) => Promise<CypherResult>,
): QueryRunner {
  let controller: AbortController | null = null;
  return {
    start: async (request) => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      try {
        const result = await run(request, current.signal);
        return current.signal.aborted ? { kind: "cancelled" } : { kind: "done", result };
      } catch (error) {
        return current.signal.aborted ? { kind: "cancelled" } : { kind: "failed", error };
      } finally {
        if (controller === current) controller = null;
      }
    },
    cancel: () => controller?.abort(),
    busy: () => controller !== null,
  };
}
