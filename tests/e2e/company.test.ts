import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * Company learning end to end (issue 11) in real Chromium on the real platform: a new buyer buys
 * 5 seats of a bundle for their new company, imports a CSV of 6 employees with the bundle (the
 * sixth gets no seat, with that reason), assigns the bundle to the group with a due date, an
 * employee signs up through the invitation mail, joins, sees the courses with the due date on
 * their dashboard and completes a lesson, and the admin's report and its CSV export show the
 * progress.
 */

const BUYER = { first: 'Pat', last: 'Buyer', email: 'pat.buyer@initech.example', password: 'initech-pass-2026' };
const COMPANY = 'Initech';
const BUNDLE = { slug: 'containers-to-production', title: 'From containers to production' };
const DOCKER = { slug: 'docker-for-developers', title: 'Docker for Developers' };
const KUBERNETES = 'Kubernetes in Production';
const GROUP = 'Platform team';
const EMPLOYEES = ['Ana Ops', 'Ben Build', 'Cleo Cloud', 'Dev Deploy', 'Eli Edge', 'Fay Fleet'].map((name) => ({
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}@initech.example`,
}));
const CSV = ['name,email,group', ...EMPLOYEES.map((e) => `${e.name},${e.email},${GROUP}`)].join('\n');
const EMPLOYEE = EMPLOYEES[0]!;
const EMPLOYEE_PASSWORD = 'ana-learns-2026';
const DUE = { input: '2030-06-30', shown: 'Jun 30, 2030' };

let server: RunningServer;
let page: Page;
/** The course progress the employee reached (0–100), as the player showed it. */
let reached = 0;

const { signIn, signOut, expectAccessible } = usePlatform(
  (p) => {
    ({ server, page } = p);
  },
  { signedOut: (pg) => pg.getByRole('link', { name: 'Sign in' }).first() },
);

async function bundleId(): Promise<string> {
  const res = await fetch(`${server.url}/api/bundles/${BUNDLE.slug}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

/** The corporate checkout for one missing seat of the bundle, for the company (its id in `company=`). */
const buyMoreSeats = (bundle: string) => new RegExp(`^/checkout\\?bundle=${bundle}&seats=1&company=[0-9a-f-]{36}$`);

const section = (name: string) =>
  page.getByRole('navigation', { name: 'Company sections' }).getByRole('link', { name, exact: true });

describe('a company buys seats, brings its people in and watches them learn', () => {
  it('a new buyer buys 5 seats of a bundle for their new company', async () => {
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('First name').fill(BUYER.first);
    await page.getByLabel('Last name').fill(BUYER.last);
    await page.getByLabel('Email').fill(BUYER.email);
    await page.getByLabel('Password').fill(BUYER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectVisible(page.getByRole('button', { name: 'Sign out' }));

    await page.goto(`${server.url}/checkout?bundle=${await bundleId()}&seats=5`);
    await expectEventually(() => page.getByRole('radio', { name: 'Corporate' }).isChecked()).toBe(true);
    await expectEventually(() => page.getByLabel('Number of seats').inputValue()).toBe('5');
    await page.getByLabel('Company name').fill(COMPANY);
    await page.getByRole('radio', { name: 'Card' }).check();
    await page.getByLabel('Country (for tax)').selectOption('GB');
    await expectVisible(page.getByRole('region', { name: 'Order summary' }).getByText('5 seats'));
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.waitForURL(/\/checkout\/test\/cs_test_local_/);
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/company');

    await expectVisible(page.getByRole('heading', { level: 1, name: COMPANY }));
    const seats = page.getByRole('table', { name: 'Seats per course' });
    // Course, bought, assigned, remaining, revoked.
    await expectVisible(seats.getByRole('row', { name: `${DOCKER.title} 5 0 5 0` }));
    await expectVisible(seats.getByRole('row', { name: `${KUBERNETES} 5 0 5 0` }));
    // The bundle bought, before anyone is assigned it: courses, bought, assigned, remaining.
    const bundles = page.getByRole('table', { name: 'Seats per bundle' });
    await expectVisible(bundles.getByRole('row', { name: `${BUNDLE.title} 2 5 0 5` }));
  });

  it('imports 6 employees with the bundle: 5 get seats, the sixth is told there is none left', async () => {
    await section('Import').click();
    await page.waitForURL(/\/company\/import$/);
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'initech.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expectVisible(page.getByRole('heading', { name: 'initech.csv: 6 rows' }));
    const item = page.getByLabel('Course or bundle');
    await item.selectOption({ label: `${BUNDLE.title} (2 courses): 5 seats free in each` });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expectEventually(() => page.locator('.import-progress p').textContent()).toBe('Imported 6 of 6 rows: done.');

    const rows = page.locator('table.import-rows tbody tr');
    const last = EMPLOYEES[5]!;
    await expectVisible(rows.filter({ hasText: last.email }).getByText(/no seat left in .*: buy more seats/));
    // "Buy more seats" goes to the corporate checkout for the one seat that was missing, for this company.
    const buy = page.getByRole('region', { name: 'Import report' }).getByRole('link', { name: 'Buy more seats' });
    await expectEventually(() => buy.getAttribute('href')).toMatch(buyMoreSeats(await bundleId()));
    await page.getByLabel(/All rows/).check();
    await expectEventually(() => rows.count()).toBe(6);
    await expectAccessible('the import report');
  });

  it('assigns the bundle to the group with a due date', async () => {
    await section('Assignments').click();
    await page.waitForURL(/\/company\/assignments$/);
    await page
      .getByLabel('Course or bundle')
      .selectOption({ label: `${BUNDLE.title} (2 courses): 0 seats free in each` });
    await page.getByLabel('Due date (optional)').fill(DUE.input);
    await page.getByLabel('A group').check();
    await page.getByLabel('Group', { exact: true }).selectOption({ label: `${GROUP} (6 people)` });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    const results = page.getByRole('region', { name: `Results: ${BUNDLE.title}` });
    await expectVisible(results.getByText('5 already assigned, 1 without a seat.'));
    const buy = results.getByRole('link', { name: 'Buy more seats' });
    await expectEventually(() => buy.getAttribute('href')).toMatch(buyMoreSeats(await bundleId()));
    // The checkout it opens buys the one seat for this company, and says so.
    await buy.click();
    await page.waitForURL(/\/checkout\?bundle=.*&company=/);
    await expectEventually(() => page.getByRole('radio', { name: 'Corporate' }).isChecked()).toBe(true);
    await expectEventually(() => page.getByLabel('Number of seats').inputValue()).toBe('1');
    await expectVisible(page.getByText(`The seats are bought for ${COMPANY}.`));
    await signOut();
  });

  it('an employee signs up through the invitation mail, joins and sees the courses with the due date', async () => {
    const outbox = (await (await fetch(`${server.url}/dev/api/outbox`)).json()) as {
      items: { to: string; kind: string; text: string }[];
    };
    const mail = outbox.items.find((m) => m.to === EMPLOYEE.email && m.kind === 'company_invitation');
    const link = mail?.text.match(/https?:\/\/\S+\/join#token=[\w-]+/)?.[0];
    expect(link, 'the invitation mail holds the link').toBeTruthy();

    // The mail's link names the configured site (SITE_URL); the token is in its fragment.
    await page.goto(`${server.url}/join${new URL(link!).hash}`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(/\/signup\?next=%2Fjoin/);
    await page.getByLabel('First name').fill('Ana');
    await page.getByLabel('Last name').fill('Ops');
    await page.getByLabel('Email').fill(EMPLOYEE.email);
    await page.getByLabel('Password').fill(EMPLOYEE_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => url.pathname === '/join');
    await page.getByRole('button', { name: 'Join company' }).click();
    await expectVisible(page.getByRole('heading', { name: `You joined ${COMPANY}` }));
    await page.getByRole('link', { name: 'Go to my learning' }).click();
    await page.waitForURL((url) => url.pathname === '/dashboard');

    for (const title of [DOCKER.title, KUBERNETES]) {
      const card = page.getByRole('article').filter({ has: page.getByRole('heading', { level: 3, name: title }) });
      await expectVisible(card.getByText(`Assigned by ${COMPANY}`));
      await expectVisible(card.getByText(`Due ${DUE.shown}`));
    }
    await expectAccessible('the dashboard with assigned courses');
  });

  it('the employee completes a lesson', async () => {
    await page.goto(`${server.url}/learn/${DOCKER.slug}`);
    const progress = page.getByRole('progressbar', { name: 'Course progress' });
    await expectEventually(() => progress.getAttribute('aria-valuenow')).toBe('0');
    const markComplete = page.getByRole('button', { name: 'Mark as complete' });
    await expectEventually(() => markComplete.getAttribute('aria-disabled')).toBeNull();
    await markComplete.click();
    await expectEventually(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    reached = Number(await progress.getAttribute('aria-valuenow'));
    await signOut();
  });

  it("the admin's report shows the progress, and the CSV export holds it", async () => {
    await signIn(BUYER.email, BUYER.password);
    await page.goto(`${server.url}/company/reports`);
    const table = page.getByRole('table', { name: 'Learning by employee' });
    const person = table.getByRole('button', { name: `${EMPLOYEE.name}: courses` });
    await person.click();
    const courses = page.getByRole('table', { name: `Courses of ${EMPLOYEE.name}` });
    const docker = courses.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DOCKER.title }) });
    await expectVisible(docker.getByRole('cell', { name: `${reached}%` }));
    await expectVisible(docker.getByRole('cell', { name: DUE.shown }));
    await expectAccessible('the report with the employee open');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    const line = csv.split(/\r?\n/).find((l) => l.includes(EMPLOYEE.email) && l.includes(DOCKER.title));
    expect(line, 'the export has the employee and the course').toBeTruthy();
    expect(line).toContain(`,${reached},`);
    expect(line).toContain(DUE.input);
  });
});
