import type { SyntaxDiagnostic } from "@neo4j-cypher/language-support";
import type { LintJob, LintReply } from "./cypher-lint-worker";
import type { EditorSchema } from "./editor-schema";

export type LintCypher = (text: string, schema: EditorSchema) => Promise<SyntaxDiagnostic[]>;

/**
 * Lints in one long-lived Web Worker, newest request wins: an answer to an older text is dropped
 * (CodeMirror asks again after each pause in typing). Where the worker cannot start, lints on the
 * page instead, after loading the analysis there.
 */
export function createCypherLinter(): LintCypher {
  let worker: Worker | null = null;
  let broken = typeof Worker === "undefined";
  let next = 0;
  const waiting = new Map<number, { resolve(found: SyntaxDiagnostic[]): void; reject(error: Error): void }>();

  const start = (): Worker => {
    const started = new Worker(new URL("./cypher-lint-worker.ts", import.meta.url), { type: "module" });
    started.onmessage = (event: MessageEvent<LintReply>) => {
      const reply = event.data;
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (!pending) return;
      if (reply.ok) pending.resolve(reply.diagnostics);
      else pending.reject(new Error(reply.message));
    };
    started.onerror = (event) => {
      console.error(`the Cypher lint worker failed (${event.message}); linting on the page instead`);
      broken = true;
      started.terminate();
      worker = null;
      for (const pending of waiting.values()) pending.reject(new Error("the Cypher lint worker failed"));
      waiting.clear();
    };
    return started;
  };

  const onPage: LintCypher = async (text, schema) => {
    const { lintCypherQuery } = await import("@neo4j-cypher/language-support");
    return lintCypherQuery(text, schema).diagnostics;
  };

  return async (text, schema) => {
    if (broken) return onPage(text, schema);
    worker ??= start();
    const id = ++next;
    // An older request is dropped unanswered: CodeMirror waits only for the newest text's diagnostics.
    waiting.clear();
    const job: LintJob = { id, text, schema };
    try {
      return await new Promise<SyntaxDiagnostic[]>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker?.postMessage(job);
      });
    } catch {
      return broken ? onPage(text, schema) : [];
    }
  };
}
