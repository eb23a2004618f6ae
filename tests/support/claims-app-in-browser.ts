/**
 * The app on a private Neo4j (port 7696) holding the seed and the fictional later report
 * (tests/fixtures/claims/later-report.json), with Debian's Chromium: for browser specs that need
 * corroborated and contested relationships, which the seed alone does not have. The shared
 * database is never written.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { projectRoot } from "../../scripts/project-root";
import { ingestClaims } from "../../server/src/claims/ingest-claims";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { launchBrowser, openApp } from "./browser";
import { type RunningApp, startTestApp } from "./test-app";

export const LATER_REPORT_PATH = join(projectRoot, "tests", "fixtures", "claims", "later-report.json");

export interface ClaimsAppInBrowser {
  app: RunningApp;
  /** A new page on the app (at `hash`, if given), once its first graph is drawn. */
  open(hash?: string): Promise<Page>;
}

/** Starts Neo4j, ingests the later report, starts the app and the browser before the file's tests; stops all after. */
export function useClaimsAppInBrowser(): ClaimsAppInBrowser {
  let neo4j: PrivateNeo4j | undefined;
  let browser: Browser | undefined;
  const handle = {
    open: (hash = "") => openApp(browser as Browser, `${handle.app.baseUrl}/${hash}`),
  } as ClaimsAppInBrowser;
  beforeAll(async () => {
    neo4j = await startPrivateNeo4j({ name: "claims-ui", boltPort: 7696 });
    const driver = createDriver(neo4j.connection);
    try {
      const report = await ingestClaims(
        new Neo4jDatabase(driver, { database: neo4j.connection.database, queryTimeoutMs: 60_000 }),
        readFileSync(LATER_REPORT_PATH, "utf8"),
      );
      if (!report.written) throw new Error(`the later report was not ingested: ${JSON.stringify(report.problems)}`);
    } finally {
      await driver.close();
    }
    handle.app = await startTestApp({ neo4j: neo4j.connection, env: { APP_TOKEN: "", RATE_LIMIT_MAX: "100000" } });
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await handle.app?.close();
    await neo4j?.stop();
  }, 120_000);
  return handle;
}
