/**
 * A dump loaded and checked away from the live database: a throwaway Neo4j home next to the live
 * one (`.neo4j/<home>-restore/`, same file system, so the store moves in by renaming), where
 * neo4j-admin loads the dump, checks its consistency, and a private server opens it once to
 * count what it holds. The live store is not read or written.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { basename, dirname, join } from "node:path";
import neo4j from "neo4j-driver";
import { CliError } from "./cli-error";
import { findJava } from "./find-java";
import { startLocalNeo4j, stopLocalNeo4j } from "./local-neo4j";
import { runNeo4jAdmin } from "./neo4j-admin";
import { type Neo4jLayout, neo4jLayout } from "./neo4j-layout";
import { renderNeo4jConf } from "./render-neo4j-conf";

export interface SideStoreOptions {
  /** Memory of the throwaway server and of the consistency check. */
  heapSize?: string;
  pageCacheSize?: string;
  startTimeoutSeconds?: number;
  log?: (line: string) => void;
}

export interface StoreCounts {
  nodes: number;
  relationships: number;
}

/** The side home of a live home: `.neo4j/home` gets `.neo4j/home-restore`. */
export function sideLayout(live: Neo4jLayout): Neo4jLayout {
  return neo4jLayout(dirname(live.root), live.version, `${basename(live.homeDir)}-restore`);
}

/** Stops a side server a crashed restore may have left running and removes the side home. */
export async function removeSideHome(side: Neo4jLayout): Promise<void> {
  await stopLocalNeo4j(side, 30_000);
  rmSync(side.homeDir, { recursive: true, force: true });
}

/**
 * Loads `dumpFile` into the side home, checks it with `neo4j-admin database check`, opens it on a
 * private server (127.0.0.1, a free port, a random password) and counts its nodes and
 * relationships. Throws a CliError saying which step failed; the side home is left for the
 * caller to move in or remove.
 */
export async function loadAndVerifySideStore(
  live: Neo4jLayout,
  database: string,
  dumpFile: string,
  options: SideStoreOptions = {},
): Promise<{ side: Neo4jLayout; counts: StoreCounts }> {
  const log = options.log ?? (() => {});
  const side = sideLayout(live);
  await removeSideHome(side);
  for (const dir of [side.confDir, side.dataDir, side.logsDir, side.runDir, side.pluginsDir, side.importDir]) {
    mkdirSync(dir, { recursive: true });
  }
  const port = await freePort();
  const conf = { boltHost: "127.0.0.1", boltPort: port, pageCacheSize: options.pageCacheSize ?? "128m" };
  writeFileSync(side.confFile, renderNeo4jConf({ ...conf, transactionMemoryMax: "256m" }));
  const java = findJava().executable;

  // neo4j-admin load reads `<database>.dump` from a folder: a link to the file, not a copy.
  const inbox = join(side.homeDir, "dump");
  mkdirSync(inbox);
  symlinkSync(dumpFile, join(inbox, `${database}.dump`));
  log(`Loading ${basename(dumpFile)} into a side store (${side.homeDir}); the live database is not touched...`);
  runNeo4jAdmin(
    side,
    java,
    ["database", "load", database, `--from-path=${inbox}`, "--overwrite-destination=true"],
    "db-restore-load",
    `neo4j-admin could not load ${basename(dumpFile)}`,
  );
  if (!existsSync(join(side.dataDir, "databases", database))) {
    throw new CliError(`neo4j-admin load left no database "${database}": is ${basename(dumpFile)} a dump of it?`);
  }

  log("Checking its consistency (neo4j-admin database check)...");
  runNeo4jAdmin(
    side,
    java,
    [
      "database",
      "check",
      database,
      `--max-off-heap-memory=${options.pageCacheSize ?? "256m"}`,
      `--report-path=${side.logsDir}`,
    ],
    "db-restore-check",
    `the dump loaded but is not consistent (neo4j-admin database check failed)`,
  );

  log("Opening it on a throwaway Neo4j to count what it holds...");
  const password = randomBytes(18).toString("base64url");
  const settings = {
    NEO4J_URI: `bolt://127.0.0.1:${port}`,
    NEO4J_USERNAME: "neo4j",
    NEO4J_PASSWORD: password,
    NEO4J_DATABASE: database,
    NEO4J_HEAP_SIZE: options.heapSize ?? "512m",
    NEO4J_PAGECACHE_SIZE: conf.pageCacheSize,
    NEO4J_TRANSACTION_MEMORY_MAX: "256m",
    NEO4J_START_TIMEOUT: options.startTimeoutSeconds ?? 120,
  };
  const pom = join(dirname(live.root), "scripts", "neo4j", "pom.xml");
  let counts: StoreCounts | undefined;
  let failure: unknown;
  try {
    // Resolves only once the database is online (an unreadable store fails here).
    await startLocalNeo4j(side, settings, pom);
    counts = await countStore(settings.NEO4J_URI, password, database);
  } catch (error) {
    failure = error;
  }
  const stopped = await stopLocalNeo4j(side);
  if (failure !== undefined || counts === undefined) throw failure;
  // A store not closed cleanly is not the one that was verified.
  if (stopped === "killed") throw new CliError("the throwaway Neo4j did not stop cleanly", side.debugLog);
  return { side, counts };
}

async function countStore(uri: string, password: string, database: string): Promise<StoreCounts> {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", password), { connectionTimeout: 5000 });
  try {
    const nodes = await driver.executeQuery("MATCH (n) RETURN count(n) AS count", {}, { database });
    const relationships = await driver.executeQuery("MATCH ()-[r]->() RETURN count(r) AS count", {}, { database });
    const count = (result: typeof nodes) => Number(result.records[0]?.get("count") ?? Number.NaN);
    return { nodes: count(nodes), relationships: count(relationships) };
  } catch (error) {
    throw new CliError(
      `the restored database opened but could not be read (${(error as { code?: string }).code ?? (error as Error).message})`,
    );
  } finally {
    await driver.close();
  }
}

/** A port nothing listens on now (the kernel's pick); the side server takes it a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
