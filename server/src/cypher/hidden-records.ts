import type { ResultSummary } from "neo4j-driver";
import { AppError } from "../errors/app-error";
import type { HiddenRecordRules } from "../neo4j/hide-records";

/**
 * What the workbench keeps to the app: the records about people and work in progress (accounts,
 * sessions, API keys, the audit trail, drafts, an analyst's watches). The graph's reads leave out a longer list
 * (META_LABELS in claims/claims-queries.ts); the workbench shows the rest of it on purpose
 * (WORKBENCH_READABLE_RECORDS: claims, articles, relationship types, saved views and the
 * neighbour rankings are about the graph, and what an analyst queries provenance with). A unit test checks that the two lists together are
 * META_LABELS, so a record label added later must be put on one side.
 */
export const WORKBENCH_HIDDEN_LABELS = [
  "AppUser",
  "AuthSession",
  "ApiKey",
  "AuditEvent",
  "Draft",
  "IngestLock",
  "Watch",
];
export const WORKBENCH_READABLE_RECORDS = ["SavedView", "Claim", "Article", "RelationshipType", "NeighbourRanking"];

/** Keys that hold a secret's hash: refused in every query, and never in an answer. */
export const SECRET_KEYS = ["passwordHash", "secretHash", "idHash"];
/** Keys only the hidden records carry, under names nothing in the graph uses. */
export const RECORD_KEYS = [
  "nameKey",
  "mustChangePassword",
  "userKey",
  "createdMs",
  "lastSeenMs",
  "lastUsedAt",
  "claimsFile",
  "seenAt",
];
/**
 * Keys the hidden records carry under everyday names (an audit event's actor, address, action and
 * summary; a draft's content; a user's role): refused only where a query reads nodes of any label.
 */
export const GENERIC_RECORD_KEYS = [
  "role",
  "external",
  "actor",
  "address",
  "action",
  "summary",
  "content",
  "committed",
  "itemCount",
  "revision",
  "createdBy",
  "updatedBy",
  "owner",
];

/** What the answer's rows are cleaned of (hideRecord). */
export const WORKBENCH_HIDDEN: HiddenRecordRules = {
  labels: new Set(WORKBENCH_HIDDEN_LABELS),
  keys: new Set([...SECRET_KEYS, ...RECORD_KEYS]),
  secretValue: (text) => text.startsWith("$argon2"),
};

/** Plan operators that produce nodes of any label: the only way to a hidden record (they have no relationships). */
const UNLABELLED_SOURCES = new Set(["AllNodesScan", "PartitionedAllNodesScan", "NodeByIdSeek", "NodeByElementIdSeek"]);

interface PlanNode {
  operatorType: string;
  arguments: { [key: string]: unknown };
  children: PlanNode[];
}

function* walk(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

const alternation = (names: readonly string[]) => names.join("|");
const LABEL_IN_PLAN = new RegExp(`[:|&!]\\s*\`?(${alternation(WORKBENCH_HIDDEN_LABELS)})\`?(?!\\w)`);
const HIDDEN_LABEL_SET = new Set(WORKBENCH_HIDDEN_LABELS);
/** A hidden label as a string the planner would turn into a parameter ('AppUser' IN labels(n)). */
const LABEL_IN_TEXT = new RegExp(`['"](${alternation(WORKBENCH_HIDDEN_LABELS)})['"]`);
const keyRead = (keys: readonly string[]) => new RegExp(`\\.\\s*\`?(${alternation(keys)})\`?(?!\\w)`);
const SECRET_READ = keyRead(SECRET_KEYS);
const RECORD_READ = keyRead([...RECORD_KEYS, ...GENERIC_RECORD_KEYS]);
/** `n[k]`, `properties(n)`, `n{.*}`: reads of keys the query does not name. */
const DYNAMIC_READ = /(?<![\w$])(?!cache\[)[A-Za-z_]\w*`?\s*\[|\bproperties\s*\(|\.\s*\*/;

const refuse = (message: string) => new AppError("QUERY_FORBIDDEN", 403, message);
const HIDDEN_NAMES = "user accounts, sessions, API keys, the audit trail and drafts";

/** Every string in the query's parameters (nested lists and maps too). */
function parameterStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const item of value) parameterStrings(item, into);
  else if (value !== null && typeof value === "object")
    for (const item of Object.values(value)) parameterStrings(item, into);
  return into;
}

/**
 * Refuses parameters that name a hidden label (`MATCH (n:$($label))`). The only part of the check
 * that reads the values: the rest depends on the statement's text and plan, so a statement that
 * passed is remembered by its text and only this runs again (run-read-only-cypher.ts).
 */
export function checkHiddenParams(params: { [key: string]: unknown }): void {
  const named = parameterStrings(params).find((text) => HIDDEN_LABEL_SET.has(text));
  if (named) {
    throw refuse(
      `The workbench does not read ${HIDDEN_NAMES}: "${named}" is the app's own record. Query the graph's labels instead.`,
    );
  }
}

/**
 * Refuses a statement that would read the hidden records, from its text, its parameters and the
 * plan Neo4j made of it (EXPLAIN): a hidden label named anywhere (a scan, a filter, a string the
 * planner turned into a parameter), a secret's key anywhere, and, where the plan reads nodes of any
 * label (MATCH (n), a node by id), the records' own keys and reads of keys it does not name. The
 * rows are cleaned afterwards too (WORKBENCH_HIDDEN); see docs/decisions/0010 for what remains.
 */
export function checkHiddenRecords(
  statement: string,
  params: { [key: string]: unknown },
  summary: ResultSummary,
): void {
  const named = LABEL_IN_TEXT.exec(statement)?.[1];
  if (named) {
    throw refuse(
      `The workbench does not read ${HIDDEN_NAMES}: "${named}" is the app's own record. Query the graph's labels instead.`,
    );
  }
  checkHiddenParams(params);
  const plan = summary.plan as PlanNode | false;
  if (!plan) return;
  const operators = [...walk(plan)].map((node) => ({
    operator: node.operatorType.split("@")[0] ?? "",
    details: String(node.arguments.Details ?? node.arguments.details ?? ""),
  }));
  for (const { details } of operators) {
    const label = LABEL_IN_PLAN.exec(details);
    if (label) {
      throw refuse(
        `The workbench does not read ${HIDDEN_NAMES}: "${label[1]}" is the app's own record. Query the graph's labels instead.`,
      );
    }
    const secret = SECRET_READ.exec(details);
    if (secret) throw refuse(`The workbench does not read ${secret[1]}: it is a secret's hash, kept to the app.`);
  }
  if (!operators.some(({ operator }) => UNLABELLED_SOURCES.has(operator))) return;
  for (const { details } of operators) {
    const key = RECORD_READ.exec(details);
    if (key) {
      throw refuse(
        `This query reads nodes of every label, and "${key[1]}" is a key of the app's own records (${HIDDEN_NAMES}). Name the label you mean, e.g. MATCH (n:Company).`,
      );
    }
    if (DYNAMIC_READ.test(details)) {
      throw refuse(
        `This query reads nodes of every label and keys it does not name (n[key], properties(n), n{.*}), which would reach the app's own records (${HIDDEN_NAMES}). Name the label you mean, e.g. MATCH (n:Company), or the keys, e.g. n.name.`,
      );
    }
  }
}
