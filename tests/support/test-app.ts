/** Starts the real app (createApp) on an ephemeral port against a Neo4j, for API and browser tests. */
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { type Logger, pino } from "pino";
import { projectRoot } from "../../scripts/project-root";
import { type AppConfig, loadAppConfig } from "../../server/src/config/app-config";
import { loadEnvFile } from "../../server/src/config/load-env-file";
import { createApp } from "../../server/src/create-app";
import { createDriver } from "../../server/src/neo4j/create-driver";

export interface RunningApp {
  baseUrl: string;
  driver: Driver;
  config: AppConfig;
  close: () => Promise<void>;
}

export interface TestAppOverrides {
  /** Settings as in .env (RATE_LIMIT_MAX, APP_TOKEN...), over the real environment. */
  env?: NodeJS.ProcessEnv;
  /** Silent unless a test reads the log lines. */
  logger?: Logger;
  neo4j?: Partial<AppConfig["neo4j"]>;
  queryTimeoutMs?: number;
  cypher?: Partial<AppConfig["cypher"]>;
}

export async function startTestApp(overrides: TestAppOverrides = {}): Promise<RunningApp> {
  loadEnvFile(projectRoot);
  // Token mode (APP_TOKEN, WRITE_TOKEN, or neither) unless a test asks for accounts: AUTH_MODE: "accounts".
  const base = loadAppConfig({ ...process.env, AUTH_MODE: "token", ...overrides.env });
  const config: AppConfig = {
    ...base,
    neo4j: { ...base.neo4j, ...overrides.neo4j },
    queryTimeoutMs: overrides.queryTimeoutMs ?? base.queryTimeoutMs,
    cypher: { ...base.cypher, ...overrides.cypher },
  };
  const driver = createDriver(config.neo4j);
  const app = createApp({
    driver,
    config,
    logger: overrides.logger ?? pino({ level: "silent" }),
    clientDir: join(projectRoot, "dist", "client"),
    queriesDir: join(projectRoot, "cypher", "queries"),
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    driver,
    config,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver.close();
    },
  };
}

export interface JsonResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function getJson(url: string): Promise<JsonResponse> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

export async function postJson(url: string, body: unknown, signal?: AbortSignal): Promise<JsonResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}
