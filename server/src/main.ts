import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { loadAppConfig } from "./config/app-config";
import { loadEnvFile } from "./config/load-env-file";
import { createApp } from "./create-app";
import { createDriver } from "./neo4j/create-driver";

const projectRoot = resolve(fileURLToPath(import.meta.url), "..", "..", "..");
loadEnvFile(projectRoot);
const config = loadAppConfig();
const logger = pino({ level: config.logLevel, redact: ["req.headers.authorization", "req.headers.cookie"] });
const driver = createDriver(config.neo4j);
const app = createApp({
  driver,
  config,
  logger,
  clientDir: join(projectRoot, "dist", "client"),
  queriesDir: join(projectRoot, "cypher", "queries"),
});

const server = app.listen(config.port, () => {
  logger.info({ port: config.port, neo4j: config.neo4j.uri }, `Graph explorer at http://localhost:${config.port}`);
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
  logger.warn({ code: error.code }, "Neo4j is not reachable yet; /api/health reports 503 until it is");
});

let shuttingDown = false;
function shutdown(signal: string): void {
  // Watchers and terminals may deliver the same signal twice.
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "shutting down");
  server.close(() => {
    driver.close().finally(() => process.exit(0));
  });
  // Requests still open after the grace period are cut.
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
