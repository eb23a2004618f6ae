import type { GraphSchemaInfo } from "../../../../contract/graph-contract";
import { describeCypherError } from "./describe-cypher-error";
import { toEditorSchema } from "./editor-schema";
import type { EditorSlot } from "./editor-slot";

export interface SchemaCompletion {
  /** Fetches GET /api/schema once and hands it to the editor; the note says what completion knows. */
  load(): void;
  /** Hands the schema over again, with the current parameter names. */
  refresh(): void;
}

export function createSchemaCompletion(
  editor: Pick<EditorSlot, "setSchema">,
  note: HTMLElement,
  getSchema: () => Promise<GraphSchemaInfo>,
  parameterNames: () => string[],
): SchemaCompletion {
  let info: GraphSchemaInfo | null = null;
  let requested = false;
  const refresh = () => {
    if (info) editor.setSchema(toEditorSchema(info, parameterNames()));
  };
  return {
    load: () => {
      if (requested) return;
      requested = true;
      note.textContent = "Loading the schema for completion…";
      getSchema().then(
        (schema) => {
          info = schema;
          refresh();
          note.textContent =
            `Schema: ${schema.labels.length} labels, ${schema.relationshipTypes.length} relationship types, ` +
            `${schema.propertyKeys.length} property keys · Ctrl+Space completes`;
        },
        (error: unknown) => {
          requested = false;
          const { code, message } = describeCypherError(error);
          note.textContent = `Completion without the live schema (${code}: ${message}); reopen to retry.`;
        },
      );
    },
    refresh,
  };
}
