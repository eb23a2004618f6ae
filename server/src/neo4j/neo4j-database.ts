import neo4j, {
  type Driver,
  type EagerResult,
  isRetryableError,
  type ManagedTransaction,
  type QueryResult,
  type Session,
} from "neo4j-driver";
import { MAX_TRANSACTION_RETRY_MS } from "./create-driver";

export interface DatabaseSettings {
  /** NEO4J_DATABASE. */
  database: string;
  /** How long one query may run before Neo4j stops it. */
  queryTimeoutMs: number;
}

/** readOnce's retries, as the driver's managed transactions wait between theirs. */
const RETRY_FIRST_DELAY_MS = 1_000;
const RETRY_JITTER = 0.2;

/**
 * The one way the server runs Cypher (as Neo4j Browser's bolt service is its one door): reads in
 * READ transactions routed to followers on a cluster (managed, or one auto-commit query on a hot
 * path), writes in one WRITE transaction, all with the timeout; a probe without retries; a READ
 * session for a streamed workbench query. Everything above this floor gets an instance, never the
 * driver.
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

  /**
   * One read query in an auto-commit transaction: one round trip (RUN and PULL together), where
   * `read`'s managed transaction waits for a second one to COMMIT (0.3 ms on loopback, more on a
   * busy machine or a remote Neo4j; decision 0006). For the app's own single-statement reads on an
   * analyst's path (an expansion). A try that fails transiently (the driver's isRetryableError) is
   * made again, as `read`'s are, after 1, then 2 s (a fifth of jitter), never waiting past the
   * driver's retry time. Aborting the signal closes the session: Neo4j stops the query.
   */
  async readOnce(query: string, params: Record<string, unknown> = {}, signal?: AbortSignal): Promise<QueryResult> {
    const started = Date.now();
    for (let delayMs = RETRY_FIRST_DELAY_MS; ; delayMs *= 2) {
      try {
        return await this.autoCommitRead(query, params, signal);
      } catch (error) {
        const wait = delayMs * (1 - RETRY_JITTER + 2 * RETRY_JITTER * Math.random());
        if (signal?.aborted || !isRetryableError(error) || Date.now() - started + wait > MAX_TRANSACTION_RETRY_MS)
          throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private async autoCommitRead(query: string, params: Record<string, unknown>, signal?: AbortSignal) {
    signal?.throwIfAborted();
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    const closeOnAbort = () => void session.close();
    signal?.addEventListener("abort", closeOnAbort);
    try {
      return await session.run(query, params, { timeout: this.settings.queryTimeoutMs });
    } finally {
      signal?.removeEventListener("abort", closeOnAbort);
      await session.close();
    }
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
