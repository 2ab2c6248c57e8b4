import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BundleCard, BundleList } from '../../edge/api-types.ts';
import { DEMO_PASSWORD } from '../../seed/data/accounts.ts';
import { openPglite } from '../../server/db/pglite.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { Platform } from '../support/platform.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * Bundles and company packages in real Chromium on the real platform (seeded demo data): the
 * bundles page with its savings and rules, its filters (mouse and keyboard, kept in the URL), "See
 * in bundle" on a course page, the company packages page's seat tiers and demo request (the lead is
 * checked in the database once the server has stopped), and the company admin's /company page
 * with the seeded seat purchase. Every page is reached by links and checked with axe.
 */

let p: Platform;
let page: Page;
let bundles: BundleCard[];

const lead = {
  name: 'Morgan Buyer',
  email: `morgan-${Date.now()}@example.test`,
  company: 'Example Industries',
  teamSize: '25',
  message: 'Our analysts need SQL and statistics.',
};

const { expectAccessible } = usePlatform(async (opened) => {
  p = opened;
  page = p.page;
  const res = await fetch(`${p.server.url}/api/bundles`);
  bundles = ((await res.json()) as BundleList).items;
});

const usd = (amount: number) => `$${(amount / 100).toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ',')}`;
const status = () => page.locator('.bundles-page [role="status"].result-count');
const bundleCards = () => page.locator('article.bundle-card');

describe('bundles', () => {
  it('shows the seeded bundles with their courses, savings and rules in words', async () => {
    expect(bundles.map((b) => b.slug).sort()).toEqual(
      ['containers-to-production', 'data-science-path', 'full-stack-javascript', 'product-design-and-business'].sort(),
    );
    await page.goto(p.server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bundles' }).click();
    await page.waitForURL(/\/bundles$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Course bundles' }));
    await expectEventually(() => status().textContent()).toBe(`${bundles.length} bundles`);
    await expectEventually(() => bundleCards().count()).toBe(bundles.length);

    const data = bundles.find((b) => b.slug === 'data-science-path')!;
    expect(data.savings).toBeGreaterThan(0);
    const card = page.getByRole('article', { name: data.title });
    await expectVisible(card.getByText('Buy 2, get 10% off; 3 or more, 20% off'));
    await expectVisible(card.getByText(`You save ${usd(data.savings)} (20%)`));
    await expectVisible(card.locator('s.bundle-list-total', { hasText: usd(data.listTotal) }));
    await expectVisible(card.locator('.bundle-price .price', { hasText: usd(data.bundlePrice) }));
    for (const course of data.courses) await expectVisible(card.getByRole('link', { name: course.title }));
    expect(await card.getByRole('link', { name: 'Buy bundle' }).getAttribute('href')).toBe(
      `/checkout?bundle=${data.id}`,
    );
    await card.getByRole('button', { name: 'Add to cart' }).click();
    await expectVisible(card.getByRole('button', { name: 'In your cart' }));
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('lms-cart-v1'))) ?? '[]')).toEqual([
      { kind: 'bundle', id: data.id, title: data.title },
    ]);
    await expectAccessible('bundles');
  });

  it('filters by category and price with the mouse or the keyboard, and by a search, in the URL', async () => {
    await page.getByRole('radio', { name: 'Data Science' }).check();
    await page.waitForURL(/\/bundles\?category=data-science$/);
    await expectEventually(() => status().textContent()).toBe('1 bundle');
    await expectVisible(page.getByRole('article', { name: 'Data science path' }));

    // Back to any category, then a price band chosen from the keyboard alone.
    await page.getByRole('button', { name: 'Clear all filters' }).first().click();
    await page.waitForURL(/\/bundles$/);
    await expectEventually(() => status().textContent()).toBe(`${bundles.length} bundles`);
    const wanted = bundles.filter((b) => b.bundlePrice > 10_000).length;
    expect(wanted).toBeGreaterThan(0);
    await page.getByRole('radio', { name: '$100+' }).focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/\/bundles\?price=100-plus$/);
    await expectEventually(() => status().textContent()).toBe(`${wanted} ${wanted === 1 ? 'bundle' : 'bundles'}`);
    await expectEventually(() => page.getByRole('radio', { name: '$100+' }).isChecked()).toBe(true);

    // A search across bundle and course titles, kept with the price band (the API says what matches both).
    const both = (await (await fetch(`${p.server.url}/api/bundles?q=Kubernetes&price=100-plus`)).json()) as BundleList;
    await page.getByLabel('Search bundles').fill('Kubernetes');
    await page.getByLabel('Search bundles').press('Enter');
    await page.waitForURL(/\/bundles\?q=Kubernetes&price=100-plus$/);
    await expectEventually(() => bundleCards().count()).toBe(both.items.length);
    await page.getByRole('radio', { name: 'Any' }).nth(1).check();
    await page.waitForURL(/\/bundles\?q=Kubernetes$/);
    await expectEventually(() => status().textContent()).toBe('1 bundle');
    await expectVisible(page.getByRole('article', { name: 'From containers to production' }));

    // The back button is a filter change too.
    await page.goBack();
    await page.waitForURL(/\/bundles\?q=Kubernetes&price=100-plus$/);
    await page.goBack();
    await page.waitForURL(/\/bundles\?price=100-plus$/);
    await expectEventually(() => bundleCards().count()).toBe(wanted);
    await expectAccessible('bundles, filtered');
  });

  it('shows "See in bundle" on a course page, with the discount, linking to the bundle', async () => {
    await page.goto(`${p.server.url}/courses`);
    await page.getByLabel('Search courses').fill('SQL for Analysts');
    await page.getByLabel('Search courses').press('Enter');
    await page.getByRole('link', { name: 'SQL for Analysts', exact: true }).first().click();
    await page.waitForURL(/\/courses\/sql-for-analysts$/);
    const section = page.getByRole('region', { name: 'See in bundle' });
    await expectVisible(section);
    const link = section.getByRole('link', { name: 'Save 20% in Data science path' });
    await expectVisible(link);
    await expectAccessible('course details with bundles');

    await link.click();
    await page.waitForURL(/\/bundles\/data-science-path$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Data science path' }));
    await expectVisible(page.getByRole('heading', { level: 3, name: 'SQL for Analysts' }));
    await expectAccessible('bundle details');
  });
});

