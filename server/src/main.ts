import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadAppConfig } from "./config/app-config";
import { loadEnvFile } from "./config/load-env-file";
import { createApp } from "./create-app";
import { DrainState } from "./http/drain-state";
import { createLogger } from "./logging/create-logger";
import { createDriver } from "./neo4j/create-driver";

const projectRoot = resolve(fileURLToPath(import.meta.url), "..", "..", "..");
loadEnvFile(projectRoot);
const config = loadAppConfig();
const logger = createLogger(config.logLevel);

// A bug that escapes every handler: one JSON line saying what, then exit (a supervisor restarts us).
process.on("uncaughtException", (error) => {
  logger.fatal({ err: error }, "uncaught exception");
  process.exit(1);
});
process.on("unhandledRejection", (reason) => {
  logger.fatal({ err: reason }, "unhandled promise rejection");
  process.exit(1);
});

const driver = createDriver(config.neo4j);
const drain = new DrainState();
const app = createApp({
  driver,
  config,
  logger,
  drain,
  clientDir: join(projectRoot, "dist", "client"),
  queriesDir: join(projectRoot, "cypher", "queries"),
});

/** The URI as it can be logged: a user or password written into it is left out. */
function neo4jAddress(uri: string): string {
  try {
    const url = new URL(uri);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "(not a URI)";
  }
}

const server = app.listen(config.port, () => {
  const { port } = server.address() as { port: number };
  logger.info(
    { port, neo4j: neo4jAddress(config.neo4j.uri), tokenRequired: config.auth.appToken !== undefined },
    `Graph explorer at http://localhost:${port}`,
  );
});
server.on("error", (error: NodeJS.ErrnoException) => {
  logger.fatal(
    { err: error },
    error.code === "EADDRINUSE" ? `Port ${config.port} is taken; set PORT` : "cannot listen",
  );
  process.exit(1);
});

// Neo4j may still be starting (or down): say so, keep serving; the driver reconnects on demand.
driver.verifyConnectivity().catch((error: { code?: string }) => {
  logger.warn({ code: error.code }, "Neo4j is not reachable yet; /api/ready answers 503 until it is");
});

/**
 * Graceful shutdown: readiness answers 503 at once (load balancers stop sending), requests in
 * flight finish (within SHUTDOWN_GRACE_MS, then they are cut), then the listener, the idle
 * connections and the Neo4j driver are closed and the process exits 0.
 */
async function shutdown(signal: string): Promise<void> {
  logger.info({ signal, inFlight: drain.requestsInFlight }, "shutting down: draining requests in flight");
  let graceTimer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<"cut">((done) => {
    graceTimer = setTimeout(() => done("cut"), config.shutdownGraceMs);
  });
  const outcome = await Promise.race([drain.drain().then(() => "drained" as const), graceOver]);
  clearTimeout(graceTimer);
  if (outcome === "cut") {
    logger.warn({ inFlight: drain.requestsInFlight }, "grace period over: cutting the requests still open");
  }
  const closed = new Promise<void>((done) => server.close(() => done()));
  server.closeAllConnections();
  await closed;
  await driver.close();
  logger.info({ outcome }, "Neo4j driver closed; bye");
  process.exit(0);
}

let shuttingDown = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    // Watchers and terminals may deliver the same signal twice.
    if (shuttingDown) return;
    shuttingDown = true;
    shutdown(signal).catch((error: unknown) => {
      logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    });
  });
}
