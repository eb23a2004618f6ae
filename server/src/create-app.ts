import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Express } from "express";
import helmet from "helmet";
import type { Driver } from "neo4j-driver";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { ArticleRepository } from "./articles/article-repository";
import { AuditLog } from "./audit/audit-log";
import { AccountRepository } from "./auth/account-repository";
import { accountRoutes, tokenModeAuthRoutes } from "./auth/auth-routes";
import { authenticate, requirePageSignIn } from "./auth/authenticate";
import { OidcSignIn } from "./auth/oidc-sign-in";
import { ClaimsIngester } from "./claims/claims-ingester";
import { ClaimsRepository } from "./claims/claims-repository";
import type { AppConfig } from "./config/app-config";
import { CypherWorkbench } from "./cypher/cypher-workbench";
import { DraftRepository } from "./drafts/draft-repository";
import { AppError } from "./errors/app-error";
import { errorHandler } from "./errors/error-handler";
import { ExplorationRepository } from "./graph/exploration-repository";
import { GraphRepository } from "./graph/graph-repository";
import { apiRateLimit } from "./http/api-rate-limit";
import { AuthFailureLimit } from "./http/auth-failure-limit";
import { corsPolicy } from "./http/cors-policy";
import { CsrfTokens, csrfTokenRoute } from "./http/csrf-tokens";
import { DrainState } from "./http/drain-state";
import { FailureWindows } from "./http/failure-windows";
import { requestDeadline } from "./http/request-deadline";
import { responseCompression } from "./http/response-compression";
import { requireAppToken } from "./http/token-auth";
import { createWriteGuard } from "./http/write-guard";
import { Neo4jDatabase } from "./neo4j/neo4j-database";
import { PlanWarmup } from "./neo4j/plan-warmup";
import { openApiRoutes } from "./openapi/openapi-routes";
import { articleRoutes } from "./routes/article-routes";
import { claimsIngestRoutes, claimsReadRoutes } from "./routes/claims-routes";
import { cypherRoutes } from "./routes/cypher-routes";
import { draftRoutes } from "./routes/draft-routes";
import { explorationRoutes } from "./routes/exploration-routes";
import { exportRoutes } from "./routes/export-routes";
import { extractRoutes } from "./routes/extract-routes";
import { graphRoutes } from "./routes/graph-routes";
import { livenessRoute, readinessRoute } from "./routes/probe-routes";
import { savedViewBodyParser, savedViewRoutes } from "./routes/saved-view-routes";
import { timelineRoutes, watchRoutes } from "./routes/timeline-routes";
import { vocabularyRoutes } from "./routes/vocabulary-routes";
import { KnownEntitiesRepository } from "./sources/known-entities-repository";
import { TimelineRepository } from "./timeline/timeline-repository";
import { WatchRepository } from "./timeline/watch-repository";
import { SavedViewRepository } from "./views/saved-view-repository";
import { VocabularyRepository } from "./vocabulary/vocabulary-repository";

export interface AppDependencies {
  driver: Driver;
  config: Pick<
    AppConfig,
    "neo4j" | "queryTimeoutMs" | "requestTimeoutMs" | "graphMaxEdges" | "http" | "auth" | "cypher" | "links"
  >;
  logger: Logger;
  /** The built client (dist/client); the API works without it. */
  clientDir?: string;
  /** The analysts' query library (cypher/queries). */
  queriesDir: string;
  /** Shared with whoever shuts the server down (main.ts); readiness reads it. */
  drain?: DrainState;
}

