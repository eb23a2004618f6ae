/**
 * The work @neo4j-cypher/language-support does for the editor, as plain data in and out: token
 * colours, diagnostics, completions. Runs in the editor's Web Worker (cypher-worker.ts), or on the
 * page when no worker can start. The only module that imports the library at run time: its parser
 * and Neo4j's semantic analysis (~6 MB) then stay out of the page's chunks.
 */
import {
  autocomplete,
  type CompletionItem,
  highlightSyntax,
  lintCypherQuery,
  type SyntaxDiagnostic,
} from "@neo4j-cypher/language-support";
import type { EditorSchema } from "./editor-schema";

export type CypherJob =
  | { kind: "colour"; text: string }
  | { kind: "lint"; text: string; schema: EditorSchema }
  | { kind: "complete"; text: string; schema: EditorSchema; caret: number; manual: boolean };

/** A token to colour: offsets into the text and the parser's token type. */
export type ColouredToken = [from: number, to: number, tokenType: string];

export interface CypherAnswers {
  colour: ColouredToken[];
  lint: SyntaxDiagnostic[];
  complete: CompletionItem[];
}

export function analyse(job: CypherJob): CypherAnswers[CypherJob["kind"]] {
  switch (job.kind) {
    case "colour":
      return highlightSyntax(job.text)
        .filter((token) => token.tokenType !== "none" && token.length > 0)
        .map(
          (token): ColouredToken => [
            token.position.startOffset,
            token.position.startOffset + token.length,
            token.tokenType,
          ],
        );
    case "lint":
      return lintCypherQuery(job.text, job.schema).diagnostics;
    case "complete":
      return autocomplete(job.text, job.schema, { caretPosition: job.caret, manual: job.manual });
  }
}
