import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { type RunningServer, startServer, tempDataDir } from './server.ts';
import { WEB_TIMEOUT } from './web-expect.ts';

/** The real platform (started as `npm start` starts it, on a fresh data dir) and one Chromium page on it. */
export interface Platform {
  data: ReturnType<typeof tempDataDir>;
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/** Starts the platform and a browser with one page whose waits use WEB_TIMEOUT. */
export async function openPlatform(env: Record<string, string> = {}): Promise<Platform> {
  const data = tempDataDir();
  const server = await startServer({ DATA_DIR: data.dir, ...env });
  const browser = await launch();
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(WEB_TIMEOUT);
  return { data, server, browser, context, page };
}

/** Tears down what openPlatform started, whatever of it did start. */
export async function closePlatform(p: Partial<Platform>): Promise<void> {
  await p.browser?.close();
  await p.server?.stop();
  p.data?.remove();
}
