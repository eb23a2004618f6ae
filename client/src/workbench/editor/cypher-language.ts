/**
 * Neo4j's Cypher 5 language support (@neo4j-cypher/language-support, the parser behind its VS Code
 * extension) as CodeMirror 6 extensions: token colouring, lint diagnostics, schema completion. The
 * library runs in a Web Worker (cypher-worker.ts); this module imports only its types.
 */
import type { Completion, CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { type Diagnostic, linter } from "@codemirror/lint";
import { type Extension, type Range, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate } from "@codemirror/view";
import type { CompletionItem, SyntaxDiagnostic } from "@neo4j-cypher/language-support";
import type { ColouredToken } from "./cypher-analysis";
import { type AskCypher, createCypherWorkerClient } from "./cypher-worker-client";
import type { EditorSchema } from "./editor-schema";

/** Hands the editor a new schema; the linter runs again with it. */
export const setSchemaEffect = StateEffect.define<EditorSchema>();

export const schemaField = StateField.define<EditorSchema>({
  create: () => ({}),
  update: (schema, transaction) => {
    for (const effect of transaction.effects) if (effect.is(setSchemaEffect)) return effect.value;
    return schema;
  },
});

/* ---------- Colouring: the parser's token types as CSS classes ---------- */

const marks = new Map<string, Decoration>();
const markFor = (tokenType: string) => {
  let mark = marks.get(tokenType);
  if (!mark) {
    mark = Decoration.mark({ class: `cm-cypher-${tokenType}` });
    marks.set(tokenType, mark);
  }
  return mark;
};

/** The worker's tokens for a text, as marks; offsets are clamped to the text. Pure. */
export function toColours(tokens: readonly ColouredToken[], length: number): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const [start, end, tokenType] of tokens) {
    const from = Math.max(0, start);
    const to = Math.min(end, length);
    if (from < to) ranges.push(markFor(tokenType).range(from, to));
  }
  return Decoration.set(ranges, true);
}

const setColours = StateEffect.define<DecorationSet>();

/** The colours: replaced when the worker answers for the current text, moved along with edits meanwhile. */
const colours = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update: (value, transaction) => {
    for (const effect of transaction.effects) if (effect.is(setColours)) return effect.value;
    return transaction.docChanged ? value.map(transaction.changes) : value;
  },
  provide: (field) => EditorView.decorations.from(field),
});

function colouring(ask: AskCypher): Extension {
  const request = (view: EditorView) => {
    const text = view.state.doc.toString();
    ask({ kind: "colour", text }).then(
      (tokens) => {
        if (view.state.doc.toString() === text)
          view.dispatch({ effects: setColours.of(toColours(tokens, text.length)) });
      },
      (error: unknown) => console.error("colouring the Cypher failed", error),
    );
  };
  const plugin = ViewPlugin.fromClass(
    class {
      constructor(view: EditorView) {
        request(view);
      }
      update(update: ViewUpdate) {
        if (update.docChanged) request(update.view);
      }
    },
  );
  return [colours, plugin];
}

/* ---------- Lint: syntax errors and semantic warnings with their positions ---------- */

const SEVERITIES: Record<number, Diagnostic["severity"]> = { 1: "error", 2: "warning", 3: "info", 4: "hint" };

/** The library's message for a $parameter the schema does not define. */
const isParameterError = (message: string) => message.startsWith("Parameter ") && message.endsWith(" is not defined.");

/** The parser's diagnostics as CodeMirror's, clamped to the text. Pure. */
export function toDiagnostics(found: readonly SyntaxDiagnostic[], length: number): Diagnostic[] {
  return found.map((diagnostic) => {
    const from = Math.max(0, Math.min(diagnostic.offsets.start, length));
    const to = Math.max(from, Math.min(diagnostic.offsets.end, length));
    const message = typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
    // An undefined parameter is for the Parameters box to fix, and the server names it at run time too.
    if (isParameterError(message)) {
      return {
        from,
        to,
        severity: "warning",
        source: "Parameters",
        message: `${message} Give it a value in Parameters (JSON) below.`,
      };
    }
    return {
      from,
      to,
      severity: SEVERITIES[diagnostic.severity ?? 1] ?? "error",
      source: "Cypher 5",
      message,
    };
  });
}

