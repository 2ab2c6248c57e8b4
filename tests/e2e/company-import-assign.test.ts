import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ids, seedId } from '../../seed/ids.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * The company admin's Import and Assignments sections in real Chromium (issue 11), as the seeded
 * Globex admin (5 seats in Git & GitHub Workflow, 4 taken; Robin Novak invited to Support):
 * import a CSV of 4 rows (a bad email, a duplicate, a formula name) and see the per-row report and
 * the progress bar reach the total; import it again and nothing new happens; assign the course to
 * Support with a due date (Robin takes the last seat); assign it to an imported person and get "no
 * seat" with the Buy more seats link; unassign Robin. Both pages pass axe.
 */

let server: RunningServer;
let page: Page;

const { signIn, expectAccessible, expectReflows } = usePlatform((p) => {
  ({ server, page } = p);
});

const FORMULA = "=cmd|' /C calc'!A0";
const CSV = [
  'name,email,group',
  'Ada Lovelace,ada@globex.example,Newcomers',
  'Bad Email,not-an-email,Newcomers',
  'Ada Again,ada@globex.example,Newcomers',
  `${FORMULA},formula@globex.example,`,
].join('\r\n');

const GIT = ids.course('git-and-github-workflow');
const SUPPORT = seedId(`company-group:${ids.company('globex')}:support`);

const count = (label: string) =>
  page
    .locator('.import-summary div')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd');
const reportRows = () => page.locator('table.import-rows tbody tr');
const progressText = () => page.locator('.import-progress p').textContent();

async function importFile(): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expectEventually(progressText).toBe('Imported 4 of 4 rows: done.');
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  expect(await bar.getAttribute('value')).toBe('4');
  expect(await bar.getAttribute('max')).toBe('4');
}

describe("a company admin's import and assignments", () => {
  it('imports a CSV with a progress bar and a per-row report', async () => {
    await signIn('globexadmin@demo.test');
    await page.goto(`${server.url}/company/import`);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Import people' }));
    await page.getByLabel('CSV file').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await expectVisible(page.getByRole('heading', { name: 'people.csv: 4 rows' }));
    await expectVisible(page.getByRole('cell', { name: FORMULA, exact: true }));
    await expectAccessible('the Import page with a preview');

    await importFile();
    await expectEventually(() => count('Invited').textContent()).toBe('2');
    await expectEventually(() => count('Failed').textContent()).toBe('2');
    await expectEventually(() => reportRows().count()).toBe(2);
    await expectVisible(reportRows().filter({ hasText: 'not-an-email' }).getByText('Invalid email'));
    await expectVisible(reportRows().filter({ hasText: 'Ada Again' }).getByText('Duplicate in file'));
    await expectVisible(reportRows().filter({ hasText: 'Ada Again' }).getByText('the same email is on an earlier row'));

    await page.getByLabel(/All rows/).check();
    await expectEventually(() => reportRows().count()).toBe(4);
    const formula = reportRows().filter({ hasText: 'formula@globex.example' });
    await expectVisible(formula.getByRole('cell', { name: FORMULA, exact: true }));
    await expectVisible(formula.getByText('Invited', { exact: true }));
    const links = await page.getByLabel(/Invitation links/).inputValue();
    expect(links.split('\n').map((l) => l.split(' ')[0])).toEqual(['ada@globex.example', 'formula@globex.example']);
    expect(links).toMatch(/\/join#token=[\w-]{43}\n/);
    await expectAccessible('the import report');
    await expectReflows('the import report');
  });

  it('imports the same file again: nothing new', async () => {
    await importFile();
    await expectEventually(() => count('Already invited').textContent()).toBe('2');
    await expectEventually(() => count('Invited').textContent()).toBe('0');
    await expectEventually(() => count('Failed').textContent()).toBe('2');
    await expectEventually(() => page.getByLabel(/Invitation links/).count()).toBe(0);
  });

  it('assigns a course to a group with a due date', async () => {
    await page.getByRole('navigation', { name: 'Company sections' }).getByRole('link', { name: 'Assignments' }).click();
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Assign learning' }));
    const item = page.getByLabel('Course or bundle');
    await item.selectOption(GIT);
    await expectEventually(() => item.locator('option:checked').textContent()).toBe(
      'Git & GitHub Workflow: 1 of 5 seats free',
    );
    await page.getByLabel('Due date (optional)').fill('2030-06-30');
    await page.getByLabel('A group').check();
    await page.getByLabel('Group', { exact: true }).selectOption(SUPPORT);
    await expectAccessible('the Assignments page');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();

    const results = page.getByRole('region', { name: 'Results: Git & GitHub Workflow' });
    await expectVisible(results.getByText('1 assigned, 2 already assigned.'));
    await expectVisible(results.getByRole('row', { name: /Robin Novak/ }).getByText('Assigned', { exact: true }));
    await expectEventually(() => item.locator('option:checked').textContent()).toBe(
      'Git & GitHub Workflow: 0 of 5 seats free',
    );
  });

  it('refuses a person without a seat and links to buy more', async () => {
    await page.getByLabel('Selected people').check();
    await page.getByLabel('Filter people').fill('ada');
    await page.getByRole('checkbox', { name: /Ada Lovelace/ }).check();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    const results = page.getByRole('region', { name: 'Results: Git & GitHub Workflow' });
    await expectVisible(results.getByText('1 without a seat.'));
    const row = results.getByRole('row', { name: /Ada Lovelace/ });
    await expectVisible(row.getByText('No seat', { exact: true }));
    await expectVisible(row.getByText(/buy more seats/));
    const buy = results.getByRole('link', { name: 'Buy more seats' });
    await expectVisible(buy);
    // The corporate checkout for the missing seat, for this company.
    expect(await buy.getAttribute('href')).toBe(`/checkout?course=${GIT}&seats=1&company=${ids.company('globex')}`);
    await expectAccessible('the assignment results');
    await expectReflows('the assignment results');
  });

  it('unassigns one person after confirming', async () => {
    await page.getByText('Git & GitHub Workflow: 5 people').click();
    const box = page.getByRole('checkbox', { name: 'Unassign Robin Novak from Git & GitHub Workflow' });
    await box.check();
    await page.getByRole('button', { name: 'Unassign selected (1)' }).click();
    await expectVisible(page.getByText(/Are you sure\? Unassign 1 assignment/));
    await expectAccessible('the unassign confirmation');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expectVisible(page.getByText('Unassigned 1 assignment. The seats are free again.'));
    await expectVisible(page.getByText('Git & GitHub Workflow: 4 people'));
    await expectEventually(() => page.getByLabel('Course or bundle').locator('option:checked').textContent()).toBe(
      'Git & GitHub Workflow: 1 of 5 seats free',
    );
  });
});
