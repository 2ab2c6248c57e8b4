import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/accounts.ts';
import { axe, describeViolations } from './browser.ts';
import { closePlatform, openPlatform, type Platform } from './platform.ts';
import { expectVisible } from './web-expect.ts';

/** The steps every e2e file takes on its page: sign in and out, and check a page with axe and at 320 px. */
export interface Steps {
  /** Signs in on /signin (the demo password unless told) and waits for the header's "Sign out". */
  signIn(email: string, password?: string): Promise<void>;
  /** Signs out from the header and waits for what shows a signed-out visitor. */
  signOut(): Promise<void>;
  /** The page has no axe violations; `where` names it in the failure. */
  expectAccessible(where: string): Promise<void>;
  /** WCAG 1.4.10: at 320 CSS px the page does not scroll sideways (the viewport is restored after). */
  expectReflows(where: string): Promise<void>;
}

export interface StepOptions {
  /** What signOut waits for: the "Sign in" link unless told (e.g. `.first()` on a page with several). */
  signedOut?: (page: Page) => Locator;
}

/** The page has no axe violations; `where` names it in the failure. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axe(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

/** WCAG 1.4.10: at 320 CSS px the page does not scroll sideways; the viewport is restored after. */
export async function expectReflows(page: Page, where: string): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 720 });
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.scroll, `${where} scrolls sideways at 320 px`).toBeLessThanOrEqual(widths.inner);
  await page.setViewportSize(size);
}

/** The steps on the page and server that `current` returns when a step runs (so it may be set in beforeAll). */
export function steps(current: () => Pick<Platform, 'page' | 'server'>, options: StepOptions = {}): Steps {
  const signedOut = options.signedOut ?? ((page: Page) => page.getByRole('link', { name: 'Sign in' }));
  return {
    async signIn(email, password = DEMO_PASSWORD) {
      const { page, server } = current();
      await page.goto(`${server.url}/signin`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expectVisible(page.getByRole('button', { name: 'Sign out' }));
      // The page moves on (to ?next= or the dashboard) once its code has loaded: the next step
      // starts on the page the user lands on.
      await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    },
    async signOut() {
      const { page } = current();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expectVisible(signedOut(page));
    },
    expectAccessible: (where) => expectAccessible(current().page, where),
    expectReflows: (where) => expectReflows(current().page, where),
  };
}

/**
 * Opens the platform (openPlatform) before the file's tests and closes it after them. `opened`
 * receives it first, to keep what the file uses (its page, server, ...) and set up more. Returns
 * the steps on that page.
 */
export function usePlatform(
  opened: (p: Platform) => void | Promise<void>,
  options: StepOptions & { env?: Record<string, string> } = {},
): Steps {
  let platform: Platform | undefined;
  beforeAll(async () => {
    platform = await openPlatform(options.env);
    await opened(platform);
  });
  afterAll(() => closePlatform(platform ?? {}));
  const notOpen = (): never => {
    throw new Error('the platform is not open: call the steps from a test');
  };
  return steps(() => platform ?? notOpen(), options);
}

/** Sets the page's upload speed in bytes per second (-1: no limit). */
export type ThrottleUploads = (bytesPerSecond: number) => Promise<void>;

/** Chromium's network emulation on `page`, for uploads slow enough that their progress can be watched. */
export async function uploadThrottle(page: Page): Promise<ThrottleUploads> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  return async (bytesPerSecond) => {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: bytesPerSecond,
    });
  };
}
