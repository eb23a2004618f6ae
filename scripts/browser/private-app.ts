import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pino } from "pino";
import type { Browser, Page } from "playwright-core";
import { loadAppConfig } from "../../server/src/config/app-config";
import { loadEnvFile } from "../../server/src/config/load-env-file";
import { createApp } from "../../server/src/create-app";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { CliError } from "../neo4j/cli-error";
import { startLocalNeo4j } from "../neo4j/local-neo4j";
import { localNeo4jSettings } from "../neo4j/local-neo4j-settings";
import { neo4jLayout } from "../neo4j/neo4j-layout";
import { projectRoot } from "../project-root";
import { launchChromium } from "./launch-chromium";

export interface PrivateApp {
  readonly browser: Browser;
  /** A page of the app, signed in, with the graph drawn. */
  openPage(viewport: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export interface PrivateAppOptions {
  /** Another database than the project's (a private Neo4j the caller started), which it does not start. */
  neo4j?: { uri: string; username: string; password: string; database: string };
}

/**
 * The app for a command that drives it in Chromium (`npm run export`, `npm run screenshot`): its own
 * server on loopback for the command's length, in token mode with a token made for it, so the command
 * works whatever mode the app runs in (it already holds the database's credentials, from .env).
 * Starts the local Neo4j when NEO4J_URI is local and it is not running.
 */
export async function startPrivateApp(options: PrivateAppOptions = {}): Promise<PrivateApp> {
  loadEnvFile(projectRoot);
  const database = options.neo4j;
  if (!database)
    await startLocalNeo4j(
      neo4jLayout(projectRoot),
      localNeo4jSettings(),
      join(projectRoot, "scripts", "neo4j", "pom.xml"),
    );
  const clientDir = join(projectRoot, "dist", "client");
  if (!existsSync(join(clientDir, "index.html"))) throw new CliError("the client is not built: run npm run build");

  const token = randomBytes(24).toString("base64url");
  const loaded = loadAppConfig({
    ...process.env,
    AUTH_MODE: "token",
    APP_TOKEN: token,
    OIDC_ISSUER: "",
    // On a database of its own the command's token also writes (a draft, an ingest).
    ...(database && {
      NEO4J_URI: database.uri,
      NEO4J_USERNAME: database.username,
      NEO4J_PASSWORD: database.password,
      NEO4J_DATABASE: database.database,
      WRITE_TOKEN: "",
    }),
  });
  // Its port is gone once the command ends: links in what it makes use PUBLIC_BASE_URL, or none.
  const config = { ...loaded, links: { ...loaded.links, pageOriginLasts: false } };
  const driver = createDriver(config.neo4j);
  const app = createApp({
    driver,
    config,
    logger: pino({ level: "error" }),
    clientDir,
    queriesDir: join(projectRoot, "cypher", "queries"),
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((done) => server.once("listening", () => done()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium();
  return {
    browser,
    async openPage(viewport) {
      const page = await browser.newPage({
        viewport,
        deviceScaleFactor: 1,
        acceptDownloads: true,
        httpCredentials: { username: "command", password: token },
      });
      await page.goto(url);
      const drawn = await page
        .waitForFunction(() => ["ready", "error"].includes(document.body.dataset.graphState ?? ""), undefined, {
          timeout: 60_000,
        })
        .then(() => page.evaluate(() => document.body.dataset.graphState))
        .catch(() => "still loading after a minute");
      if (drawn !== "ready") {
        const status = await page.evaluate(() => document.getElementById("status")?.textContent ?? "").catch(() => "");
        await page.close();
        throw new CliError(`the app did not draw its first graph (${drawn}): "${status}"`);
      }
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      await driver.close();
    },
  };
}
