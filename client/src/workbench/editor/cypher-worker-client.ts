import type { CypherAnswers, CypherJob } from "./cypher-analysis";
import type { WorkerJob, WorkerReply } from "./cypher-worker";

/** Asks for colours, diagnostics or completions; resolves with the newest answer of each kind only. */
export type AskCypher = <K extends CypherJob["kind"]>(
  job: Extract<CypherJob, { kind: K }>,
) => Promise<CypherAnswers[K]>;

interface Pending {
  kind: CypherJob["kind"];
  resolve(answer: unknown): void;
  reject(error: Error): void;
}

/**
 * One long-lived Web Worker for the editor. A newer job of a kind drops the older one of that kind
 * unanswered (CodeMirror asks again after each change and waits only for the newest). Where the
 * worker cannot start or fails, the jobs run on the page, after loading the analysis there.
 */
export function createCypherWorkerClient(): AskCypher {
  let worker: Worker | null = null;
  let broken = typeof Worker === "undefined";
  let next = 0;
  const waiting = new Map<number, Pending>();

  const onPage = async (job: CypherJob): Promise<unknown> => {
    const { analyse } = await import("./cypher-analysis");
    return analyse(job);
  };

  const start = (): Worker => {
    const started = new Worker(new URL("./cypher-worker.ts", import.meta.url), { type: "module" });
    started.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (!pending) return;
      if (reply.ok) pending.resolve(reply.answer);
      else pending.reject(new Error(reply.message));
    };
    started.onerror = (event) => {
      console.error(`the Cypher worker failed (${event.message || "did not load"}); analysing on the page instead`);
      broken = true;
      started.terminate();
      worker = null;
      for (const pending of waiting.values()) pending.reject(new Error("the Cypher worker failed"));
      waiting.clear();
    };
    return started;
  };

  const ask = async (job: CypherJob): Promise<unknown> => {
    if (broken) return onPage(job);
    worker ??= start();
    const id = ++next;
    for (const [older, pending] of waiting) if (pending.kind === job.kind) waiting.delete(older);
    try {
      return await new Promise<unknown>((resolve, reject) => {
        waiting.set(id, { kind: job.kind, resolve, reject });
        const message: WorkerJob = { ...job, id };
        worker?.postMessage(message);
      });
    } catch (error) {
      if (broken) return onPage(job);
      throw error;
    }
  };
  return ask as AskCypher;
}
