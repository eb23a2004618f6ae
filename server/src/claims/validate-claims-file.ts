import type { z } from "zod";
import { type ClaimsFile, claimsFileSchema } from "../../../contract/claims-file";
import type { IngestProblem } from "../../../contract/graph-contract";
import { firstDay, today } from "./partial-dates";

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

/** Problems zod cannot see: dates after today, references to sources the file does not declare. */
function crossChecks(file: ClaimsFile, day: string): IngestProblem[] {
  const problems: IngestProblem[] = [];
  const future = (date: string | undefined, path: string) => {
    if (date !== undefined && firstDay(date) > day)
      problems.push({ path, message: `${date} is in the future (today is ${day})` });
  };
  const sourceIds = new Set<string>();
  file.sources.forEach((source, index) => {
    if (sourceIds.has(source.id))
      problems.push({ path: `$.sources[${index}].id`, message: `source "${source.id}" is declared twice` });
    sourceIds.add(source.id);
    future(source.publishedAt, `$.sources[${index}].publishedAt`);
  });
  const known = (id: string, path: string) => {
    if (!sourceIds.has(id)) problems.push({ path, message: `no source "${id}" in $.sources` });
  };
  known(file.article.source, "$.article.source");
  future(file.article.publishedAt, "$.article.publishedAt");
  file.claims.forEach((claim, index) => {
    const at = `$.claims[${index}]`;
    known(claim.source, `${at}.source`);
    if (claim.republishes !== undefined) known(claim.republishes, `${at}.republishes`);
    future(claim.reportedAt, `${at}.reportedAt`);
    if (
      claim.validFrom !== undefined &&
      claim.validTo !== undefined &&
      firstDay(claim.validTo) < firstDay(claim.validFrom)
    )
      problems.push({
        path: `${at}.validTo`,
        message: `validTo ${claim.validTo} is before validFrom ${claim.validFrom}`,
      });
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
  if (!parsed.success) return { file: null, problems: issuesToProblems(parsed.error.issues) };
  const problems = crossChecks(parsed.data, today(now));
  return problems.length > 0 ? { file: null, problems } : { file: parsed.data, problems: [] };
}