/**
 * Builds the Express app without listening, so tests can drive it directly. The composition root
 * of the server: the driver goes into the Neo4j floor here, and routes get repositories. Every
 * router registers the full paths of the contract's endpoint table and is mounted at the root.
 */
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

  const database = new Neo4jDatabase(driver, {
    database: config.neo4j.database,
    queryTimeoutMs: config.queryTimeoutMs,
  });
  const repository = new GraphRepository(database, { maxEdges: config.graphMaxEdges, fullTextIndex: "entityNames" });
  const exploration = new ExplorationRepository(database, { maxEdges: config.graphMaxEdges });
  const timeline = new TimelineRepository(database);
  // The app's fixed queries are planned before readiness says ready (decision 0006): started now,
  // awaited by the readiness probe, tried again there if Neo4j was not up yet.
  const warmup = new PlanWarmup(
    [() => repository.plannedStatements(), () => exploration.plannedStatements(), () => timeline.plannedStatements()],
    (statement) => database.read(statement.query, statement.params),
    (report) => {
      logger.info({ warmup: report }, `query plans prepared: ${report.prepared.length} in ${report.ms} ms`);
      void warmChangeList();
    },
  );
  // A process' first wide change list took several times the next ones (440 against 60-190 ms on
  // 5,000 claims: the compiler, the list's caches, Neo4j's page cache). Once the plans are ready,
  // the widest list (first claim to today) is read once in the background, so an analyst's first
  // list does not pay for it; readiness does not wait for it.
  const warmChangeList = async () => {
    const started = performance.now();
    try {
      const list = await timeline.changes({});
      const ms = Math.round(performance.now() - started);
      logger.info({ changeListWarmup: { changes: list.changes.length, ms } }, `change list warmed in ${ms} ms`);
    } catch (error) {
      logger.warn({ err: error }, "warming the change list failed; the first list will be slower");
    }
  };
  void warmup.ready();
  // Open to probes whatever the token; everything after it needs APP_TOKEN when one is set.
  app.use(livenessRoute());
  const authFailures = new AuthFailureLimit(config.http.authFailureLimit.max, config.http.authFailureLimit.windowMs);
  const accountsMode = config.auth.mode === "accounts";
  if (!accountsMode && config.auth.appToken) app.use(requireAppToken(config.auth.appToken, authFailures));
  app.use("/api", apiRateLimit(config.http.rateLimit), requestDeadline(config.requestTimeoutMs));
  // Every state-changing route runs this guard: no cross-site writes, no write on a cached login alone.
  const csrf = new CsrfTokens(accountsMode ? config.auth.secret : (config.auth.appToken ?? config.auth.writeToken));
  // Accounts mode: who asks (session cookie or API key) before any route; each route's access gate
  // (server/src/http/route.ts) checks the role its endpoint needs.
  const accounts = accountsMode
    ? {
        accounts: new AccountRepository(database),
        audit: new AuditLog(database),
        csrf,
        session: config.auth.session,
        failures: authFailures,
        logger,
      }
    : undefined;
  if (accounts) app.use(authenticate(accounts), requirePageSignIn());
  app.use(readinessRoute(repository, drain, warmup));
  const writeGuard = createWriteGuard({ allowedOrigins: config.http.corsOrigins, csrf });
  app.use(csrfTokenRoute(csrf));
  // The API's reference, generated from the endpoint table, behind the same token as the API.
  app.use(openApiRoutes(config));
  app.use("/api/views", savedViewBodyParser(config.http.viewBodyMaxBytes));
  const claimsSettings = {
    bodyMaxBytes: config.http.claimsBodyMaxBytes,
    writeToken: config.auth.writeToken,
    writeGuard,
    authFailures,
  };
  app.use(claimsIngestRoutes(new ClaimsIngester(database), claimsSettings));
  // Drafts carry an article's text: their own body limit, before the API's smaller default parser.
  const drafts = new DraftRepository(database);
  const draftIngester = new ClaimsIngester(database);
  app.use(draftRoutes(drafts, draftIngester, new KnownEntitiesRepository(database), claimsSettings));
  // Read-only (no write guard, like the workbench): an article's text may exceed the API's default body size.
  const vocabulary = new VocabularyRepository(database);
  app.use(
    extractRoutes(new KnownEntitiesRepository(database), { bodyMaxBytes: config.http.claimsBodyMaxBytes }, vocabulary),
  );
  app.use(express.json({ limit: config.http.bodyMaxBytes }));
  app.use(
    accounts
      ? accountRoutes({
          ...accounts,
          cookieSecurity: config.auth.session.cookieSecure,
          accountFailures: new FailureWindows(config.auth.accountFailureMax, config.http.authFailureLimit.windowMs),
          writeGuard,
          oidc: config.auth.oidc
            ? new OidcSignIn(config.auth.oidc, config.auth.secret ?? randomBytes(32).toString("hex"))
            : undefined,
        })
      : tokenModeAuthRoutes(),
  );
  app.use(graphRoutes(repository));
  app.use(exportRoutes(repository));
  app.use(explorationRoutes(exploration));
  app.use(savedViewRoutes(new SavedViewRepository(database), writeGuard, config.links));
  app.use(claimsReadRoutes(new ClaimsRepository(database)));
  app.use(articleRoutes(new ArticleRepository(database)));
  app.use(vocabularyRoutes(vocabulary, claimsSettings));
  app.use(timelineRoutes(timeline));
  app.use(watchRoutes(new WatchRepository(database, timeline), writeGuard));
  const { cypher } = config;
  const workbench = new CypherWorkbench(
    database,
    {
      rowCap: cypher.rowCap,
      maxResponseBytes: cypher.maxResponseBytes,
      maxGraphElements: cypher.maxGraphElements,
      text: { maxDepth: cypher.maxDepth, maxUnions: cypher.maxUnions },
    },
    queriesDir,
  );
  app.use(cypherRoutes(workbench, cypher));
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
