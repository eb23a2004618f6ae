/**
 * A private Neo4j for tests and benchmarks that stop, restart, fill or wipe their database:
 * its own home (`.neo4j/private-<name>/`, git-ignored) and Bolt port, the same downloaded jars
 * and neo4j.conf as the project's own server, which it never touches.
 *
 *   const neo4j = await startPrivateNeo4j({ name: "faults", boltPort: 7690 });
 *   ... createDriver(neo4j.connection) / startTestApp({ neo4j: neo4j.connection }) ...
 *   await neo4j.stop(); await neo4j.start();   // a restart, data kept
 *   await neo4j.stop();                          // at the end
 *
 * HTTP stays off as in the project's conf, so a Bolt port is all it needs. It takes 15 to 30 s
 * to start here: share one per test file. Each user has its own Bolt port (7687 is the project's):
 * `grep -rn "boltPort" tests scripts` lists those taken; a new one takes a free one.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { projectRoot } from "../project-root";
import { seedDatabase } from "../seed/seed-database";
import { startLocalNeo4j, stopLocalNeo4j } from "./local-neo4j";
import type { LocalNeo4jSettings } from "./local-neo4j-settings";
import { type Neo4jLayout, neo4jLayout } from "./neo4j-layout";

export interface PrivateNeo4jOptions {
  /** Names the home folder, `.neo4j/private-<name>/`: one name per user (faults, bench...). */
  name: string;
  boltPort: number;
  /** Start from an empty database (default), or keep what the last run left. */
  fresh?: boolean;
  /** Apply cypher/schema.cypher and cypher/seed/ once it is up (default true). */
  seed?: boolean;
  heapSize?: string;
  pageCacheSize?: string;
  /** db.memory.transaction.max: lower it to test the per-transaction memory limit. */
  transactionMemoryMax?: string;
}

export interface PrivateNeo4j {
  /** What createDriver and startTestApp take. */
  connection: { uri: string; username: string; password: string; database: string };
  layout: Neo4jLayout;
  /** Starts it again after stop(), with its data; resolves once it accepts Bolt. */
  start(): Promise<void>;
  /** Stops it cleanly (SIGTERM, SIGKILL only after a minute). */
  stop(): Promise<void>;
}

// Only ever bound to 127.0.0.1, and set on the private home's first start.
const PRIVATE_PASSWORD = "private-neo4j-local";

export async function startPrivateNeo4j(options: PrivateNeo4jOptions): Promise<PrivateNeo4j> {
  const layout = neo4jLayout(projectRoot, undefined, `private-${options.name}`);
  const settings: LocalNeo4jSettings = {
    NEO4J_URI: `bolt://127.0.0.1:${options.boltPort}`,
    NEO4J_USERNAME: "neo4j",
    NEO4J_PASSWORD: PRIVATE_PASSWORD,
    NEO4J_HEAP_SIZE: options.heapSize ?? "512m",
    NEO4J_PAGECACHE_SIZE: options.pageCacheSize ?? "64m",
    NEO4J_TRANSACTION_MEMORY_MAX: options.transactionMemoryMax ?? "256m",
    NEO4J_START_TIMEOUT: 180,
  };
  const pom = join(projectRoot, "scripts", "neo4j", "pom.xml");
  const connection = { uri: settings.NEO4J_URI, username: "neo4j", password: PRIVATE_PASSWORD, database: "neo4j" };

  // A run that crashed may have left this home's server up, with another neo4j.conf.
  await stopLocalNeo4j(layout);
  if (options.fresh ?? true) rmSync(layout.dataDir, { recursive: true, force: true });
  await startLocalNeo4j(layout, settings, pom);
  if (options.seed ?? true) {
    const driver = createDriver(connection);
    try {
      await seedDatabase(driver, connection.database, join(projectRoot, "cypher"));
    } finally {
      await driver.close();
    }
  }
  return {
    connection,
    layout,
    start: async () => {
      await startLocalNeo4j(layout, settings, pom);
    },
    stop: async () => {
      await stopLocalNeo4j(layout);
    },
  };
}
