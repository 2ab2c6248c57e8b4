import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Web-first assertions for playwright-core, which has no test runner and so no
 * `expect(locator).toBeVisible()`. Each one waits, as a user would, until the page gets
 * there or the timeout ends; none of them reads the page once and decides (a one-shot read
 * answers too early under load).
 * For values (text, attributes, counts), `expectEventually(() => locator...)`.
 */

/** How long a step may take under load: the e2e pages' default timeout (page.setDefaultTimeout). */
export const WEB_TIMEOUT = 20_000;

export interface WaitOptions {
  /** Milliseconds; the page's default timeout when absent. */
  timeout?: number;
}

async function waitForState(locator: Locator, state: 'visible' | 'hidden', opts: WaitOptions): Promise<void> {
  try {
    await locator.waitFor({ state, timeout: opts.timeout });
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(`expected ${locator} to be ${state}: ${why}`);
  }
}

/** Waits until the locator's element is visible. It must name one element: use `.first()` for a list. */
export function expectVisible(locator: Locator, opts: WaitOptions = {}): Promise<void> {
  return waitForState(locator, 'visible', opts);
}

/** Waits until the locator's element is hidden or gone. */
export function expectHidden(locator: Locator, opts: WaitOptions = {}): Promise<void> {
  return waitForState(locator, 'hidden', opts);
}

/**
 * `expect.poll` with the page's patience: vitest's own default (1 s) is shorter than a loaded
 * machine takes to render, which made value checks fail while the page was still on its way.
 */
export function expectEventually<T>(read: () => T | Promise<T>, opts: WaitOptions = {}) {
  return expect.poll(read, { timeout: opts.timeout ?? WEB_TIMEOUT, interval: 100 });
}
