import type { CellValue, CypherResult } from "../../../contract/graph-contract";
import { AppError } from "../errors/app-error";
import { neo4jSays } from "../errors/neo4j-error-to-app-error";
import { hideRecord } from "../neo4j/hide-records";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import {
  assignNodeIds,
  type CollectedElements,
  collectElements,
  elementsToGraph,
  nodeCaption,
} from "../neo4j/records-to-graph";
import { type NodeIds, recordToRow } from "../neo4j/records-to-table";
import { toNeo4jParams } from "../neo4j/to-neo4j-params";
import { checkHiddenParams, checkHiddenRecords, WORKBENCH_HIDDEN } from "./hidden-records";
import { checkPlan, checkQueryText, type TextLimits } from "./read-only-gate";
import type { ReadVerdictCache } from "./read-verdict-cache";

export interface CypherLimits {
  rowCap: number;
  maxResponseBytes: number;
  maxGraphElements: number;
  /** Statements already checked; without it every run is checked. */
  verdicts?: ReadVerdictCache;
  /** Nesting and UNIONs a statement may have before Neo4j sees it. */
  text: TextLimits;
}

/**
 * Neo4j reports some failures of the statement's own values as a database error
 * (`substring('abc', -1)`: ExecutionFailed). In the workbench the statement is the analyst's, so
 * they are the analyst's to fix: 400 with Neo4j's words, not 500.
 */
function asStatementFailure(error: unknown): unknown {
  const { code } = (error ?? {}) as { code?: unknown };
  if (code !== "Neo.DatabaseError.Statement.ExecutionFailed") return error;
  return new AppError("VALIDATION", 400, `Neo4j could not run the query: ${neo4jSays(error as { message?: unknown })}`);
}

/**
 * Runs an analyst's query safely: one statement, checked by Neo4j's planner (EXPLAIN) before it
 * runs (once per statement text when `limits.verdicts` remembers what passed), in a READ
 * auto-commit transaction with a timeout, without automatic retries (a query refused for memory
 * would fail again), streamed up to the row and size caps. Aborting the signal closes the session,
 * which makes Neo4j terminate the transaction.
 */
export async function runReadOnlyCypher(
  database: Neo4jDatabase,
  query: string,
  params: { [key: string]: unknown },
  limits: CypherLimits,
  signal: AbortSignal,
): Promise<CypherResult> {
  const statement = checkQueryText(query, limits.text);
  const parameters = toNeo4jParams(params) as { [key: string]: unknown };
  // One batch holds the whole capped answer and says whether there is more: with the driver's
  // default of 1,000 records, a 1,000-row cap cost a second round trip for the 1,001st.
  const session = database.readSession(limits.rowCap + 1);
  const { database: name, queryTimeoutMs } = database.settings;
  const closeOnAbort = () => void session.close();
  signal.addEventListener("abort", closeOnAbort);
  const started = performance.now();
  // Auto-commit transactions: one round trip per statement, and nothing to roll back. Closing the
  // session while one runs resets the connection, which terminates it in Neo4j.
  const config = { timeout: queryTimeoutMs, metadata: { app: "graph-explorer", purpose: "workbench" } };
  try {
    // The verdict is remembered per statement text (the plan names labels and keys, never parameter
    // values); the parameters are checked on every run, in the app: no EXPLAIN round trip then.
    const remembered = limits.verdicts?.has(name, statement) === true;
    if (remembered) checkHiddenParams(params);
    else {
      const explained = await session.run(`EXPLAIN ${statement}`, parameters, config);
      checkPlan(explained.summary, name);
      checkHiddenRecords(statement, params, explained.summary);
      limits.verdicts?.remember(name, statement);
    }

    // Rows are converted and measured as they stream in, so neither cap lets memory grow unbounded.
    // The graph's elements and the node ids taken are gathered row by row too (not again at the
    // end, nor a set of the ids so far per row: both grew with the answer, decision 0006).
    const rows: CellValue[][] = [];
    const nodeIds: NodeIds = new Map();
    const takenIds = new Set<string>();
    const elements: CollectedElements = { nodes: new Map(), relationships: new Map() };
    const captions = new Map<string, string>();
    let truncatedReason: string | undefined;
    let bytes = 0;
    const result = session.run(statement, parameters, config);
    const columns = await result.keys();
    for await (const received of result) {
      // Rows that carry the app's own records (accounts, sessions, keys, audit, drafts) are left out.
      const record = hideRecord(received, WORKBENCH_HIDDEN);
      if (record === null) continue;
      if (rows.length === limits.rowCap) {
        truncatedReason = `more than ${limits.rowCap.toLocaleString("en-US")} rows; the first ${limits.rowCap.toLocaleString("en-US")} are shown`;
        break;
      }
      const own = collectElements([record]);
      const fresh = [...own.nodes.values()].filter((node) => !nodeIds.has(node.elementId));
      for (const [elementId, dataId] of assignNodeIds(fresh, takenIds)) nodeIds.set(elementId, dataId);
      for (const node of fresh) captions.set(node.elementId, nodeCaption(node, nodeIds.get(node.elementId) as string));
      const row = recordToRow(record, nodeIds, (elementId) => captions.get(elementId) ?? elementId);
      bytes += JSON.stringify(row).length;
      if (bytes > limits.maxResponseBytes) {
        truncatedReason = `the answer is larger than ${Math.round(limits.maxResponseBytes / 1_000_000)} MB; the first ${rows.length.toLocaleString("en-US")} rows are shown`;
        break;
      }
      rows.push(row);
      for (const [elementId, node] of own.nodes) elements.nodes.set(elementId, node);
      for (const [elementId, relationship] of own.relationships) elements.relationships.set(elementId, relationship);
    }
    const graph = elementsToGraph(elements, nodeIds, {
      maxNodes: limits.maxGraphElements,
      maxEdges: limits.maxGraphElements,
    });
    return {
      columns,
      rows,
      graph,
      rowCount: rows.length,
      truncated: truncatedReason !== undefined || graph.truncated,
      ...(truncatedReason || graph.truncated
        ? { truncatedReason: truncatedReason ?? "the graph view is capped; the table has every row" }
        : {}),
      elapsedMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    throw asStatementFailure(error);
  } finally {
    signal.removeEventListener("abort", closeOnAbort);
    await session.close();
  }
}
