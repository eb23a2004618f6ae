/// <reference lib="webworker" />
/**
 * Lints Cypher off the page: Neo4j's parser and its semantic analysis (the larger part of
 * @neo4j-cypher/language-support) take a few hundred milliseconds on a query, which would freeze
 * typing. The editor sends the text and the schema; the reply carries the diagnostics with offsets.
 */
import { lintCypherQuery, type SyntaxDiagnostic } from "@neo4j-cypher/language-support";
import type { EditorSchema } from "./editor-schema";

export interface LintJob {
  id: number;
  text: string;
  schema: EditorSchema;
}

export type LintReply =
  | { id: number; ok: true; diagnostics: SyntaxDiagnostic[] }
  | { id: number; ok: false; message: string };

self.onmessage = (event: MessageEvent<LintJob>) => {
  const { id, text, schema } = event.data;
  let reply: LintReply;
  try {
    reply = { id, ok: true, diagnostics: lintCypherQuery(text, schema).diagnostics };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
