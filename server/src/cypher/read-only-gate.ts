import type { ResultSummary } from "neo4j-driver";
import { AppError } from "../errors/app-error";
import { codeOnly } from "./scan-cypher";
import { splitCypherStatements } from "./split-cypher-statements";

/** Read procedures the workbench may call: schema reads and full-text search. Nothing that loads, writes or reveals settings or users. */
export const ALLOWED_PROCEDURES = new Set([
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.schema.visualization",
  "db.schema.nodeTypeProperties",
  "db.schema.relTypeProperties",
  "db.index.fulltext.queryNodes",
  "db.index.fulltext.queryRelationships",
  "dbms.components",
]);

/** Plan operators that only read the schema: the SHOW commands an analyst may use. */
const ALLOWED_SHOW = new Set(["ShowIndexes", "ShowConstraints", "ShowFunctions", "ShowProcedures"]);

const forbidden = (message: string) => new AppError("QUERY_FORBIDDEN", 403, message);

/**
 * Checks on the text before anything reaches Neo4j: one statement, no USE clause.
 * Returns the single statement, without a trailing semicolon.
 */
export function checkQueryText(query: string): string {
  const statements = splitCypherStatements(query);
  if (statements.length === 0) throw new AppError("VALIDATION", 400, "The query is empty.");
  if (statements.length > 1) {
    throw new AppError("VALIDATION", 400, `Send one statement at a time; this request holds ${statements.length}.`);
  }
  const statement = statements[0] as string;
  if (/\bUSE\s/i.test(codeOnly(statement))) {
    throw forbidden("USE is not available: the workbench queries the configured database only.");
  }
  return statement;
}

interface PlanNode {
  operatorType: string;
  arguments: { [key: string]: unknown };
  children: PlanNode[];
}

function operatorName(node: PlanNode): string {
  // "ProcedureCall@neo4j" → "ProcedureCall"
  return node.operatorType.split("@")[0] ?? node.operatorType;
}

function* walk(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

/** "db.labels() :: (label :: STRING)" → "db.labels" */
function procedureName(node: PlanNode): string {
  const details = String(node.arguments.Details ?? node.arguments.details ?? "");
  return details.split("(")[0]?.trim() ?? "";
}

/**
 * The EXPLAIN gate: Neo4j's own planner says what the query would do, however it is written
 * (comments, subqueries, escapes). Anything but a plain read is refused before it runs.
 */
export function checkPlan(summary: ResultSummary): void {
  const type = summary.queryType;
  if (type === "w" || type === "rw") {
    throw new AppError("WRITE_FORBIDDEN", 403, "The workbench is read-only: this query would write to the graph.");
  }
  if (type === "s") {
    throw new AppError(
      "WRITE_FORBIDDEN",
      403,
      "The workbench is read-only: this query would change the schema or run an administration command.",
    );
  }
  const plan = summary.plan as PlanNode | false;
  if (!plan) return;
  for (const node of walk(plan)) {
    const operator = operatorName(node);
    if (operator === "LoadCSV") {
      throw forbidden("LOAD CSV is not available: it reads files and URLs from the server.");
    }
    if (operator === "ProcedureCall") {
      const name = procedureName(node);
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
    if (operator === "AdministrationCommand") {
      throw forbidden("Administration commands are not available in the workbench.");
    }
  }
}
