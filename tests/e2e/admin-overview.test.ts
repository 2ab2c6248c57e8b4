import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAdminSection } from '../support/admin-nav.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * The admin's Overview in real Chromium against the real platform (demo seed): the demo admin
 * opens it from the account menu, sees the seeded numbers, switches to the last 12 months by
 * month, types a range, downloads the CSV and reads it; the page passes axe and reflows at 320 px.
 * A learner is told the page is not theirs.
 */

let server: RunningServer;
let page: Page;

const { signIn, signOut, expectAccessible, expectReflows } = usePlatform((p) => {
  ({ server, page } = p);
});

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const count = async (testId: string) =>
  Number(((await page.getByTestId(testId).textContent()) ?? '').replace(/[^0-9]/g, ''));

describe('the admin overview', () => {
  it('is only for admins: a learner is told the page is not theirs', async () => {
    await signIn('student@demo.test');
    await page.getByRole('button', { name: 'Account' }).click();
    await expectVisible(page.getByRole('link', { name: 'Orders' }));
    await expectHidden(page.getByRole('link', { name: 'Overview', exact: true }));
    await expectHidden(page.getByRole('link', { name: 'Admin console' }));
    await page.goto(`${server.url}/admin`);
    await expectVisible(page.getByText('This page is for administrators.'));
    await signOut();
  });

  it('is reached from the account menu and shows the seeded numbers with charts', async () => {
    await signIn('admin@demo.test');
    await openAdminSection(page, 'Overview');
    await page.waitForURL(/\/admin$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Overview' }));
    await expectVisible(page.getByRole('heading', { level: 2, name: 'At a glance' }));
    await expectEventually(() => count('stat-users')).toBeGreaterThan(0);
    await expectEventually(() => count('stat-enrollments')).toBeGreaterThan(0);
    await expectVisible(page.getByRole('img', { name: /^Sign-ups and enrollments\./ }));
    await expectEventually(() => page.getByTestId('overview-growth-plot').locator('canvas').count()).toBe(1);
    await expectVisible(page.getByRole('img', { name: /^Revenue in [A-Z]{3}\./ }).first());
    await expectVisible(page.getByRole('table', { name: 'Top courses' }));
    await expectEventually(() =>
      page.getByRole('table', { name: 'Top courses' }).getByRole('row').count(),
    ).toBeGreaterThan(1);
    await page.getByText('Show sign-ups and enrollments as a table').click();
    await expectVisible(page.getByRole('table', { name: 'Sign-ups and enrollments' }));
    await expectAccessible('the admin overview');
    await expectReflows('the admin overview');
  });

  it('changes the range with a preset and with typed dates, and refuses a reversed range', async () => {
    await page.getByRole('button', { name: 'Last 12 months' }).click();
    await expectEventually(() => page.getByLabel('Group by', { exact: true }).inputValue()).toBe('month');
    await expectEventually(() => page.getByLabel('From', { exact: true }).inputValue()).toBe(daysAgo(364));
    await expectVisible(page.getByText(/, by month\. Times are UTC\./));
    await expectEventually(() =>
      page.getByRole('table', { name: 'Sign-ups and enrollments' }).getByRole('row').count(),
    ).toBeGreaterThanOrEqual(13);

    await page.getByLabel('From', { exact: true }).fill(today());
    await page.getByLabel('To', { exact: true }).fill(daysAgo(3));
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'The start date must not be after the end date.' }));

    await page.getByLabel('From', { exact: true }).fill(daysAgo(13));
    await page.getByLabel('To', { exact: true }).fill(today());
    await page.getByLabel('Group by', { exact: true }).selectOption('week');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expectVisible(page.getByText(/, by week\. Times are UTC\./));
    await expectHidden(page.getByText('The start date must not be after the end date.'));
  });

  it('downloads the per-bucket series as CSV', async () => {
    await page.getByLabel('From', { exact: true }).fill(daysAgo(29));
    await page.getByLabel('To', { exact: true }).fill(today());
    await page.getByLabel('Group by', { exact: true }).selectOption('day');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expectVisible(page.getByText(/, by day\. Times are UTC\./));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`overview-${daysAgo(29)}-to-${today()}-day.csv`);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^bucket_start,signups,enrollments(,(gross|refunds|net)_[A-Z]{3})*$/);
    expect(lines).toHaveLength(31);
    expect(lines[1]).toMatch(new RegExp(`^${daysAgo(29)},\\d+,\\d+`));
    const enrollments = lines.slice(1).reduce((s, l) => s + Number(l.split(',')[2]), 0);
    expect(enrollments).toBe(await count('stat-enrollments'));
  });
});