/** The linter: diagnostics from the worker; the editor's `data-lint…` attributes say what was linted and found (read by the browser specs). */
function cypherLinter(ask: AskCypher): Extension {
  return linter(
    async (view) => {
      const text = view.state.doc.toString();
      const schema = view.state.field(schemaField);
      const found = text.trim() === "" ? [] : toDiagnostics(await ask({ kind: "lint", text, schema }), text.length);
      if (view.state.doc.toString() === text) describeLint(view.dom, text, found);
      return found;
    },
    {
      delay: 300,
      needsRefresh: (update) =>
        update.transactions.some((transaction) => transaction.effects.some((effect) => effect.is(setSchemaEffect))),
    },
  );
}

function describeLint(dom: HTMLElement, text: string, found: readonly Diagnostic[]): void {
  const count = (severity: Diagnostic["severity"]) => found.filter((item) => item.severity === severity).length;
  dom.dataset.lint = `${count("error")} errors, ${count("warning")} warnings`;
  // What was linted, and where each mark is: read by the browser specs.
  dom.dataset.lintedText = text;
  dom.dataset.diagnostics = JSON.stringify(
    found.map(({ from, to, severity, message }) => ({ from, to, severity, message })),
  );
}

/* ---------- Completion from the live schema ---------- */

// vscode-languageserver's CompletionItemKind numbers, as CodeMirror's completion types (its icons).
const KINDS: Record<number, string> = {
  2: "method",
  3: "function",
  6: "variable",
  9: "namespace",
  10: "property",
  14: "keyword",
  25: "type",
};

/** What the analyst is typing at the caret: a name, a $parameter, or a :Label after its colon. */
const WORD = /\$?[\p{L}\p{N}_]*$/u;

async function cypherCompletions(ask: AskCypher, context: CompletionContext): Promise<CompletionResult | null> {
  const text = context.state.doc.toString();
  const before = text.slice(0, context.pos);
  const word = WORD.exec(before)?.[0] ?? "";
  let from = context.pos - word.length;
  const afterColon = word[0] !== "$" && before[from - 1] === ":" && before[from - 2] !== ":";
  if (!context.explicit && word === "" && !afterColon && !before.endsWith(".") && !before.endsWith("$")) return null;
  const items = await ask({
    kind: "complete",
    text,
    schema: context.state.field(schemaField),
    caret: context.pos,
    manual: context.explicit,
  });
  if (items.length === 0 || context.aborted) return null;
  if (afterColon) from -= 1;
  return {
    from,
    options: items.map((item) => toCompletion(item, afterColon)),
    validFor: afterColon ? /^:?[\p{L}\p{N}_]*$/u : /^\$?[\p{L}\p{N}_]*$/u,
  };
}

function toCompletion(item: CompletionItem, afterColon: boolean): Completion {
  const kind = item.kind === undefined ? undefined : KINDS[item.kind];
  const insert = item.label.startsWith("$") ? item.label : (item.insertText ?? item.label);
  const documentation = typeof item.documentation === "string" ? item.documentation : (item.documentation?.value ?? "");
  const info = [item.signature, documentation].filter((part) => part !== undefined && part !== "").join("\n\n");
  return {
    label: afterColon ? `:${item.label}` : item.label,
    apply: afterColon ? `:${insert}` : insert,
    ...(kind ? { type: kind } : {}),
    ...(item.detail ? { detail: item.detail.replace(/^\((.*)\)$/, "$1") } : {}),
    ...(info ? { info } : {}),
    // Labels, types, properties and variables before keywords and functions.
    boost: item.kind === 25 || item.kind === 10 || item.kind === 6 ? 1 : 0,
  };
}

/** Colouring, lint and completion source of Neo4j's Cypher 5 support, with the schema they read. */
export function cypherLanguage(): {
  extension: Extension;
  completionSource: (context: CompletionContext) => Promise<CompletionResult | null>;
} {
  const ask = createCypherWorkerClient();
  return {
    extension: [schemaField, colouring(ask), cypherLinter(ask), EditorView.editorAttributes.of({ class: "cm-cypher" })],
    completionSource: (context) => cypherCompletions(ask, context),
  };
}
