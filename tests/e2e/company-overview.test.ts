import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { ids } from '../../seed/ids.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * The company overview and billing in real Chromium (issue 11), on the seed: Acme's admin sees
 * the numbers, the seats chart, both charts (completions per week, progress by group) with their
 * tables, and the company's order, which opens on the order page with its invoice; Globex's admin
 * sees Globex's numbers only (five people, one invitation, eight assignments of two courses on
 * ten platform-added seats), its groups' progress, no orders and its seat purchases. Each page
 * passes axe.
 */

let server: RunningServer;
let page: Page;

const { signIn, signOut, expectAccessible, expectReflows } = usePlatform((p) => {
  ({ server, page } = p);
});

const numbers = () => page.getByRole('list', { name: 'Company in numbers' });
const stat = (label: string) =>
  numbers()
    .getByRole('listitem')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('.stat-value');
const tableRow = (caption: string, name: string) =>
  page
    .getByRole('table', { name: caption })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
const cells = (caption: string, name: string) =>
  tableRow(caption, name)
    .getByRole('cell')
    .allInnerTexts()
    .then((t) => t.map((s) => s.trim()));

describe("a company admin's overview and billing", () => {
  it("shows Acme's numbers, seats and both charts with their tables", async () => {
    await signIn('companyadmin@demo.test');
    await page.goto(`${server.url}/company`);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Overview' }));
    await expectEventually(() => stat('Employees').innerText()).toBe('2');
    await expectEventually(() => stat('Pending invitations').innerText()).toBe('0');
    await expectEventually(() => stat('Courses assigned').innerText()).toBe('1');
    await expectEventually(() => stat('Overdue assignments').innerText()).toBe('0');

    await expectVisible(page.getByRole('img', { name: /^Seats used and bought per course/ }));
    await expectVisible(tableRow('Seats per course', 'Git & GitHub Workflow'));

    await expectVisible(page.getByRole('img', { name: /^Completions per week, last 12 weeks/ }));
    await page.getByText('Completions per week as a table').click();
    await expectEventually(() =>
      page.getByRole('table', { name: 'Completions per week' }).locator('tbody tr').count(),
    ).toBe(12);

    await expectVisible(page.getByRole('img', { name: /^Mean progress by group/ }));
    // Engineering: the demo employee, one assigned course; Sales: nobody; the admin is in no group.
    await expectEventually(() => cells('Mean progress by group', 'Engineering').then((c) => c.slice(0, 2))).toEqual([
      '1',
      '1',
    ]);
    await expectEventually(() => cells('Mean progress by group', 'Sales')).toEqual(['0', '0', 'No assignments']);
    await expectEventually(() => cells('Mean progress by group', 'No group')).toEqual(['1', '0', 'No assignments']);
    await expectVisible(page.getByText('Nothing is overdue.'));
    await expectAccessible('the company overview');
    await expectReflows('the company overview');
  });

  it("lists Acme's order on Billing, which opens with its invoice", async () => {
    await page.getByRole('navigation', { name: 'Company sections' }).getByRole('link', { name: 'Billing' }).click();
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Billing' }));
    const buy = page.getByRole('link', { name: 'Buy more seats' });
    await expectVisible(buy);
    // The company packages page, for this company: its "Enroll your team" then buys Acme's seats.
    await expectEventually(() => buy.getAttribute('href')).toBe(`/for-companies?company=${ids.company('acme')}`);
    const orders = page.getByRole('table', { name: /orders, newest first/ });
    await expectEventually(() => orders.locator('tbody tr').count()).toBe(1);
    await expectVisible(orders.getByText(/Full-stack JavaScript/));
    await expectVisible(orders.getByText('Paid', { exact: true }));
    await expectVisible(page.getByRole('table', { name: 'Seat purchases, newest first' }));
    await expectAccessible('the company billing page');

    const number = (await orders.getByRole('rowheader').innerText()).trim();
    await orders.getByRole('link', { name: number }).click();
    await expectVisible(page.getByRole('heading', { name: 'Invoices and credit notes' }));
    await expectVisible(page.getByRole('button', { name: `Download invoice ${number}` }));
    await signOut();
  });

  it("shows Globex's admin Globex only, with its groups' progress and seat purchases", async () => {
    await signIn('globexadmin@demo.test');
    await page.goto(`${server.url}/company`);
    await expectVisible(page.getByRole('heading', { level: 1, name: /Globex/ }));
    await expectEventually(() => stat('Employees').innerText()).toBe('5');
    await expectEventually(() => stat('Pending invitations').innerText()).toBe('1');
    await expectEventually(() => stat('Courses assigned').innerText()).toBe('2');
    await expectEventually(() => stat('Overall progress').innerText()).toBe('0%');
    await expectEventually(() => stat('Seats used / bought').innerText()).toBe('8 / 10');
    // Support: two employees and the invited Robin Novak; Operations: two; the admin in no group.
    await expectEventually(() => cells('Mean progress by group', 'Support')).toEqual(['3', '4', '0%']);
    await expectEventually(() => cells('Mean progress by group', 'Operations')).toEqual(['2', '4', '0%']);
    await expectEventually(() => cells('Mean progress by group', 'No group')).toEqual(['1', '0', 'No assignments']);
    await expectVisible(page.getByRole('img', { name: /^Completions per week/ }));
    await expectAccessible("Globex's overview");

    await page.goto(`${server.url}/company/billing`);
    await expectVisible(page.getByText('No orders yet.'));
    const purchases = page.getByRole('table', { name: 'Seat purchases, newest first' });
    await expectEventually(() => purchases.locator('tbody tr').count()).toBe(2);
    await expectEventually(() => purchases.getByText('Added by the platform').count()).toBe(2);
    await expectAccessible("Globex's billing page");
    await expectReflows("Globex's billing page");
  });
});
