import { z } from "zod";

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect), as plain JSON. */
export type JsonSchema = { [key: string]: unknown };

/**
 * Turns the contract's zod schemas into OpenAPI 3.1 schemas. zod writes the schemas a schema
 * repeats or nests in itself (a property value holds property values) under its own `$defs`,
 * referred to as `#/$defs/name`; inside an OpenAPI document `#` is the document, so each of them
 * moves to `components.schemas`, under one name per distinct definition, and the references follow.
 */
export class OpenApiSchemas {
  /** components.schemas of the document. */
  readonly components: { [name: string]: JsonSchema } = {};
  private readonly byContent = new Map<string, string>();

  /**
   * `io: "input"` for what a request sends (a coerced number is a number, a default is optional),
   * `"output"` for what an answer carries. `hint` names the hoisted definitions (`GraphAnswer`).
   */
  convert(schema: z.ZodType, io: "input" | "output", hint: string): JsonSchema {
    const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
    delete json.$schema;
    const defs = (json.$defs ?? {}) as { [name: string]: JsonSchema };
    delete json.$defs;
    const renamed = new Map<string, string>();
    let index = 0;
    for (const [name, definition] of Object.entries(defs)) {
      index += 1;
      const key = JSON.stringify(definition);
      const known = this.byContent.get(key);
      const target = known ?? this.freeName(`${hint}${index === 1 ? "" : index}Value`);
      if (!known) this.byContent.set(key, target);
      renamed.set(name, target);
    }
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (value === null || typeof value !== "object") return value;
      const out: JsonSchema = {};
      for (const [key, inner] of Object.entries(value)) {
        if (key === "$ref" && typeof inner === "string" && inner.startsWith("#/$defs/")) {
          const target = renamed.get(decodeURIComponent(inner.slice("#/$defs/".length)));
          out[key] = target === undefined ? inner : `#/components/schemas/${target}`;
        } else out[key] = rewrite(inner);
      }
      return out;
    };
    for (const [name, definition] of Object.entries(defs)) {
      const target = renamed.get(name) as string;
      if (!(target in this.components)) this.components[target] = rewrite(definition) as JsonSchema;
    }
    return rewrite(json) as JsonSchema;
  }

  private freeName(base: string): string {
    let name = base;
    for (let n = 2; name in this.components || [...this.byContent.values()].includes(name); n += 1)
      name = `${base}${n}`;
    return name;
  }
}
