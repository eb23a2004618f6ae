import neo4j, { type Driver, type EagerResult, type ManagedTransaction, type Session } from "neo4j-driver";

export interface DatabaseSettings {
  /** NEO4J_DATABASE. */
  database: string;
  /** How long one query may run before Neo4j stops it. */
  queryTimeoutMs: number;
}

/**
 * The one way the server runs Cypher (as Neo4j Browser's bolt service is its one door): reads in
 * READ transactions routed to followers on a cluster, writes in one WRITE transaction, both with
 * the timeout; a probe without retries; a READ session for a streamed workbench query. Everything
 * above this floor gets an instance, never the driver.
 */
export class Neo4jDatabase {
  constructor(
    private readonly driver: Driver,
    readonly settings: DatabaseSettings,
  ) {}

  /** One read query, retried on transient failures; aborting the signal cancels it in Neo4j. */
  read(query: string, params: Record<string, unknown> = {}, signal?: AbortSignal): Promise<EagerResult> {
    return this.driver.executeQuery(query, params, {
      database: this.settings.database,
      routing: neo4j.routing.READ,
      transactionConfig: { timeout: this.settings.queryTimeoutMs },
      ...(signal ? { signal } : {}),
    });
  }

  /** `work` in one WRITE transaction, retried whole on transient failures. */
  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work, { timeout: this.settings.queryTimeoutMs });
    } finally {
      await session.close();
    }
  }

  /** One query, once: no retries, so a Neo4j that is down is reported at once (readiness). */
  async probe(query: string, timeoutMs: number): Promise<EagerResult["records"]> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      return (await session.run(query, {}, { timeout: timeoutMs })).records;
    } finally {
      await session.close();
    }
  }

  /**
   * A READ session for auto-commit queries streamed by the caller (the workbench), which closes
   * it; `fetchSize` records come per batch.
   */
  readSession(fetchSize: number): Session {
    return this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ, fetchSize });
  }
}
