import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "./cli-error";
import { waitForDatabaseOnline } from "./database-online";
import { fetchNeo4j, isNeo4jDownloaded } from "./fetch-neo4j";
import { findJava } from "./find-java";
import type { LocalNeo4jSettings } from "./local-neo4j-settings";
import { localTarget } from "./local-target";
import { neo4jClassPath, neo4jEnv, runNeo4jAdmin } from "./neo4j-admin";
import type { Neo4jLayout } from "./neo4j-layout";
import { isAlive, runningNeo4jPid, waitForExit } from "./neo4j-process";
import { portInUse } from "./port-in-use";
import { renderNeo4jConf } from "./render-neo4j-conf";
import { waitForBolt } from "./wait-for-bolt";

export type StartOutcome = "started" | "already-running" | "remote";

// What bin/neo4j adds for Neo4j 5 on Java 17: its off-heap and Netty code needs these packages open.
const JVM_FLAGS = [
  "-XX:+UseG1GC",
  "-XX:-OmitStackTraceInFastThrow",
  "-XX:+UnlockExperimentalVMOptions",
  "-XX:+TrustFinalNonStaticFields",
  "-XX:+DisableExplicitGC",
  "-Djdk.nio.maxCachedBufferSize=1024",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-Dlog4j2.disable.jmx=true",
  "-Dfile.encoding=UTF-8",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
];

function setInitialPassword(layout: Neo4jLayout, java: string, password: string): void {
  if (existsSync(join(layout.dataDir, "dbms", "auth.ini"))) return;
  runNeo4jAdmin(
    layout,
    java,
    ["dbms", "set-initial-password", password],
    "set-initial-password",
    "could not set Neo4j's initial password",
  );
}

/**
 * Starts the project's own Neo4j (fetching it the first time) and resolves once it accepts Bolt.
 * Does nothing when NEO4J_URI points elsewhere or when it already runs.
 */
export async function startLocalNeo4j(
  layout: Neo4jLayout,
  settings: LocalNeo4jSettings,
  pomFile: string,
): Promise<StartOutcome> {
  const target = localTarget(settings.NEO4J_URI);
  if (!target.local) return "remote";
  if (runningNeo4jPid(layout) !== undefined) return "already-running";
  if (await portInUse(target.host, target.port)) {
    throw new CliError(
      `port ${target.port} on ${target.host} is taken by another program; stop it or point NEO4J_URI at another port`,
    );
  }
  const java = findJava();
  if (!isNeo4jDownloaded(layout)) await fetchNeo4j(layout, pomFile);

  for (const dir of [
    layout.confDir,
    layout.dataDir,
    layout.logsDir,
    layout.pluginsDir,
    layout.importDir,
    layout.runDir,
  ]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(
    layout.confFile,
    renderNeo4jConf({
      boltHost: target.host,
      boltPort: target.port,
      pageCacheSize: settings.NEO4J_PAGECACHE_SIZE,
      transactionMemoryMax: settings.NEO4J_TRANSACTION_MEMORY_MAX,
    }),
  );
  setInitialPassword(layout, java.executable, settings.NEO4J_PASSWORD);

  const consoleFd = openSync(layout.consoleLog, "a");
  const child = spawn(
    java.executable,
    [
      `-Xms${settings.NEO4J_HEAP_SIZE}`,
      `-Xmx${settings.NEO4J_HEAP_SIZE}`,
      ...JVM_FLAGS,
      "-cp",
      neo4jClassPath(layout),
      "org.neo4j.server.CommunityEntryPoint",
      `--home-dir=${layout.homeDir}`,
      `--config-dir=${layout.confDir}`,
    ],
    { detached: true, stdio: ["ignore", consoleFd, consoleFd], env: neo4jEnv(layout) },
  );
  closeSync(consoleFd); // the child has its own copy
  const pid = child.pid;
  if (pid === undefined) throw new CliError("could not launch Java", layout.consoleLog);
  child.unref();
  writeFileSync(layout.pidFile, `${pid}\n`);

  const startedAt = Date.now();
  const boltUri = `bolt://${target.host}:${target.port}`;
  try {
    await waitForBolt({
      uri: boltUri,
      username: settings.NEO4J_USERNAME,
      password: settings.NEO4J_PASSWORD,
      timeoutMs: settings.NEO4J_START_TIMEOUT * 1000,
      logFile: layout.neo4jLog,
      stillStarting: () => isAlive(pid),
    });
  } catch (error) {
    // Never leave a half-started server behind.
    await stopLocalNeo4j(layout);
    throw error;
  }
  try {
    // Bolt answers even when the database itself could not start (a damaged store): then every
    // query fails. Up means the database is online.
    await waitForDatabaseOnline({
      uri: boltUri,
      username: settings.NEO4J_USERNAME,
      password: settings.NEO4J_PASSWORD,
      database: settings.NEO4J_DATABASE,
      timeoutMs: Math.max(10_000, settings.NEO4J_START_TIMEOUT * 1000 - (Date.now() - startedAt)),
      logFile: layout.debugLog,
    });
  } catch (error) {
    await stopLocalNeo4j(layout);
    if (!(error instanceof CliError)) throw error;
    throw new CliError(
      `Neo4j started, but ${error.message}. It was stopped again, its files as they were; the log says why (npm run db:restore loads a backup)`,
      error.logFile,
    );
  }
  // Bolt answered, but was it ours? Another server grabbing the port first would answer too.
  if (!isAlive(pid)) throw new CliError("Neo4j exited during start-up", layout.neo4jLog);
  return "started";
}

export type StopOutcome = "stopped" | "killed" | "not-running";

/** Stops the project's own Neo4j: SIGTERM lets it close its stores cleanly; SIGKILL only after the grace period. */
export async function stopLocalNeo4j(layout: Neo4jLayout, graceMs = 60_000): Promise<StopOutcome> {
  const pid = runningNeo4jPid(layout);
  if (pid === undefined) return "not-running";
  signal(pid, "SIGTERM");
  let outcome: StopOutcome = "stopped";
  if (!(await waitForExit(pid, graceMs))) {
    signal(pid, "SIGKILL");
    if (!(await waitForExit(pid, 5000))) {
      throw new CliError(`Neo4j (pid ${pid}) survived SIGKILL`, layout.neo4jLog);
    }
    outcome = "killed";
  }
  rmSync(layout.pidFile, { force: true });
  return outcome;
}

/** Sends a signal; a process that has just exited (ESRCH) is what we wanted anyway. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}
