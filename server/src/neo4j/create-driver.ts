import neo4j, { type Driver } from "neo4j-driver";
import type { AppConfig } from "../config/app-config";

/** How long the driver goes on retrying a transaction that failed transiently (and Neo4jDatabase.readOnce a read). */
export const MAX_TRANSACTION_RETRY_MS = 5_000;

/**
 * One driver per process. `neo4j://` and `neo4j+s://` URIs give the routing driver
 * (Aura, clusters: reads go to followers); `bolt://` talks to one server.
 * Nothing is checked here: the app starts while Neo4j is down and the driver reconnects on demand.
 */
export function createDriver(config: AppConfig["neo4j"]): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password), {
    userAgent: "graph-explorer/0.1",
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    maxTransactionRetryTime: MAX_TRANSACTION_RETRY_MS,
  });
}
