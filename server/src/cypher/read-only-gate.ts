import type { ResultSummary } from "neo4j-driver";
import { AppError } from "../errors/app-error";
import { measureCypher } from "./measure-cypher";
import { codeOnly } from "./scan-cypher";
import { splitCypherStatements } from "./split-cypher-statements";

/** Read procedures the workbench may call: schema reads and full-text search. Nothing that loads, writes or reveals settings, users or queries. */
export const ALLOWED_PROCEDURES = new Set([
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.schema.visualization",
  "db.schema.nodeTypeProperties",
  "db.schema.relTypeProperties",
  "db.index.fulltext.queryNodes",
  "db.index.fulltext.queryRelationships",
]);

/** Plan operators that only read the schema: the SHOW commands an analyst may use. */
const ALLOWED_SHOW = new Set(["ShowIndexes", "ShowConstraints", "ShowFunctions", "ShowProcedures"]);

const forbidden = (message: string) => new AppError("QUERY_FORBIDDEN", 403, message);

/**
 * How complex a statement may be before Neo4j sees it (see measureCypher): CYPHER_MAX_DEPTH and
 * CYPHER_MAX_UNIONS, whose defaults sit well below what overflows Neo4j's parser (about 250
 * levels) and well above what an analyst writes.
 */
export interface TextLimits {
  maxDepth: number;
  maxUnions: number;
}

/**
 * Checks on the text before anything reaches Neo4j: one statement, no USE clause, no nesting or
 * UNION chain deep enough to overflow Neo4j's parser or the driver's plan reader.
 * Returns the single statement, without a trailing semicolon.
 */
export function checkQueryText(query: string, limits: TextLimits): string {
  const statements = splitCypherStatements(query);
  if (statements.length === 0) throw new AppError("VALIDATION", 400, "The query is empty.");
  if (statements.length > 1) {
    throw new AppError("VALIDATION", 400, `Send one statement at a time; this request holds ${statements.length}.`);
  }
  const statement = statements[0] as string;
  // `USE x`, `USE(x)`: the plan check below catches any other spelling by the database it names.
  if (/\bUSE\b/i.test(codeOnly(statement))) {
    throw forbidden("USE is not available: the workbench queries the configured database only.");
  }
  const { depth, unions } = measureCypher(statement);
  if (depth > limits.maxDepth) {
    throw new AppError(
      "VALIDATION",
      400,
      `The query nests too deeply: ${depth} levels of brackets, CASE and chained operators, where at most ${limits.maxDepth} are allowed. Split it up, or use a list and IN.`,
    );
  }
  if (unions > limits.maxUnions) {
    throw new AppError(
      "VALIDATION",
      400,
      `The query joins ${unions + 1} parts with UNION, where at most ${limits.maxUnions + 1} are allowed. Use UNWIND over a list instead.`,
    );
  }
  return statement;
}

interface PlanNode {
  operatorType: string;
  arguments: { [key: string]: unknown };
  children: PlanNode[];
}

function* walk(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

/**
 * The procedures a plan operator calls: its own (ProcedureCall: "db.labels() :: ...") and those of
 * subqueries nested in its expressions, which Neo4j plans separately and only shows as text
 * ("COLLECT { ResolvedCall(db.stats.retrieve(...) ...) }").
 */
function calledProcedures(operator: string, details: string): string[] {
  const nested = [...details.matchAll(/ResolvedCall\(\s*([\w.]+)\s*\(/g)].map((match) => match[1] as string);
  if (operator !== "ProcedureCall") return nested;
  return [details.split("(")[0]?.trim() ?? "", ...nested];
}

function refuseSchemaOrAdmin(plan: PlanNode | false): never {
  const changesSchema = plan && [...walk(plan)].some((node) => /^(Create|Drop)/.test(node.operatorType));
  if (changesSchema) {
    throw new AppError("WRITE_FORBIDDEN", 403, "The workbench is read-only: this query would change the schema.");
  }
  throw forbidden("Administration commands and DBMS procedures are not available in the workbench.");
}

/**
 * The EXPLAIN gate: Neo4j's own planner says what the query would do, however it is written
 * (comments, subqueries, escapes). Only a plain read against the configured database passes.
 */
export function checkPlan(summary: ResultSummary, database: string): void {
  const type = summary.queryType;
  const plan = summary.plan as PlanNode | false;
  if (type === "w" || type === "rw") {
    throw new AppError("WRITE_FORBIDDEN", 403, "The workbench is read-only: this query would write to the graph.");
  }
  if (type === "s") refuseSchemaOrAdmin(plan);
  if (type !== "r" || !plan) {
    throw forbidden("Neo4j could not confirm this query only reads, so it is not run.");
  }
  for (const node of walk(plan)) {
    const [operator = "", target] = node.operatorType.split("@");
    const details = String(node.arguments.Details ?? node.arguments.details ?? "");
    if (target !== undefined && target !== database) {
      throw forbidden("The workbench queries the configured database only.");
    }
    if (operator === "LoadCSV" || /LOAD\s+CSV/i.test(details)) {
      throw forbidden("LOAD CSV is not available: it reads files and URLs from the server.");
    }
    for (const name of calledProcedures(operator, details)) {
      if (!ALLOWED_PROCEDURES.has(name)) {
        throw forbidden(
          `The procedure ${name} is not available in the workbench (allowed: ${[...ALLOWED_PROCEDURES].join(", ")}).`,
        );
      }
    }
    if ((operator.startsWith("Show") && !ALLOWED_SHOW.has(operator)) || operator.startsWith("Terminate")) {
      throw forbidden(
        "SHOW and TERMINATE commands about settings, users, databases or transactions are not available.",
      );
    }
    if (operator === "AdministrationCommand") refuseSchemaOrAdmin(false);
    // The workbench runs auto-commit transactions, where Neo4j would accept batches that commit on
    // their own, outside the one transaction the timeout and a cancel apply to.
    if (operator === "TransactionApply" || operator === "TransactionForeach") {
      throw new AppError(
        "VALIDATION",
        400,
        "CALL { ... } IN TRANSACTIONS is not available in the workbench: a read needs no batches of its own.",
      );
    }
  }
}
