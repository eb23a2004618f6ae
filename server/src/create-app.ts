import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Express } from "express";
import helmet from "helmet";
import type { Driver } from "neo4j-driver";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { ClaimsRepository } from "./claims/claims-repository";
import type { AppConfig } from "./config/app-config";
import { AppError } from "./errors/app-error";
import { errorHandler } from "./errors/error-handler";
import { ExplorationRepository } from "./graph/exploration-repository";
import { GraphRepository } from "./graph/graph-repository";
import { apiRateLimit } from "./http/api-rate-limit";
import { AuthFailureLimit } from "./http/auth-failure-limit";
import { corsPolicy } from "./http/cors-policy";
import { CsrfTokens, csrfTokenRoute } from "./http/csrf-tokens";
import { DrainState } from "./http/drain-state";
import { livenessRoute, readinessRoute } from "./http/probe-routes";
import { requestDeadline } from "./http/request-deadline";
import { responseCompression } from "./http/response-compression";
import { requireAppToken } from "./http/token-auth";
import { createWriteGuard } from "./http/write-guard";
import { claimsIngestRoutes, claimsReadRoutes } from "./routes/claims-routes";
import { cypherRoutes } from "./routes/cypher-routes";
import { explorationRoutes } from "./routes/exploration-routes";
import { exportRoutes } from "./routes/export-routes";
import { graphRoutes } from "./routes/graph-routes";
import { savedViewBodyParser, savedViewRoutes } from "./routes/saved-view-routes";
import { SavedViewRepository } from "./views/saved-view-repository";

export interface AppDependencies {
  driver: Driver;
  config: Pick<AppConfig, "neo4j" | "queryTimeoutMs" | "requestTimeoutMs" | "http" | "auth" | "cypher">;
  logger: Logger;
  /** The built client (dist/client); the API works without it. */
  clientDir?: string;
  /** The analysts' query library (cypher/queries). */
  queriesDir: string;
  /** Shared with whoever shuts the server down (main.ts); readiness reads it. */
  drain?: DrainState;
}

/** Builds the Express app without listening, so tests can drive it directly. */
export function createApp({
  driver,
  config,
  logger,
  clientDir,
  queriesDir,
  drain = new DrainState(),
}: AppDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.http.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Exports (PNG, SVG) are made in the browser as data: and blob: URLs.
          "img-src": ["'self'", "data:", "blob:"],
          // Served over plain HTTP on localhost too: do not ask browsers to upgrade.
          "upgrade-insecure-requests": null,
        },
      },
    }),
  );
  app.use(responseCompression());
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers["x-request-id"];
        const id = typeof given === "string" && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
    }),
  );
  app.use(drain.track);
  app.use(corsPolicy(config.http.corsOrigins));

  const repository = new GraphRepository(driver, {
    database: config.neo4j.database,
    queryTimeoutMs: config.queryTimeoutMs,
    maxEdges: 20_000,
    fullTextIndex: "entityNames",
  });
  // Open to probes whatever the token; everything after it needs APP_TOKEN when one is set.
  app.use("/api", livenessRoute());
  const authFailures = new AuthFailureLimit(config.http.authFailureLimit.max, config.http.authFailureLimit.windowMs);
  if (config.auth.appToken) app.use(requireAppToken(config.auth.appToken, authFailures));
  app.use("/api", readinessRoute(repository, drain));
  app.use("/api", apiRateLimit(config.http.rateLimit), requestDeadline(config.requestTimeoutMs));
  // Every state-changing route runs this guard: no cross-site writes, no write on a cached login alone.
  const csrf = new CsrfTokens(config.auth.appToken ?? config.auth.writeToken);
  const writeGuard = createWriteGuard({ allowedOrigins: config.http.corsOrigins, csrf });
  app.use("/api", csrfTokenRoute(csrf));
  app.use("/api/views", savedViewBodyParser);
  const claimsSettings = {
    database: config.neo4j.database,
    writeToken: config.auth.writeToken,
    writeGuard,
    authFailures,
  };
  app.use("/api", claimsIngestRoutes(driver, claimsSettings));
  app.use(express.json({ limit: config.http.bodyMaxBytes }));
  app.use("/api", graphRoutes(repository));
  app.use("/api", exportRoutes(repository));
  const reads = { database: config.neo4j.database, queryTimeoutMs: config.queryTimeoutMs };
  app.use("/api", explorationRoutes(new ExplorationRepository(driver, { ...reads, maxEdges: 20_000 })));
  app.use("/api", savedViewRoutes(new SavedViewRepository(driver, reads), writeGuard));
  app.use("/api", claimsReadRoutes(new ClaimsRepository(driver, reads)));
  app.use(
    "/api",
    cypherRoutes(driver, {
      database: config.neo4j.database,
      timeoutMs: config.queryTimeoutMs,
      rowCap: config.cypher.rowCap,
      maxResponseBytes: config.cypher.maxResponseBytes,
      maxQueryLength: config.cypher.maxQueryLength,
      maxConcurrentPerClient: config.cypher.maxConcurrentPerClient,
      maxParamDepth: config.cypher.maxParamDepth,
      memoryFailureLimit: config.cypher.memoryFailureLimit,
      text: { maxDepth: config.cypher.maxDepth, maxUnions: config.cypher.maxUnions },
      maxGraphElements: 5_000,
      queriesDir,
    }),
  );
  app.use("/api", (req, _res, next) => {
    next(new AppError("NOT_FOUND", 404, `No API endpoint ${req.method} ${req.originalUrl}.`));
  });

  if (clientDir && existsSync(join(clientDir, "index.html"))) {
    app.use(express.static(clientDir, { index: "index.html" }));
    // Client-side routes (a shared view's URL) load the same page.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(clientDir, "index.html")));
  } else {
    app.get("/", (_req, res) => {
      res.type("text/plain").send("The client is not built: run `npm run build` (or `npm start`, which builds it).");
    });
  }

  app.use((req, _res, next) => {
    next(new AppError("NOT_FOUND", 404, `Nothing at ${req.method} ${req.path}.`));
  });
  app.use(errorHandler);
  return app;
}
