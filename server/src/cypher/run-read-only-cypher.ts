import neo4j, { type Driver, type Node, type Record } from "neo4j-driver";
import type { CellValue, CypherResult } from "../../../contract/graph-contract";
import { assignNodeIds, collectElements, elementsToGraph, nodeToElement } from "../graph/records-to-graph";
import { recordToRow } from "../graph/records-to-table";
import { checkPlan, checkQueryText } from "./read-only-gate";
import { toNeo4jParams } from "./to-neo4j-params";

export interface CypherLimits {
  database: string;
  timeoutMs: number;
  rowCap: number;
  maxResponseBytes: number;
  maxGraphElements: number;
}

/**
 * Runs an analyst's query safely: one statement, checked by Neo4j's planner (EXPLAIN) before it
 * runs, in a READ transaction with a timeout, without automatic retries (a query refused for memory
 * would fail again), streamed up to the row and size caps. Aborting the signal closes the session,
 * which makes Neo4j terminate the transaction.
 */
export async function runReadOnlyCypher(
  driver: Driver,
  query: string,
  params: { [key: string]: unknown },
  limits: CypherLimits,
  signal: AbortSignal,
): Promise<CypherResult> {
  const statement = checkQueryText(query);
  const parameters = toNeo4jParams(params) as { [key: string]: unknown };
  const session = driver.session({ database: limits.database, defaultAccessMode: neo4j.session.READ });
  const closeOnAbort = () => void session.close();
  signal.addEventListener("abort", closeOnAbort);
  const started = performance.now();
  try {
    const transaction = await session.beginTransaction({
      timeout: limits.timeoutMs,
      metadata: { app: "graph-explorer", purpose: "workbench" },
    });
    try {
      const explained = await transaction.run(`EXPLAIN ${statement}`, parameters);
      checkPlan(explained.summary);

      const records: Record[] = [];
      let truncatedReason: string | undefined;
      let bytes = 0;
      const result = transaction.run(statement, parameters);
      const columns = await result.keys();
      for await (const record of result) {
        if (records.length === limits.rowCap) {
          truncatedReason = `more than ${limits.rowCap.toLocaleString("en-US")} rows; the first ${limits.rowCap.toLocaleString("en-US")} are shown`;
          break;
        }
        records.push(record);
      }
      const collected = collectElements(records);
      const nodeIds = assignNodeIds(collected.nodes.values());
      const captionOf = (elementId: string) => {
        const node = collected.nodes.get(elementId) as Node;
        return nodeToElement(node, nodeIds.get(elementId) as string).data.caption;
      };
      const rows: CellValue[][] = [];
      for (const record of records) {
        const row = recordToRow(record, nodeIds, captionOf);
        bytes += JSON.stringify(row).length;
        if (bytes > limits.maxResponseBytes) {
          truncatedReason = `the answer is larger than ${Math.round(limits.maxResponseBytes / 1_000_000)} MB; the first ${rows.length.toLocaleString("en-US")} rows are shown`;
          break;
        }
        rows.push(row);
      }
      const graph = elementsToGraph(collected, nodeIds, {
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
    } finally {
      // A read-only transaction: rolling back is all there is to do.
      if (transaction.isOpen()) await transaction.rollback().catch(() => undefined);
    }
  } finally {
    signal.removeEventListener("abort", closeOnAbort);
    await session.close();
  }
}
