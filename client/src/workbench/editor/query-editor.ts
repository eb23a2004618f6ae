import type { EditorSchema } from "./editor-schema";

/** The Cypher editor as the workbench uses it; cypher-editor.ts implements it in a lazily loaded chunk. */
export interface QueryEditor {
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
  setSchema(schema: EditorSchema): void;
  /** Puts the cursor at a 1-based line and column and focuses the editor. */
  goTo(line: number, column: number): void;
}

export interface QueryEditorOptions {
  value: string;
  placeholder: string;
  /** Ctrl+Enter or Cmd+Enter. */
  onRun(): void;
  onChange(value: string): void;
}

export type CreateQueryEditor = (parent: HTMLElement, options: QueryEditorOptions) => QueryEditor;
