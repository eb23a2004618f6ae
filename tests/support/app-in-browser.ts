/** The real app on an ephemeral port and Debian's Chromium, for the duration of a browser spec file. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, openApp } from "./browser";
import { type RunningApp, startTestApp } from "./test-app";

export interface AppInBrowser {
  app: RunningApp;
  /** A new page on the app, once its first graph is drawn. */
  open(): Promise<Page>;
}

/** Starts both before the file's tests and closes both after; read the fields inside tests. */
export function useAppInBrowser(): AppInBrowser {
  let browser: Browser | undefined;
  const handle = {
    open: () => openApp(browser as Browser, handle.app.baseUrl),
  } as AppInBrowser;
  beforeAll(async () => {
    handle.app = await startTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await handle.app?.close();
  });
  return handle;
}
