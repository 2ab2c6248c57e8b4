import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, describeViolations } from '../support/browser.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectHidden, expectVisible, WEB_TIMEOUT } from '../support/web-expect.ts';

/**
 * The notification bell in real Chromium against the real platform: a new learner enrolls in a
 * free course in a second tab, and the first tab's bell (never reloaded) shows the welcome as it
 * happens, through the database trigger's realtime.send on the private topic `user:<uid>` and
 * the embedded Realtime service. Then the bell with the keyboard alone.
 */

let server: RunningServer;
let context: BrowserContext;
let page: Page;

const email = `bell-${Date.now()}@example.test`;
const COURSE = 'git-and-github-workflow';

usePlatform((p) => {
  ({ server, context, page } = p);
});

const bell = (p: Page) => p.getByRole('button', { name: /^Notifications/ });
const panel = (p: Page) => p.getByRole('region', { name: 'Notifications' });

const focused = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase(), name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '' };
  });

async function tabTo(p: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 40) {
  for (let i = 0; i < max; i++) {
    await p.keyboard.press('Tab');
    if (matches(await focused(p))) return;
  }
  throw new Error(`never reached the element with Tab; last focus: ${JSON.stringify(await focused(p))}`);
}

describe('the notification bell', () => {
  it('starts empty for a new learner', async () => {
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('First name').fill('Bea');
    await page.getByLabel('Last name').fill('Bell');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('bell-password-1');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectVisible(page.getByRole('button', { name: 'Sign out' }));
    await page.goto(`${server.url}/dashboard`);
    await expectVisible(page.getByRole('heading', { level: 1 }));
    await expectVisible(bell(page));
    expect(await bell(page).getAttribute('aria-label')).toBe('Notifications');
    await bell(page).click();
    await expectVisible(panel(page).getByText('No notifications yet.'));
    await bell(page).click();
    await expectHidden(panel(page));
  });

  it('shows the welcome to a course enrolled in another tab, live, without a reload', async () => {
    const loadedAt = await page.evaluate(() => performance.timeOrigin);
    const other = await context.newPage();
    other.setDefaultTimeout(WEB_TIMEOUT);
    await other.goto(`${server.url}/courses/${COURSE}`);
    const title = (await other.getByRole('heading', { level: 1 }).textContent())!.trim();
    await other.getByRole('button', { name: 'Enroll for free' }).click();
    await expectVisible(other.getByRole('link', { name: 'Go to course' }));

    // The first tab, untouched: its badge and name change, and the live region says it.
    await expectEventually(() => bell(page).getAttribute('aria-label')).toBe('Notifications, 1 unread');
    await expectVisible(page.locator('.bell-badge').filter({ hasText: '1' }));
    await expectEventually(() => page.locator('main [aria-live="polite"]').textContent()).toBe(
      `New notification: Welcome to ${title}`,
    );
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(loadedAt);

    await bell(page).click();
    const item = panel(page).getByRole('link', { name: `Welcome to ${title}` });
    await expectVisible(item);
    expect(await item.getAttribute('href')).toBe(`/learn/${COURSE}`);
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await other.close();
  });

  it('is reached and operated with the keyboard alone', async () => {
    await page.goto(`${server.url}/dashboard`);
    await expectVisible(page.getByRole('heading', { level: 1 }));
    await expectEventually(() => bell(page).getAttribute('aria-label')).toBe('Notifications, 1 unread');

    await page.locator('body').focus();
    await tabTo(page, (f) => f.tag === 'button' && f.name.startsWith('Notifications'));
    await page.keyboard.press('Enter');
    await expectVisible(panel(page));
    expect(await bell(page).getAttribute('aria-expanded')).toBe('true');

    // Tab walks into the panel: "Mark all as read" comes first.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ tag: 'button', name: 'Mark all as read' });
    await page.keyboard.press('Enter');
    await expectEventually(() => bell(page).getAttribute('aria-label')).toBe('Notifications');
    await expectHidden(page.locator('.bell-badge'));

    // Escape closes the panel and puts focus back on the bell.
    await page.keyboard.press('Escape');
    await expectHidden(panel(page));
    expect(await bell(page).getAttribute('aria-expanded')).toBe('false');
    expect((await focused(page)).name).toBe('Notifications');

    // Marked read on the server too: a reload still shows none unread.
    await page.reload();
    await expectVisible(bell(page));
    await expectEventually(() => bell(page).getAttribute('aria-label')).toBe('Notifications');
  });

  it('fits a 320 px screen, inside the folded menu', async () => {
    await page.setViewportSize({ width: 320, height: 720 });
    await page.getByRole('button', { name: 'Menu' }).click();
    await bell(page).click();
    await expectVisible(panel(page).getByRole('link', { name: /^Welcome to / }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
