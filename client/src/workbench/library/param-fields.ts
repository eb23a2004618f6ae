import type { PropertyValue } from "../../../../contract/graph-contract";

export type ParamKind = "number" | "text" | "boolean" | "json";

export interface ParamField {
  name: string;
  kind: ParamKind;
  /** The example value as the input's text ("true"/"false" for booleans). */
  initial: string;
}

export type ParamRead = { ok: true; value: unknown } | { ok: false; message: string };

/** The input a library parameter gets, from its example value: numbers, text, a checkbox, or JSON. */
export function paramField(name: string, example: PropertyValue): ParamField {
  if (typeof example === "number") return { name, kind: "number", initial: String(example) };
  if (typeof example === "string") return { name, kind: "text", initial: example };
  if (typeof example === "boolean") return { name, kind: "boolean", initial: String(example) };
  return { name, kind: "json", initial: JSON.stringify(example) };
}

/** The value typed into a parameter's input, or why it cannot be sent. */
export function readParam(field: Pick<ParamField, "name" | "kind">, raw: string): ParamRead {
  switch (field.kind) {
    case "number": {
      const value = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(value)) return { ok: false, message: `$${field.name} needs a number.` };
      return { ok: true, value };
    }
    case "boolean":
      return { ok: true, value: raw === "true" };
    case "text":
      return { ok: true, value: raw };
    case "json":
      try {
        return { ok: true, value: JSON.parse(raw) as unknown };
      } catch {
        return { ok: false, message: `$${field.name} is not valid JSON (a list looks like ["a", "b"]).` };
      }
  }
}

/** A library query without its `// @name`, `// @description`, `// @param` header (the form shows those). */
export function libraryQueryBody(text: string): string {
  return text.replace(/^(?:[ \t]*\/\/[ \t]*@[^\n]*(?:\n|$))+/, "").trim();
}
