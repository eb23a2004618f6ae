/**
 * The CodeMirror 6 editor with Neo4j's Cypher support: highlighting, completion from the live
 * schema, lint markers for syntax errors. Loaded with import() when the workbench first opens,
 * since the Cypher grammar (antlr4) is large.
 */
import "@neo4j-cypher/codemirror/css/cypher-codemirror.css";
import { closeCompletion } from "@codemirror/autocomplete";
import { Prec } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { createCypherEditor, type EditorApi } from "@neo4j-cypher/codemirror";
import type { CreateQueryEditor } from "./query-editor";

export const createQueryEditor: CreateQueryEditor = (parent, options) => {
  const run = () => {
    closeCompletion(editor.codemirror);
    options.onRun();
    return true;
  };
  // Above the default keymap, where Mod-Enter would insert a blank line.
  const runKeys = Prec.highest(
    keymap.of([
      { key: "Mod-Enter", run },
      { key: "Ctrl-Enter", run },
    ]),
  );
  const created: EditorApi | { editor: EditorApi } = createCypherEditor(parent, {
    value: options.value,
    placeholder: options.placeholder,
    lint: true,
    lineWrapping: true,
    cursorWide: false,
    autofocus: true,
    theme: "light",
    tooltipAbsolute: false,
    lineNumberFormatter: (line) => String(line),
    preExtensions: [runKeys],
  });
  // 1.0.3 returns `{ editor }` although its typings promise the API itself.
  const editor = isWrapped(created) ? created.editor : created;
  const root = editor.codemirror.dom;
  root.dataset.testid = "cypher-editor";
  root.setAttribute("aria-label", "Cypher query");
  editor.onValueChanged((value) => options.onChange(value));

  return {
    getValue: () => editor.codemirror.state.doc.toString(),
    setValue: (text) => editor.setValue(text),
    focus: () => editor.focus(),
    setSchema: (schema) => editor.setSchema(schema),
    goTo: (line, column) => {
      editor.setPosition({ line, column });
      editor.focus();
    },
  };
};

function isWrapped(created: EditorApi | { editor: EditorApi }): created is { editor: EditorApi } {
  return "editor" in created && typeof created.editor === "object" && created.editor !== null;
}
