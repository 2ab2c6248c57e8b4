import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAdminSection } from '../support/admin-nav.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * Companies usage (issue 13) in Chromium with the demo seed: the platform admin finds Acme on
 * /admin/companies, reads its usage (seats used of all, active learners, enrollments from
 * assignments, completions) and downloads its report as CSV. axe and 320 px reflow.
 */

let page: Page;

const { signIn, expectAccessible, expectReflows } = usePlatform((p) => {
  ({ page } = p);
});

describe('companies usage', () => {
  it("shows each company's usage and downloads its report", async () => {
    await signIn('admin@demo.test');
    await openAdminSection(page, 'Companies');
    await page.waitForURL((url) => url.pathname === '/admin/companies');
    await page.getByLabel('Filter companies').fill('acme');
    const card = page.getByRole('article', { name: 'Acme Corp', exact: true });
    await expectVisible(card);
    await expectEventually(() => page.getByRole('article').count()).toBe(1);
    await expectVisible(card.getByText('Seats used', { exact: true }));
    await expectVisible(card.getByText(/^\d+ of \d+$/));
    await expectVisible(card.getByText('Active learners (30 days)', { exact: true }));
    await expectVisible(card.getByText('Enrollments from assignments', { exact: true }));
    await expectVisible(card.getByText('Completions', { exact: true }));
    await expectAccessible('admin companies with usage');
    await expectReflows('admin companies with usage');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: "Download Acme Corp's report (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-report-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(readFileSync((await download.path())!, 'utf8').length).toBeGreaterThan(0);
  });
});
