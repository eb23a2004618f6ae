/** The real app on an ephemeral port and Debian's Chromium, for the duration of a browser spec file. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { launchBrowser, openApp } from "./browser";
import { type RunningApp, startTestApp } from "./test-app";

export interface AppInBrowser {
  app: RunningApp;
  /** A new page on the app, once its first graph is drawn. */
  open(): Promise<Page>;
}

export interface AppInBrowserOptions {
  /**
   * Serve a freshly seeded Neo4j of the spec's own instead of the shared database, for specs whose
   * assertions depend on exactly what the graph holds (other test files write to the shared one
   * while browser specs run).
   */
  privateNeo4j?: { name: string; boltPort: number };
}

/** Starts both before the file's tests and closes both after; read the fields inside tests. */
export function useAppInBrowser(options: AppInBrowserOptions = {}): AppInBrowser {
  let browser: Browser | undefined;
  let neo4j: PrivateNeo4j | undefined;
  const handle = {
    open: () => openApp(browser as Browser, handle.app.baseUrl),
  } as AppInBrowser;
  beforeAll(async () => {
    if (options.privateNeo4j) neo4j = await startPrivateNeo4j(options.privateNeo4j);
    handle.app = await startTestApp(neo4j ? { neo4j: neo4j.connection } : {});
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await handle.app?.close();
    await neo4j?.stop();
  }, 120_000);
  return handle;
}
