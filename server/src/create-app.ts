import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Express } from "express";
import helmet from "helmet";
import type { Driver } from "neo4j-driver";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import type { AppConfig } from "./config/app-config";
import { AppError } from "./errors/app-error";
import { errorHandler } from "./errors/error-handler";
import { GraphRepository } from "./graph/graph-repository";
import { cypherRoutes } from "./routes/cypher-routes";
import { exportRoutes } from "./routes/export-routes";
import { graphRoutes } from "./routes/graph-routes";

export interface AppDependencies {
  driver: Driver;
  config: Pick<AppConfig, "neo4j" | "queryTimeoutMs" | "cypher">;
  logger: Logger;
  /** The built client (dist/client); the API works without it. */
  clientDir?: string;
  /** The analysts' query library (cypher/queries). */
  queriesDir: string;
}

/** Builds the Express app without listening, so tests can drive it directly. */
export function createApp({ driver, config, logger, clientDir, queriesDir }: AppDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
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
  app.use(express.json({ limit: "256kb" }));

  const repository = new GraphRepository(driver, {
    database: config.neo4j.database,
    queryTimeoutMs: config.queryTimeoutMs,
    maxEdges: 20_000,
    fullTextIndex: "entityNames",
  });
  app.use("/api", graphRoutes(repository));
  app.use("/api", exportRoutes(repository));
  app.use(
    "/api",
    cypherRoutes(driver, {
      database: config.neo4j.database,
      timeoutMs: config.queryTimeoutMs,
      rowCap: config.cypher.rowCap,
      maxResponseBytes: config.cypher.maxResponseBytes,
      maxQueryLength: config.cypher.maxQueryLength,
      maxConcurrentPerClient: config.cypher.maxConcurrentPerClient,
      maxParamDepth: 32,
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

  app.use(errorHandler);
  return app;
}
