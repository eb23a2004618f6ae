/// <reference lib="webworker" />
/**
 * Neo4j's Cypher language support off the page: its parser and semantic analysis take from a few to a
 * few hundred milliseconds a query (the analysis), which would freeze typing, and they are large, so
 * the page's editor chunk holds CodeMirror only. One job at a time, answered with its id.
 */
import { analyse, type CypherJob } from "./cypher-analysis";

export type WorkerJob = CypherJob & { id: number };
export type WorkerReply = { id: number; ok: true; answer: unknown } | { id: number; ok: false; message: string };

self.onmessage = (event: MessageEvent<WorkerJob>) => {
  const { id, ...job } = event.data;
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, answer: analyse(job) };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
