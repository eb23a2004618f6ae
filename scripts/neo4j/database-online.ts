import neo4j from "neo4j-driver";
import { CliError } from "./cli-error";

/** One row of `SHOW DATABASES` on the system database. */
export interface DatabaseStatusRow {
  name: string;
  requestedStatus: string;
  currentStatus: string;
  statusMessage: string;
}

export type DatabaseVerdict =
  | { state: "online" }
  | { state: "starting"; detail: string }
  | { state: "failed"; problem: string };

/**
 * Whether Neo4j serves its databases: every database asked to be online is online, and `database`
 * (when given) exists. Bolt answering is not enough: a store Neo4j cannot open leaves the server
 * up with that database offline, and every query then fails.
 */
export function databaseVerdict(rows: DatabaseStatusRow[], database?: string): DatabaseVerdict {
  if (database !== undefined && !rows.some((row) => row.name === database)) {
    const known = rows.map((row) => `"${row.name}"`).join(", ");
    return { state: "failed", problem: `Neo4j has no database "${database}" (it has ${known}); check NEO4J_DATABASE` };
  }
  const waiting: string[] = [];
  for (const row of rows) {
    if (row.requestedStatus !== "online" || row.currentStatus === "online") continue;
    const why = row.statusMessage ? `: ${row.statusMessage.replace(/\.$/, "")}` : "";
    if (row.currentStatus === "quarantined") {
      return { state: "failed", problem: `the database "${row.name}" is quarantined${why}` };
    }
    // A database that failed to start is "offline" with the error as its message.
    if (row.currentStatus === "offline" && row.statusMessage) {
      return { state: "failed", problem: `the database "${row.name}" is offline${why}` };
    }
    waiting.push(`the database "${row.name}" is ${row.currentStatus}${why}`);
  }
  return waiting.length === 0 ? { state: "online" } : { state: "starting", detail: waiting.join("; ") };
}

export interface WaitForDatabaseOptions {
  uri: string;
  username: string;
  password: string;
  /** The database the app uses (NEO4J_DATABASE); every database asked to be online is checked anyway. */
  database?: string;
  timeoutMs: number;
  /** The log that says why a database did not start (debug.log). */
  logFile: string;
}

/**
 * Resolves once every database is online; otherwise a CliError naming the problem ("the database
 * "neo4j" is offline: ...") and the log, for the caller to put in context.
 */
export async function waitForDatabaseOnline(options: WaitForDatabaseOptions): Promise<void> {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.username, options.password), {
    connectionTimeout: 2000,
    maxConnectionPoolSize: 1,
  });
  const deadline = Date.now() + options.timeoutMs;
  let last = "no answer to SHOW DATABASES";
  try {
    for (;;) {
      try {
        const result = await driver.executeQuery(
          "SHOW DATABASES YIELD name, requestedStatus, currentStatus, statusMessage",
          {},
          { database: "system" },
        );
        const rows = result.records.map((record) => record.toObject() as unknown as DatabaseStatusRow);
        const verdict = databaseVerdict(rows, options.database);
        if (verdict.state === "online") return;
        if (verdict.state === "failed") {
          throw new CliError(verdict.problem, options.logFile);
        }
        last = verdict.detail;
      } catch (error) {
        if (error instanceof CliError) throw error;
        last = `SHOW DATABASES failed (${(error as { code?: string }).code ?? (error as Error).message})`;
      }
      if (Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await driver.close();
  }
  throw new CliError(`not serving after ${Math.round(options.timeoutMs / 1000)} s: ${last}`, options.logFile);
}
