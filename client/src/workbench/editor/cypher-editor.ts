/**
 * The CodeMirror 6 editor with Neo4j's Cypher 5 language support: token colouring, lint markers for
 * syntax errors and schema warnings, completion from the live schema. Loaded with import() when the
 * workbench first opens, since the parser and its semantic analysis are large.
 */
import "../../styles/workbench-editor-language.css";
import { autocompletion, closeCompletion, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { lintGutter, lintKeymap } from "@codemirror/lint";
import { EditorSelection, EditorState, Prec } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from "@codemirror/view";
import { cypherLanguage, setSchemaEffect } from "./cypher-language";
import type { CreateQueryEditor } from "./query-editor";

export const createQueryEditor: CreateQueryEditor = (parent, options) => {
  const run = () => {
    closeCompletion(view);
    options.onRun();
    return true;
  };
  const cypher = cypherLanguage();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.value,
      extensions: [
        // Above the default keymap, where Mod-Enter would insert a blank line.
        Prec.highest(
          keymap.of([
            { key: "Mod-Enter", run },
            { key: "Ctrl-Enter", run },
          ]),
        ),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        history(),
        placeholder(options.placeholder),
        EditorView.lineWrapping,
        cypher.extension,
        lintGutter(),
        autocompletion({ override: [cypher.completionSource], icons: true }),
        keymap.of([...completionKeymap, ...lintKeymap, ...historyKeymap, ...defaultKeymap]),
        // cm-light: the workbench's editor rules (workbench-editor.css) dress the light editor.
        EditorView.editorAttributes.of({ class: "cm-light" }),
        EditorView.contentAttributes.of({ "aria-label": "Cypher query" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  view.dom.dataset.testid = "cypher-editor";

  return {
    getValue: () => view.state.doc.toString(),
    setValue: (text) => {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
    setSchema: (schema) => view.dispatch({ effects: setSchemaEffect.of(schema) }),
    goTo: (line, column) => {
      const doc = view.state.doc;
      const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
      const position = Math.min(target.from + Math.max(column, 1) - 1, target.to);
      view.dispatch({ selection: EditorSelection.cursor(position), scrollIntoView: true });
      view.focus();
    },
  };
};
