import { el } from "../../dom/el";
import type { EditorSchema } from "./editor-schema";
import type { CreateQueryEditor, QueryEditor } from "./query-editor";

export interface EditorSlot {
  /** Loads the editor chunk and mounts the editor, once; rejects when the chunk cannot load. */
  load(): Promise<void>;
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
  setSchema(schema: EditorSchema): void;
  goTo(line: number, column: number): void;
}

export interface EditorSlotOptions {
  initial: string;
  onRun(): void;
  onChange(text: string): void;
  /** `() => import("./cypher-editor").then((m) => m.createQueryEditor)`: the chunk with CodeMirror and antlr4. */
  loadEditor(): Promise<CreateQueryEditor>;
}

const PLACEHOLDER = "MATCH (c:Company)-[r:SOURCES_FROM]->(s) RETURN c, r, s LIMIT 25";

/** Holds the query text before the lazily loaded editor arrives, then hands over to it. */
export function createEditorSlot(host: HTMLElement, options: EditorSlotOptions): EditorSlot {
  let draft = options.initial;
  let editor: QueryEditor | null = null;
  let schema: EditorSchema | null = null;
  let pendingGoTo: [number, number] | null = null;
  let loading: Promise<void> | null = null;

  const mount = (create: CreateQueryEditor) => {
    host.replaceChildren();
    editor = create(host, {
      value: draft,
      placeholder: PLACEHOLDER,
      onRun: options.onRun,
      onChange: (text) => {
        draft = text;
        options.onChange(text);
      },
    });
    if (schema) editor.setSchema(schema);
    if (pendingGoTo) editor.goTo(...pendingGoTo);
  };

  return {
    load: () => {
      loading ??= options
        .loadEditor()
        .then(mount)
        .catch((error: unknown) => {
          loading = null;
          host.replaceChildren(el("p", { class: "wb-loading" }, "The Cypher editor could not be loaded."));
          throw error;
        });
      return loading;
    },
    getValue: () => editor?.getValue() ?? draft,
    setValue: (text) => {
      draft = text;
      editor?.setValue(text);
      options.onChange(text);
    },
    focus: () => editor?.focus(),
    setSchema: (next) => {
      schema = next;
      editor?.setSchema(next);
    },
    goTo: (line, column) => {
      if (editor) editor.goTo(line, column);
      else pendingGoTo = [line, column];
    },
  };
}
