import type { z } from "zod";
import { type ClaimsFile, claimsFileSchema } from "../../../contract/claims-file";
import type { IngestProblem } from "../../../contract/graph-contract";
import { firstDay, today } from "../../../contract/partial-dates";

export type Validation = { file: ClaimsFile; problems: [] } | { file: null; problems: IngestProblem[] };

/** `$.claims[3].quote` from zod's path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : `${text}.${String(key)}`),
    "$",
  );
}

const issuesToProblems = (issues: readonly z.core.$ZodIssue[]): IngestProblem[] =>
  issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));

/** A field of parsed JSON that may be anything: what the cross checks read before or without zod. */
const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
const text = (value: unknown, key: string): string | undefined => {
  const found = field(value, key);
  return typeof found === "string" ? found : undefined;
};
const list = (value: unknown, key: string): unknown[] => {
  const found = field(value, key);
  return Array.isArray(found) ? found : [];
};
/** A date as the schema writes it (`2024`, `2024-05`, `2024-05-17`); others are zod's to report. */
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Problems zod cannot see: dates after today, references to sources the file does not declare,
 * validity that ends before it starts. They read the JSON as given, so a file with schema
 * problems gets these reported in the same answer, not after the first ones are fixed.
 */
function crossChecks(json: unknown, day: string): IngestProblem[] {
  const problems: IngestProblem[] = [];
  const date = (owner: unknown, key: string) => {
    const value = text(owner, key);
    return value !== undefined && PARTIAL_DATE.test(value) ? value : undefined;
  };
  const future = (owner: unknown, key: string, path: string) => {
    const value = date(owner, key);
    if (value !== undefined && firstDay(value) > day)
      problems.push({ path: `${path}.${key}`, message: `${value} is in the future (today is ${day})` });
  };
  const sourceIds = new Set<string>();
  list(json, "sources").forEach((source, index) => {
    const id = text(source, "id");
    if (id !== undefined && sourceIds.has(id))
      problems.push({ path: `$.sources[${index}].id`, message: `source "${id}" is declared twice` });
    if (id !== undefined) sourceIds.add(id);
    future(source, "publishedAt", `$.sources[${index}]`);
  });
  const known = (id: string | undefined, path: string) => {
    if (id !== undefined && !sourceIds.has(id)) problems.push({ path, message: `no source "${id}" in $.sources` });
  };
  const article = field(json, "article");
  known(text(article, "source"), "$.article.source");
  future(article, "publishedAt", "$.article");
  list(json, "claims").forEach((claim, index) => {
    const at = `$.claims[${index}]`;
    known(text(claim, "source"), `${at}.source`);
    known(text(claim, "republishes"), `${at}.republishes`);
    future(claim, "reportedAt", at);
    const validFrom = date(claim, "validFrom");
    const validTo = date(claim, "validTo");
    if (validFrom !== undefined && validTo !== undefined && firstDay(validTo) < firstDay(validFrom))
      problems.push({ path: `${at}.validTo`, message: `validTo ${validTo} is before validFrom ${validFrom}` });
  });
  return problems;
}

/** Checks a claims file, given as JSON text or as parsed JSON, and lists every problem with its path. */
export function validateClaimsFile(input: string | unknown, now: Date = new Date()): Validation {
  let json: unknown = input;
  if (typeof input === "string") {
    try {
      json = JSON.parse(input);
    } catch (error) {
      return { file: null, problems: [{ path: "$", message: `malformed JSON: ${(error as Error).message}` }] };
    }
  }
  const parsed = claimsFileSchema.safeParse(json);
  const problems = [...(parsed.success ? [] : issuesToProblems(parsed.error.issues)), ...crossChecks(json, today(now))];
  return parsed.success && problems.length === 0 ? { file: parsed.data, problems: [] } : { file: null, problems };
}
