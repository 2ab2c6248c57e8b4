import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAdminSection } from '../support/admin-nav.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * The commerce admin in real Chromium against the real platform (demo seed): the demo admin finds
 * it from the header, moves through its tabs (each passes axe), creates a coupon and sees it
 * listed, edits a tax rate, and refunds the demo student's paid order in full; the order then
 * shows as refunded with its credit note.
 */

let server: RunningServer;
let page: Page;

const { signIn, signOut, expectAccessible } = usePlatform((p) => {
  ({ server, page } = p);
});

const tab = (name: string) => page.getByRole('tab', { name });
const panel = () => page.getByRole('tabpanel');

async function openTab(name: string, heading: string) {
  await tab(name).click();
  await expectVisible(panel().getByRole('heading', { level: 2, name: heading }));
  expect(await tab(name).getAttribute('aria-selected')).toBe('true');
}

describe('the commerce admin', () => {
  it('is only for admins: a learner gets no header link and is told the page is not theirs', async () => {
    await signIn('student@demo.test');
    await expectVisible(page.getByRole('link', { name: 'My learning' }));
    await page.getByRole('button', { name: 'Account' }).click();
    await expectVisible(page.getByRole('link', { name: 'Orders' }));
    await expectHidden(page.getByRole('link', { name: 'Commerce', exact: true }));
    await expectHidden(page.getByRole('link', { name: 'Admin console' }));
    await page.goto(`${server.url}/admin/commerce`);
    await expectVisible(page.getByText('This page is for administrators.'));
    await signOut();
  });

  it('is reached from the header by the admin, and each tab passes axe', async () => {
    await signIn('admin@demo.test');
    await openAdminSection(page, 'Commerce');
    await page.waitForURL(/\/admin\/commerce/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Commerce admin' }));
    await expectVisible(page.getByRole('tablist', { name: 'Commerce' }));
    await expectVisible(panel().getByRole('table', { name: 'Bundles' }));
    await expectAccessible('the bundles tab');

    await openTab('Pricing rules', 'Pricing rules');
    await expectAccessible('the pricing rules tab');
    await openTab('Coupons', 'Coupons');
    await expectVisible(panel().getByRole('row', { name: /^WELCOME10/ }));
    await expectAccessible('the coupons tab');
    await openTab('Tax rates', 'Tax rates');
    await expectVisible(panel().getByRole('table', { name: 'Tax rates' }));
    await expectAccessible('the tax rates tab');
    await openTab('Orders & refunds', 'Orders and refunds');
    await expectVisible(panel().getByRole('img', { name: /Paid and refunded per day/ }));
    await expectVisible(panel().getByRole('table', { name: 'Orders, newest first' }));
    await expectAccessible('the orders tab');
    await openTab('Demo requests', 'Demo requests');
    await expectVisible(panel().getByRole('table', { name: 'Demo requests, newest first' }));
    await expectAccessible('the demo requests tab');
  });

  it('moves between tabs with the arrow keys, Home and End', async () => {
    await tab('Demo requests').focus();
    await page.keyboard.press('Home');
    await expectVisible(panel().getByRole('heading', { level: 2, name: 'Bundles' }));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bundles');
    await page.keyboard.press('ArrowRight');
    await expectVisible(panel().getByRole('heading', { level: 2, name: 'Pricing rules' }));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expectVisible(panel().getByRole('heading', { level: 2, name: 'Demo requests' }));
    await page.keyboard.press('End');
    expect(await tab('Demo requests').getAttribute('tabindex')).toBe('0');
    expect(await tab('Bundles').getAttribute('tabindex')).toBe('-1');
  });

  it('creates a coupon and lists it; a taken code is refused beside the field', async () => {
    await openTab('Coupons', 'Coupons');
    const form = panel().getByRole('form', { name: 'New coupon' });
    await form.getByLabel('Code', { exact: true }).fill('welcome10');
    await form.getByLabel('Label', { exact: true }).fill('Taken');
    await form.getByRole('button', { name: 'Create coupon' }).click();
    await expectVisible(form.getByRole('alert').filter({ hasText: 'One field needs attention.' }));
    await expectVisible(form.getByText('Another coupon has that code.'));
    expect(await form.getByLabel('Code', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Code', { exact: true }).fill('e2e-launch');
    await form.getByLabel('Label', { exact: true }).fill('Launch week: 25% off');
    await form.getByLabel('Discount (%)').fill('25');
    await form.getByLabel('Uses in total (optional)').fill('50');
    await form.getByRole('button', { name: 'Create coupon' }).click();
    await expectVisible(form.getByRole('status').filter({ hasText: 'Created E2E-LAUNCH.' }));
    const row = panel().getByRole('row', { name: /E2E-LAUNCH/ });
    await expectVisible(row);
    await expectVisible(row.getByRole('cell', { name: '25% off' }));
    await expectVisible(row.getByRole('cell', { name: '0 of 50' }));
    await expectAccessible('the coupons tab after creating one');
  });

  it('edits a tax rate', async () => {
    await openTab('Tax rates', 'Tax rates');
    await panel().getByRole('button', { name: 'Edit GST 10% (AU)' }).click();
    const form = panel().getByRole('form', { name: 'Edit GST 10% (AU)' });
    await expectVisible(form);
    await form.getByLabel('Label', { exact: true }).fill('GST 10% (Australia)');
    await form.getByLabel('Last day (optional)').fill('2099-12-31');
    await form.getByRole('button', { name: 'Save tax rate' }).click();
    const row = panel().getByRole('row', { name: /GST 10% \(Australia\)/ });
    await expectVisible(row);
    await expectVisible(row.getByRole('cell', { name: /to Dec 31, 2099/ }));
    await expectVisible(panel().getByRole('form', { name: 'New tax rate' }));
  });

  it("refunds the demo student's paid order in full: refunded, with a credit note", async () => {
    await openTab('Orders & refunds', 'Orders and refunds');
    await panel().getByLabel('Search orders').fill('student@demo.test');
    await panel().getByLabel('Status').selectOption('paid');
    await panel().getByRole('button', { name: 'Search' }).click();
    const rows = panel()
      .getByRole('table', { name: 'Orders, newest first' })
      .getByRole('row', { name: /Riley Park/ });
    await expectVisible(rows.first());
    expect(await rows.count()).toBe(1);
    const row = rows.first();
    await expectVisible(row.getByRole('cell', { name: 'Paid', exact: true }));
    const orderName = (await row.getByRole('rowheader').textContent())!.trim();
    expect(orderName).toMatch(/^INV-\d{4}-\d{4}-\d{3}$/);

    await row.getByRole('button', { name: `Refund ${orderName}` }).click();
    const form = panel().getByRole('form', { name: `Refund order ${orderName}` });
    await expectVisible(form);
    await expectAccessible('the refund form');
    await form.getByRole('button', { name: 'Refund…' }).click();
    await expectVisible(form.getByText('Say why the order is refunded.'));
    await form.getByLabel('Reason').fill('Requested by the learner');
    await form.getByRole('button', { name: 'Refund…' }).click();
    const confirm = form.getByRole('button', { name: /^Confirm refund of / });
    await expectVisible(confirm);
    await confirm.click();

    const done = panel().getByText(/^Refunded .+ of INV-.+\. Credit note CN-\d{4}-\d{4}-\d{3}\.$/);
    await expectVisible(done);
    const creditNote = /Credit note (CN-[\d-]+)\./.exec((await done.textContent()) ?? '')![1]!;
    await panel().getByLabel('Status').selectOption('');
    await panel().getByRole('button', { name: 'Search' }).click();
    const refunded = panel().getByRole('row', { name: new RegExp(orderName) });
    await expectVisible(refunded.getByRole('cell', { name: 'Refunded', exact: true }));
    await expectVisible(refunded.getByRole('cell', { name: new RegExp(creditNote) }));
    await expectHidden(refunded.getByRole('button', { name: `Refund ${orderName}` }));
    await expectAccessible('the orders tab after a refund');
  });

  it('lists the coupon, the tax rate and the refund in the audit log, each with what changed', async () => {
    await openAdminSection(page, 'Audit log');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Audit log' }));
    const coupon = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Created a coupon' }) });
    await expectVisible(coupon.getByRole('cell', { name: /code: “E2E-LAUNCH”/ }));
    const tax = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Changed a tax rate' }) });
    await expectVisible(tax.getByRole('cell', { name: 'GST 10% (Australia)', exact: true }));
    await expectVisible(tax.getByRole('cell', { name: /label: “GST 10% \(Australia\)”/ }));
    await expectVisible(page.getByRole('rowheader', { name: 'Refunded an order' }).first());
    await page.getByLabel('Action').selectOption('coupon');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expectHidden(page.getByRole('rowheader', { name: 'Changed a tax rate' }));
    await expectVisible(page.getByRole('rowheader', { name: 'Created a coupon' }));
    await expectAccessible('the audit log');
  });
});
