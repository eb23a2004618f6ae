import neo4j, { type Driver } from "neo4j-driver";
import { CliError } from "../../scripts/neo4j/cli-error";
import { localTarget } from "../../scripts/neo4j/local-target";
import { portInUse } from "../../scripts/neo4j/port-in-use";
import { startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";

/** Never the development database (7687): the bench writes millions of elements. */
export const BENCH_NEO4J_URI = "bolt://127.0.0.1:7688";

export interface BenchNeo4jSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export function benchNeo4jSettings(env: NodeJS.ProcessEnv = process.env, uri?: string): BenchNeo4jSettings {
  return {
    uri: uri ?? env.BENCH_NEO4J_URI ?? BENCH_NEO4J_URI,
    username: env.BENCH_NEO4J_USERNAME ?? "neo4j",
    // The private server's password (scripts/neo4j/private-neo4j.ts), unless the bench runs elsewhere.
    password: env.BENCH_NEO4J_PASSWORD ?? "private-neo4j-local",
    database: env.BENCH_NEO4J_DATABASE ?? "neo4j",
  };
}

/**
 * Starts the bench's private Neo4j (home `.neo4j/private-bench/`, data kept between runs) when the
 * URI is local and nothing listens there. Returns the settings to use, and a stop function for a
 * caller that wants to leave the machine as it found it.
 */
export async function ensureBenchNeo4j(
  settings: BenchNeo4jSettings,
): Promise<{ settings: BenchNeo4jSettings; started: boolean; stop: () => Promise<void> }> {
  const target = localTarget(settings.uri);
  if (!target.local || (await portInUse(target.host, target.port))) {
    return { settings, started: false, stop: async () => {} };
  }
  if (target.port === 7687) throw new CliError("the bench never starts a Neo4j on 7687, the development port");
  const server = await startPrivateNeo4j({
    name: "bench",
    boltPort: target.port,
    fresh: false,
    seed: false,
    heapSize: process.env.BENCH_NEO4J_HEAP_SIZE ?? "1g",
    pageCacheSize: process.env.BENCH_NEO4J_PAGECACHE_SIZE ?? "1g",
    transactionMemoryMax: "1g",
  });
  return { settings: { ...server.connection }, started: true, stop: () => server.stop() };
}

export function benchDriver(settings: BenchNeo4jSettings): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    maxConnectionPoolSize: 20,
  });
}
