import { join } from "node:path";

/** The one pinned Neo4j version: the Maven download, docker-compose.yml and the tests use it. */
export const NEO4J_VERSION = "5.26.30";

export interface Neo4jLayout {
  version: string;
  /** Git-ignored top folder for everything local Neo4j needs. */
  root: string;
  /** The jars fetched from Maven Central for this version. */
  libDir: string;
  /** NEO4J_HOME: conf, data, logs, run, plugins. Kept across versions so data survives upgrades. */
  homeDir: string;
  confDir: string;
  confFile: string;
  dataDir: string;
  logsDir: string;
  pluginsDir: string;
  /** Kept empty: the only folder LOAD CSV could read, were it allowed. */
  importDir: string;
  runDir: string;
  pidFile: string;
  consoleLog: string;
  neo4jLog: string;
  /** Where Neo4j says why a database did not start. */
  debugLog: string;
}

/**
 * Where a Neo4j lives under `.neo4j/`. `homeName` "home" is the project's own server; other names
 * give private servers (scripts/neo4j/private-neo4j.ts) that share the downloaded jars.
 */
export function neo4jLayout(projectRoot: string, version = NEO4J_VERSION, homeName = "home"): Neo4jLayout {
  const root = join(projectRoot, ".neo4j");
  const homeDir = join(root, homeName);
  const confDir = join(homeDir, "conf");
  const logsDir = join(homeDir, "logs");
  const runDir = join(homeDir, "run");
  return {
    version,
    root,
    libDir: join(root, `neo4j-community-${version}`, "lib"),
    homeDir,
    confDir,
    confFile: join(confDir, "neo4j.conf"),
    dataDir: join(homeDir, "data"),
    logsDir,
    pluginsDir: join(homeDir, "plugins"),
    importDir: join(homeDir, "import"),
    runDir,
    pidFile: join(runDir, "neo4j.pid"),
    consoleLog: join(logsDir, "console.log"),
    neo4jLog: join(logsDir, "neo4j.log"),
    debugLog: join(logsDir, "debug.log"),
  };
}
