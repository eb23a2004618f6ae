import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
import { answersBolt, probeBolt, unsupportedVersion } from "./probe-bolt";
import { renderNeo4jConf } from "./render-neo4j-conf";
import { waitForBolt } from "./wait-for-bolt";

/** external: a Neo4j the project did not start already answers at NEO4J_URI, and is used as it is. */
export type StartOutcome = "started" | "already-running" | "remote" | "external";

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

/** The Bolt port the project's own server was configured with, from its neo4j.conf. */
function configuredBoltPort(layout: Neo4jLayout): number | undefined {
  if (!existsSync(layout.confFile)) return undefined;
  const match = /^server\.bolt\.listen_address=.*:(\d+)\s*$/m.exec(readFileSync(layout.confFile, "utf8"));
  return match ? Number(match[1]) : undefined;
}

/**
 * With NEO4J_MANAGED auto or never: what already listens at the target, used as it is when it is a
 * supported Neo4j that accepts the credentials; a plain error naming the cause otherwise.
 */
async function useExisting(settings: LocalNeo4jSettings, target: { host: string; port: number }): Promise<void> {
  const found = (await answersBolt(target.host, target.port))
    ? await probeBolt(settings.NEO4J_URI, settings.NEO4J_USERNAME, settings.NEO4J_PASSWORD)
    : ({ kind: "not-neo4j", detail: "it does not answer Bolt's handshake" } as const);
  const where = `${target.host}:${target.port}`;
  if (found.kind === "refused-credentials") {
    throw new CliError(
      `a Neo4j at ${where} refuses the credentials in NEO4J_USERNAME and NEO4J_PASSWORD (user "${settings.NEO4J_USERNAME}"): set that server's user and password, or point NEO4J_URI at a free port for the project's own Neo4j`,
    );
  }
  if (found.kind === "not-neo4j") {
    throw new CliError(
      `port ${target.port} on ${target.host} is taken by another program that is not Neo4j (${found.detail}); stop it or point NEO4J_URI at another port`,
    );
  }
  const why = unsupportedVersion(found.version);
  if (why) throw new CliError(`${why}; found at ${settings.NEO4J_URI}`);
  const edition = found.edition ? ` ${found.edition}` : "";
  console.log(`Using the Neo4j already running at ${settings.NEO4J_URI}, version ${found.version}${edition}.`);
}

/**
 * Starts the project's own Neo4j (fetching it the first time) and resolves once it accepts Bolt.
 * Does nothing when NEO4J_URI points elsewhere or when it already runs. With NEO4J_MANAGED=auto (what
 * .env settings give), a supported Neo4j already answering at a local NEO4J_URI with the configured
 * credentials is used as it is ("external"); never uses only such a server; always (or unset, as
 * private test servers leave it) insists on the project's own.
 */
export async function startLocalNeo4j(
  layout: Neo4jLayout,
  settings: LocalNeo4jSettings,
  pomFile: string,
): Promise<StartOutcome> {
  const target = localTarget(settings.NEO4J_URI);
  if (!target.local) return "remote";
  const managed = settings.NEO4J_MANAGED ?? "always";
  const ownPid = runningNeo4jPid(layout);
  const listening = await portInUse(target.host, target.port);
  if (ownPid !== undefined) {
    const ownPort = configuredBoltPort(layout);
    if (managed === "always" || ownPort === undefined || ownPort === target.port) return "already-running";
    // The project's own server runs, on another port than NEO4J_URI names.
    if (!listening) {
      throw new CliError(
        `the project's own Neo4j runs on port ${ownPort}, but NEO4J_URI names port ${target.port}, where nothing answers; npm run db:stop stops it`,
      );
    }
  }
  if (managed === "never" && !listening) {
    throw new CliError(
      `nothing answers at ${settings.NEO4J_URI} and NEO4J_MANAGED=never: start that Neo4j, or set NEO4J_MANAGED=auto to let the project run its own`,
    );
  }
  if (listening) {
    if (managed === "always") {
      throw new CliError(
        `port ${target.port} on ${target.host} is taken by another program; stop it or point NEO4J_URI at another port`,
      );
    }
    await useExisting(settings, target);
    return "external";
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
