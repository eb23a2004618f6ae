/** The real app on an ephemeral port and Debian's Chromium, for the duration of a browser spec file. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { launchBrowser, openApp } from "./browser";
import { type RunningApp, startTestApp } from "./test-app";

export interface AppInBrowser {
  app: RunningApp;
  browser: Browser;
  /** The spec's own Neo4j, when it asked for one. */
  neo4j: PrivateNeo4j | undefined;
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
  /** Settings as in .env (APP_TOKEN, RATE_LIMIT_MAX...), over the real environment. */
  env?: NodeJS.ProcessEnv;
}

/** Starts both before the file's tests and closes both after; read the fields inside tests. */
export function useAppInBrowser(options: AppInBrowserOptions = {}): AppInBrowser {
  const handle = {
    open: () => openApp(handle.browser, handle.app.baseUrl),
  } as AppInBrowser;
  beforeAll(async () => {
    if (options.privateNeo4j) handle.neo4j = await startPrivateNeo4j(options.privateNeo4j);
    handle.app = await startTestApp({
      ...(handle.neo4j ? { neo4j: handle.neo4j.connection } : {}),
      ...(options.env ? { env: options.env } : {}),
    });
    handle.browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await handle.browser?.close();
    await handle.app?.close();
    await handle.neo4j?.stop();
  }, 120_000);
  return handle;
}
