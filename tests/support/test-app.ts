/** Starts the real app (createApp) on an ephemeral port against a Neo4j, for API and browser tests. */
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { pino } from "pino";
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

export async function startTestApp(overrides: Partial<AppConfig["neo4j"]> = {}): Promise<RunningApp> {
  loadEnvFile(projectRoot);
  const base = loadAppConfig();
  const config: AppConfig = { ...base, neo4j: { ...base.neo4j, ...overrides } };
  const driver = createDriver(config.neo4j);
  const app = createApp({
    driver,
    config,
    logger: pino({ level: "silent" }),
    clientDir: join(projectRoot, "dist", "client"),
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

export async function getJson(url: string): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json(), headers: response.headers };
}
