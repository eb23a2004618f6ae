/** What the fault suite checks around every case: the graph's counts, running transactions, polling. */
import type { Driver } from "neo4j-driver";
import { META_LABELS } from "../../server/src/claims/claims-queries";

export interface GraphCounts {
  /** Every node and relationship in the database: what a write would change. */
  nodes: number;
  relationships: number;
  /** What the graph endpoints show: the app's own records (saved views, claims, articles) left out. */
  shownNodes: number;
  shownRelationships: number;
}

export async function graphCounts(driver: Driver): Promise<GraphCounts> {
  const { records } = await driver.executeQuery(
    `CALL { MATCH (n) RETURN count(n) AS nodes }
     CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
     CALL { MATCH (n) WHERE NOT n:${META_LABELS} RETURN count(n) AS shownNodes }
     CALL { MATCH (n)-[r]->() WHERE NOT n:${META_LABELS} RETURN count(r) AS shownRelationships }
     RETURN nodes, relationships, shownNodes, shownRelationships`,
  );
  const count = (key: string) => Number(records[0]?.get(key));
  return {
    nodes: count("nodes"),
    relationships: count("relationships"),
    shownNodes: count("shownNodes"),
    shownRelationships: count("shownRelationships"),
  };
}

/** The workbench transactions Neo4j is running now (the app tags them with metaData.purpose). */
export async function workbenchTransactions(driver: Driver): Promise<string[]> {
  const { records } = await driver.executeQuery(
    "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.purpose = 'workbench' RETURN transactionId",
  );
  return records.map((record) => record.get("transactionId") as string);
}

/** Polls until the condition holds; false if it never did within the time. */
export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A check that throws (Neo4j still starting) counts as "not yet".
    const holds = await Promise.resolve()
      .then(condition)
      .catch(() => false);
    if (holds) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

export interface TimedResponse {
  status: number;
  body: unknown;
  headers: Headers;
  elapsedMs: number;
}

/** One request, timed; a body that is not JSON comes back as its text. */
export async function timedFetch(url: string, init: RequestInit = {}): Promise<TimedResponse> {
  const started = Date.now();
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text, so an assertion can show it.
  }
  return { status: response.status, body, headers: response.headers, elapsedMs: Date.now() - started };
}

export function postCypher(baseUrl: string, query: string, signal?: AbortSignal): Promise<TimedResponse> {
  return timedFetch(`${baseUrl}/api/cypher`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
    ...(signal ? { signal } : {}),
  });
}
