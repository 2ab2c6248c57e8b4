import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/accounts.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { Platform } from '../support/platform.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * Live company progress (issue 12) in two Chromium contexts on the real platform: Globex's admin
 * watches the company overview while an employee, in another browser, completes a lesson of a
 * course Globex assigned; the admin's numbers move without a reload.
 */

let server: RunningServer;
let page: Page;
let platform: Platform;
let learnerContext: BrowserContext | undefined;

const { signIn } = usePlatform((p) => {
  platform = p;
  ({ server, page } = p);
});
afterAll(async () => {
  await learnerContext?.close();
});

const stat = (label: string) =>
  page
    .getByRole('list', { name: 'Company in numbers' })
    .getByRole('listitem')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('.stat-value');

describe('live company progress', () => {
  it("moves the admin's overview when an employee completes a lesson elsewhere", async () => {
    await signIn('globexadmin@demo.test');
    await page.goto(`${server.url}/company`);
    await expectVisible(page.getByRole('status').filter({ hasText: 'Live: progress updates as your people learn' }));
    await expectEventually(() => stat('Overall progress').innerText()).toBe('0%');
    // A mark that a reload would wipe.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    learnerContext = await platform.browser.newContext();
    const learner = await learnerContext.newPage();
    await learner.goto(`${server.url}/signin?next=${encodeURIComponent('/learn/git-and-github-workflow')}`);
    await learner.getByLabel('Email').fill('globex1@demo.test');
    await learner.getByLabel('Password').fill(DEMO_PASSWORD);
    await learner.getByRole('button', { name: 'Sign in' }).click();
    await learner.waitForURL((url) => url.pathname.startsWith('/learn/git-and-github-workflow'));
    const markComplete = learner.getByRole('button', { name: 'Mark as complete' });
    await expectEventually(() => markComplete.getAttribute('aria-disabled')).toBeNull();
    await markComplete.click();
    const progress = learner.getByRole('progressbar', { name: 'Course progress' });
    await expectEventually(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);

    // No reload on the admin's page: the broadcast on company:<id> makes it read the report again.
    await expectEventually(() => stat('Overall progress').innerText()).not.toBe('0%');
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(
      true,
    );
  });
});
