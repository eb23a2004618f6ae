import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AuditLog } from "./audit/audit-log";
import { AccountRepository } from "./auth/account-repository";
import { ensureFirstAdmin } from "./auth/first-admin";
import { loadAppConfig } from "./config/app-config";
import { loadEnvFile } from "./config/load-env-file";
import { createApp } from "./create-app";
import { closeGracefully } from "./http/close-gracefully";
import { DrainState } from "./http/drain-state";
import { createLogger } from "./logging/create-logger";
import { createDriver } from "./neo4j/create-driver";
import { Neo4jDatabase } from "./neo4j/neo4j-database";

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

// Token mode with neither token: anyone who reaches the port may read and save views, so only this machine may.
const openToAll = config.auth.mode === "token" && !config.auth.appToken && !config.auth.writeToken;
const onListening = () => {
  const { port } = server.address() as { port: number };
  logger.info(
    {
      port,
      neo4j: neo4jAddress(config.neo4j.uri),
      authMode: config.auth.mode,
      tokenRequired: config.auth.appToken !== undefined,
    },
    `Graph explorer at http://localhost:${port}`,
  );
  if (openToAll) {
    logger.warn("No users and no token (AUTH_MODE=token without APP_TOKEN): listening on localhost only.");
  }
  if (config.auth.mode === "accounts") void prepareAccounts(`http://localhost:${port}`);
};
const server = openToAll ? app.listen(config.port, "127.0.0.1", onListening) : app.listen(config.port, onListening);

/** Accounts mode: the schema of users and the audit trail, and the first admin; retried until Neo4j answers. */
async function prepareAccounts(url: string): Promise<void> {
  const database = new Neo4jDatabase(driver, {
    database: config.neo4j.database,
    queryTimeoutMs: config.queryTimeoutMs,
  });
  for (let attempt = 1; ; attempt++) {
    try {
      await new AuditLog(database).ensureSchema();
      await ensureFirstAdmin(new AccountRepository(database), logger, url);
      return;
    } catch (error) {
      if (attempt === 1) logger.warn({ err: error }, "accounts not ready yet (Neo4j?): retrying every 5 s");
      await new Promise((resolve) => setTimeout(resolve, 5_000).unref());
    }
  }
}
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
 * Graceful shutdown (server/src/http/close-gracefully.ts): readiness answers 503 at once (load
 * balancers stop sending), requests in flight finish, the listener closes, every later answer
 * says `Connection: close` and no request already sent on an open connection is reset; after
 * SHUTDOWN_GRACE_MS what is still open is cut. Then the Neo4j driver closes and the process exits 0.
 */
async function shutdown(signal: string): Promise<void> {
  logger.info({ signal, inFlight: drain.requestsInFlight }, "shutting down: draining requests in flight");
  const outcome = await closeGracefully(server, drain, {
    graceMs: config.shutdownGraceMs,
    onListenerClosed: (inFlight) => {
      logger.info({ inFlight }, "listener closed: open connections close after their next answer");
    },
    onCut: (inFlight) => {
      logger.warn({ inFlight }, "grace period over: cutting the requests still open");
    },
  });
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