describe('company packages', () => {
  it('shows the seat tiers and stores a demo request from a labelled form', async () => {
    await page.goto(p.server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'For companies' }).click();
    await page.waitForURL(/\/for-companies$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Company packages' }));
    const tiers = page.getByRole('table', { name: 'Discount per number of seats in one purchase' });
    await expectVisible(tiers.getByRole('row', { name: '10 to 49 10% off every seat' }));
    await expectVisible(tiers.getByRole('row', { name: '200 or more 30% off every seat' }));
    expect(await page.getByRole('link', { name: 'Enroll your team' }).first().getAttribute('href')).toBe(
      '/checkout?seats=10',
    );
    await page.getByText('How does per-seat pricing work?').click();
    await expectVisible(page.getByText('Every seat is one employee’s enrollment', { exact: false }));

    await page.getByRole('link', { name: 'Request a demo' }).click();
    await page.getByRole('button', { name: 'Request a demo' }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'Enter your name.' }));
    await page.getByLabel('Your name').fill(lead.name);
    await page.getByLabel('Work email').fill(lead.email);
    await page.getByLabel('Company', { exact: true }).fill(lead.company);
    await page.getByLabel('Team size').fill(lead.teamSize);
    await page.getByLabel('What would you like to see?').fill(lead.message);
    await expectAccessible('company packages');
    await page.getByRole('button', { name: 'Request a demo' }).click();
    await expectVisible(page.getByText(`Thank you, ${lead.name}. We will write to ${lead.email}`, { exact: false }));
    await expectAccessible('demo request sent');
  });

  it("shows a company admin their company's seats at /company and its orders under Billing", async () => {
    await page.goto(`${p.server.url}/signin`);
    await page.getByLabel('Email').fill('companyadmin@demo.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(page.getByRole('button', { name: 'Sign out' }));

    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('link', { name: 'Company', exact: true }).click();
    await page.waitForURL(/\/company$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Acme Corp' }));
    const seats = page.getByRole('table', { name: 'Seats per course' });
    const fullStack = bundles.find((b) => b.slug === 'full-stack-javascript')!;
    for (const course of fullStack.courses) {
      await expectVisible(seats.getByRole('row', { name: new RegExp(`^${course.title} 10 \\d+ \\d+ 0$`) }));
    }
    // The orders are on the company's Billing section.
    await page.getByRole('navigation', { name: 'Company sections' }).getByRole('link', { name: 'Billing' }).click();
    await page.waitForURL(/\/company\/billing$/);
    const orders = page.getByRole('table', { name: "Your company's orders, newest first" });
    const invoice = orders.getByRole('link', { name: /^INV-\d{4}-\d{4}-\d{3,}$/ }).first();
    await expectVisible(invoice);
    expect(await invoice.getAttribute('href')).toMatch(/^\/orders\/[0-9a-f-]{36}$/);
    await expectVisible(orders.getByText('Full-stack JavaScript'));
    await expectAccessible('company');
  });

  it('reflows at 320 px: no page scrolls sideways', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const pages: [string, string][] = [
      ['/bundles', 'Course bundles'],
      ['/bundles/full-stack-javascript', 'Full-stack JavaScript'],
      ['/company', 'Acme Corp'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(`${p.server.url}${path}`);
      await expectVisible(page.getByRole('heading', { level: 1, name: heading }));
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      expect(widths.scroll, path).toBeLessThanOrEqual(widths.inner);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('kept the demo request in the database', async () => {
    await p.server.stop();
    const db = await openPglite(join(p.data.dir, 'pglite'));
    try {
      const rows = await db.asOwner((sql) =>
        sql.query<{ name: string; company: string; team_size: number; message: string }>(
          'select name, company, team_size, message from public.demo_requests where email = $1',
          [lead.email],
        ),
      );
      expect(rows).toEqual([
        { name: lead.name, company: lead.company, team_size: Number(lead.teamSize), message: lead.message },
      ]);
    } finally {
      await db.close();
    }
  });
});
