import type { DbSchema, Neo4jFunction, Neo4jProcedure } from "@neo4j-cypher/language-support";
import type { GraphSchemaInfo } from "../../../../contract/graph-contract";

/**
 * The schema in the shape @neo4j-cypher/language-support lints and completes from (its DbSchema).
 * Only its types are imported here, so the explorer's first chunk stays free of the parser.
 */
export type EditorSchema = DbSchema;

/** The Cypher versions the routines are registered under; Neo4j 5.26 runs CYPHER 5. */
const CYPHER_VERSIONS = ["CYPHER 5", "CYPHER 25"] as const;

/**
 * GET /api/schema as the editor's schema: labels, relationship types, every property key once,
 * which label or type carries which key, the routines with their arguments and results read from
 * their signatures, and the parameter names the parameters box defines. Pure.
 */
export function toEditorSchema(info: GraphSchemaInfo, parameters: readonly string[] = []): EditorSchema {
  const keys = new Set(info.propertyKeys);
  for (const list of [...Object.values(info.nodeProperties), ...Object.values(info.relationshipProperties)]) {
    for (const key of list) keys.add(key);
  }
  const functions = Object.fromEntries(info.functions.map((routine) => [routine.name, toFunction(routine)]));
  const procedures = Object.fromEntries(info.procedures.map((routine) => [routine.name, toProcedure(routine)]));
  return {
    labels: info.labels.map(({ label }) => label),
    relationshipTypes: info.relationshipTypes.map(({ type }) => type),
    propertyKeys: [...keys].sort(),
    functions: Object.fromEntries(CYPHER_VERSIONS.map((version) => [version, functions])),
    procedures: Object.fromEntries(CYPHER_VERSIONS.map((version) => [version, procedures])),
    // Only whether a name is defined matters to the linter; the values are sent at run time.
    parameters: Object.fromEntries(parameters.map((name) => [name, null])),
  };
}

interface Routine {
  name: string;
  signature: string;
  description: string;
}

/** One `name :: TYPE` of a signature, e.g. `input :: STRING`, or `input = DEFAULT_TEMPORAL_ARGUMENT :: ANY`. */
export interface SignaturePart {
  name: string;
  type: string;
  /** The default value of an optional argument, as the signature writes it. */
  default?: string;
}

/**
 * Splits a Neo4j routine signature into its arguments and results:
 * `db.labels() :: (label :: STRING)` gives no arguments and one result `label`;
 * `toLower(input :: STRING) :: STRING` gives one argument and the result type `STRING`. Pure.
 */
export function parseSignature(signature: string): {
  args: SignaturePart[];
  results: SignaturePart[];
  returns: string;
} {
  const open = signature.indexOf("(");
  const close = open < 0 ? -1 : matchingParen(signature, open);
  if (open < 0 || close < 0) return { args: [], results: [], returns: "" };
  const args = splitTopLevel(signature.slice(open + 1, close)).map(toPart);
  const rest = signature
    .slice(close + 1)
    .replace(/^\s*::\s*/, "")
    .trim();
  const results =
    rest.startsWith("(") && rest.endsWith(")") ? splitTopLevel(rest.slice(1, -1)).map(toPart) : ([] as SignaturePart[]);
  return { args, results, returns: rest };
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === "(") depth++;
    else if (text[index] === ")" && --depth === 0) return index;
  }
  return -1;
}

/** Splits on commas outside brackets: a default value such as `{a: 1, b: 2}` or a type such as `MAP<…>` may hold some. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "(" || char === "[" || char === "{" || char === "<") depth++;
    else if (char === ")" || char === "]" || char === "}" || char === ">") depth--;
    else if (char === "," && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}

function toPart(text: string): SignaturePart {
  const separator = text.indexOf("::");
  if (separator < 0) return { name: text.trim(), type: "ANY" };
  const head = text.slice(0, separator);
  const equals = head.indexOf("=");
  const type = text.slice(separator + 2).trim();
  // `options = {} :: MAP`: an optional argument, which a call may leave out.
  if (equals < 0) return { name: head.trim(), type };
  return { name: head.slice(0, equals).trim(), type, default: head.slice(equals + 1).trim() };
}

function toFunction(routine: Routine): Neo4jFunction {
  const { args, returns } = parseSignature(routine.signature);
  return {
    name: routine.name,
    category: "",
    description: routine.description,
    isBuiltIn: true,
    argumentDescription: args.map((arg) => ({ ...arg, description: "", isDeprecated: false })),
    returnDescription: returns,
    signature: routine.signature,
    aggregating: false,
    isDeprecated: false,
  };
}

function toProcedure(routine: Routine): Neo4jProcedure {
  const { args, results } = parseSignature(routine.signature);
  return {
    name: routine.name,
    description: routine.description,
    mode: "READ",
    worksOnSystem: false,
    argumentDescription: args.map((arg) => ({ ...arg, description: "", isDeprecated: false })),
    returnDescription: results.map((result) => ({ ...result, description: "", isDeprecated: false })),
    signature: routine.signature,
    admin: false,
    option: { deprecated: false },
  };
}
