import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../edge/invoices/pdf-text.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * The buyer's path in real Chromium against the real platform and its local payment provider:
 * the demo student buys a paid course on the Payment page, pays on the hosted test checkout with
 * 4242… and lands on the dashboard with the course; a declined card says why and enrolls nothing;
 * coupons apply or say why not; the order's invoice downloads as a PDF naming the learner and its
 * number; the cart keeps a course for later. Every page passes axe.
 */

let server: RunningServer;
let page: Page;

const { signIn, signOut, expectAccessible } = usePlatform((p) => {
  ({ server, page } = p);
});

/** From a course page, "Buy now" to the Payment page, with its summary priced. */
async function buyNow(slug: string) {
  await page.goto(`${server.url}/courses/${slug}`);
  await page.getByRole('link', { name: 'Buy now' }).click();
  await page.waitForURL(/\/checkout\?course=/);
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Checkout' }));
  await expectVisible(page.getByRole('heading', { name: 'Order summary' }));
}

/** Pay on the Payment page and arrive on the hosted test checkout. */
async function payAndOpenTestCheckout() {
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await page.waitForURL(/\/checkout\/test\/cs_test_local_/);
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Test checkout — no real money' }));
}

describe('buying a course', () => {
  it('the demo student buys a paid course with 4242… and lands on the dashboard with it', async () => {
    await signIn('student@demo.test');
    await buyNow('docker-for-developers');
    const summary = page.getByRole('region', { name: 'Order summary' });
    await expectVisible(summary.getByText('Docker for Developers'));
    await page.getByRole('radio', { name: 'Card' }).check();
    await page.getByLabel('Country (for tax)').selectOption('DE');
    await expectVisible(summary.getByText('Tax (VAT 19%)'));
    await expectAccessible('the Payment page');

    await payAndOpenTestCheckout();
    await expectVisible(page.getByText('4242 4242 4242 4242'));
    await expectAccessible('the test checkout');
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.waitForURL(/\/dashboard$/);
    await expectVisible(page.getByRole('link', { name: 'Docker for Developers' }));
  });

  it('a declined card says why, leaves no enrollment, and another card may be tried', async () => {
    await buyNow('kubernetes-in-production');
    await payAndOpenTestCheckout();
    await page.getByLabel('Card number').fill('4000 0000 0000 0002');
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'Your card was declined. Try another card.' }));
    await expectVisible(page.getByLabel('Card number'));
    await page.goto(`${server.url}/dashboard`);
    await expectVisible(page.getByRole('link', { name: 'Docker for Developers' }));
    await expectHidden(page.getByRole('link', { name: 'Kubernetes in Production' }));
  });

  it("lists the student's orders and downloads the invoice: the learner's name and the INV number", async () => {
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('link', { name: 'Orders' }).click();
    await page.waitForURL(/\/orders$/);
    await expectVisible(page.getByRole('table', { name: 'Your orders' }));
    await expectAccessible('the orders page');
    const row = page.getByRole('row').filter({ hasText: 'Docker for Developers' });
    const button = row.getByRole('button', { name: /^Download invoice INV-\d{4}-\d{4}-\d{3,}$/ });
    await expectVisible(button);
    const number = (await button.textContent())!.replace('Download invoice ', '').trim();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const pdf = await readPdfText(new Uint8Array(readFileSync((await download.path())!)));
    const text = pdf.pages
      .flat()
      .map((s) => s.text)
      .join('\n');
    expect(text).toContain(number);
    expect(text).toContain('Riley Park');

    await row.getByRole('link', { name: /^Order of / }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: `Order ${number}` }));
    await expectVisible(page.getByRole('button', { name: `Download invoice ${number}` }));
    await expectVisible(page.getByRole('button', { name: 'Request a refund' }));
    await expectAccessible('the order page');

    // The receipt went through the mail port once (the dev outbox is the embedded transport).
    await page.goto(`${server.url}/dev/outbox`);
    const receipt = page.getByRole('heading', { level: 2, name: `Your receipt and invoice ${number}` });
    await expectVisible(receipt.first());
    expect(await receipt.count()).toBe(1); // the list renders whole: a second receipt would be there too
  });

  it('keeps a course in the cart, shown in the header, and checks it out from there', async () => {
    await page.goto(`${server.url}/courses/web-performance-in-practice`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expectVisible(page.getByRole('link', { name: 'In your cart: view cart' }));
    await page.getByRole('link', { name: 'Cart, 1 item' }).click();
    await page.waitForURL(/\/cart$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Your cart' }));
    await expectVisible(page.getByRole('region', { name: 'Order summary' }).getByText('Web Performance in Practice'));
    await expectAccessible('the cart');
    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await page.waitForURL(/\/checkout$/);
    await expectVisible(page.getByRole('region', { name: 'Order summary' }).getByText('Web Performance in Practice'));
    await page.goto(`${server.url}/cart`);
    await page.getByRole('button', { name: 'Remove Web Performance in Practice' }).click();
    await expectVisible(page.getByText('Your cart is empty.'));
    await expectVisible(page.getByRole('link', { name: 'Cart', exact: true }));
  });
});

describe('coupons on the Payment page', () => {
  it('WELCOME10 applies; an expired code says so', async () => {
    await signOut();
    await signIn('employee@demo.test');
    await buyNow('modern-javascript-essentials');
    const summary = page.getByRole('region', { name: 'Order summary' });
    await page.getByLabel('Coupon code').fill('welcome10');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expectVisible(summary.getByText('Coupon WELCOME10'));
    await expectVisible(page.getByText('Coupon WELCOME10 applied: 10% off your first order.'));

    await page.getByLabel('Coupon code').fill('SPRING2025');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'This coupon code has expired.' }));
    await expectHidden(summary.getByText('Coupon WELCOME10'));
    await expectAccessible('the Payment page with a refused coupon');
  });

  it('preselects a corporate purchase from ?seats= and asks a buyer without a company for its name', async () => {
    await page.goto(`${server.url}/checkout?course=${await courseId('modern-javascript-essentials')}&seats=10`);
    await expectVisible(page.getByRole('radio', { name: 'Corporate' }));
    await expectEventually(() => page.getByRole('radio', { name: 'Corporate' }).isChecked()).toBe(true);
    await expectVisible(page.getByLabel('Number of seats'));
    await expectVisible(page.getByLabel('Company name'));
    await expectVisible(page.getByRole('region', { name: 'Order summary' }).getByText('10 seats'));
    await expectAccessible('the corporate Payment page');
  });
});

async function courseId(slug: string): Promise<string> {
  const res = await fetch(`${server.url}/api/courses/${slug}`);
  return ((await res.json()) as { id: string }).id;
}
