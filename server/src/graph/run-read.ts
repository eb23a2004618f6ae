import neo4j, { type Driver } from "neo4j-driver";

export interface ReadSettings {
  database: string;
  queryTimeoutMs: number;
}

/** One read query in a READ transaction with the server's timeout; aborting the signal cancels it in Neo4j. */
export function runRead(
  driver: Driver,
  settings: ReadSettings,
  query: string,
  params: Record<string, unknown>,
  signal?: AbortSignal,
) {
  return driver.executeQuery(query, params, {
    database: settings.database,
    routing: neo4j.routing.READ,
    transactionConfig: { timeout: settings.queryTimeoutMs },
    ...(signal ? { signal } : {}),
  });
}
