import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAdminSection } from '../support/admin-nav.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectVisible } from '../support/web-expect.ts';

/**
 * Instructor payouts (issue 13) in Chromium on the real platform with the demo seed: the admin
 * opens Commerce → Payouts, sees the demo instructor's earnings this month and the chart of
 * shares, downloads the payout report as CSV, switches to last month (closed, due from a seeded
 * earlier sale) and marks it paid with a reference. The demo instructor then finds that payout,
 * and the seeded one before it, under Teaching → Earnings & payouts. axe and 320 px reflow on both.
 */

let server: RunningServer;
let page: Page;

const { signIn, signOut, expectAccessible, expectReflows } = usePlatform((p) => {
  ({ server, page } = p);
});

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthOf = (offset: number) => {
  const now = new Date();
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + offset;
  return { from: day(Date.UTC(y, m, 1)), to: day(Date.UTC(y, m + 1, 0)) };
};
const REFERENCE = `TR-E2E-${Date.now()}`;

describe('instructor payouts', () => {
  it("the admin sees this month's earnings per instructor, the chart, and downloads the report", async () => {
    await signIn('admin@demo.test');
    await openAdminSection(page, 'Commerce');
    await page.waitForURL(/\/admin\/commerce/);
    await page.getByRole('tab', { name: 'Payouts' }).click();
    const panel = page.getByRole('tabpanel');
    await expectVisible(panel.getByRole('heading', { level: 2, name: 'Payouts' }));
    const { from, to } = monthOf(0);
    const table = panel.getByRole('table', { name: `Instructor earnings, ${from} to ${to}` });
    await expectVisible(table.getByRole('rowheader', { name: 'Jordan Blake (USD)' }));
    await expectVisible(panel.getByText('the period is still open; it can be paid out once it is over.'));
    await expectVisible(panel.getByRole('img', { name: /^Instructor shares in USD\./ }));
    await expectAccessible('the payouts tab');
    await expectReflows('the payouts tab');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`payouts-${from}-to-${to}.csv`);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'period_start,period_end,instructor,instructor_id,currency,gross,refunds,net,platform_share_percent,platform_fee,instructor_share,paid,due',
    );
    expect(lines.some((l) => l.startsWith(`${from},${to},Jordan Blake,`))).toBe(true);

    // Maya's own share (the seed gives her 25%) set to 20%: her row shows it.
    const own = panel.getByRole('form', { name: "An instructor's own share" });
    await own.getByLabel('Instructor', { exact: true }).selectOption({ label: 'Maya Chen' });
    await own.getByLabel('Their platform share (%)').fill('20');
    await own.getByRole('button', { name: 'Save their share' }).click();
    await expectVisible(panel.getByRole('status').filter({ hasText: "Maya Chen's platform share is now 20%." }));
    await expectVisible(table.getByRole('row', { name: /^Maya Chen \(USD\).*\(20%\)/ }));
  });

  it('marks last month paid for the demo instructor with a reference', async () => {
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('button', { name: 'Last month' }).click();
    const { from, to } = monthOf(-1);
    await expectVisible(panel.getByText('the period is over; what is due can be marked paid.'));
    const table = panel.getByRole('table', { name: `Instructor earnings, ${from} to ${to}` });
    await table.getByRole('button', { name: "Mark Jordan Blake's USD share paid" }).click();
    const form = table.getByRole('form', { name: 'Payout to Jordan Blake' });
    await form.getByLabel('Transfer reference').fill(REFERENCE);
    await form.getByRole('button', { name: /^Record .+ paid$/ }).click();
    await expectVisible(panel.getByRole('status').filter({ hasText: /^Recorded .+ paid to Jordan Blake\.$/ }));
    const recorded = panel.getByRole('table', { name: 'Payouts overlapping the period' });
    await expectVisible(recorded.getByRole('cell', { name: REFERENCE }));
    await expectVisible(table.getByRole('row', { name: /Jordan Blake \(USD\).*Paid$/ }));
    await signOut();
  });

  it('the instructor sees their payouts under Teaching → Earnings & payouts', async () => {
    await signIn('instructor@demo.test');
    await page.goto(`${server.url}/teach`);
    const section = page.getByRole('region', { name: 'Earnings & payouts' });
    await expectVisible(section.getByRole('heading', { level: 2, name: 'Earnings & payouts' }));
    const payouts = section.getByRole('table', { name: 'Payouts made to you' });
    const last = monthOf(-1);
    await expectVisible(payouts.getByRole('row', { name: new RegExp(`${last.from} to ${last.to}.*${REFERENCE}`) }));
    const before = monthOf(-2);
    await expectVisible(payouts.getByRole('rowheader', { name: `${before.from} to ${before.to}` }));
    await expectVisible(section.getByRole('table', { name: 'Your earnings by month' }));
    await expectAccessible('the teaching page with earnings and payouts');
    await expectReflows('the teaching page with earnings and payouts');
  });
});
