import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/accounts.ts';
import { openAdminSection } from '../support/admin-nav.ts';
import { expectAccessible, usePlatform } from '../support/e2e-steps.ts';
import type { Platform } from '../support/platform.ts';
import type { RunningServer } from '../support/server.ts';
import { expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * The admin's People screen and audit log (issue 13, docs/admin.md) on the real platform, in
 * Chromium: the admin finds the demo student and suspends them; the student's open page (a second
 * browser context) is refused on its next API call and a new sign-in is refused too; the admin
 * restores them and they sign in again; the audit log lists both actions with the admin's name.
 */

let server: RunningServer;
let page: Page;
let platform: Platform;
const contexts: BrowserContext[] = [];

const { signIn, expectReflows } = usePlatform((p) => {
  platform = p;
  ({ server, page } = p);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
});

const STUDENT = 'Riley Park';
const ADMIN = 'Alex Morgan';

async function studentPage(): Promise<Page> {
  const context = await platform.browser.newContext();
  contexts.push(context);
  return context.newPage();
}

async function signInAs(p: Page, email: string) {
  await p.goto(`${server.url}/signin`);
  await p.getByLabel('Email').fill(email);
  await p.getByLabel('Password').fill(DEMO_PASSWORD);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

describe('people and the audit log', () => {
  let student: Page;
  const row = () => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(STUDENT) }) });

  it('the admin opens People from the account menu and finds the demo student', async () => {
    student = await studentPage();
    await signInAs(student, 'student@demo.test');
    await student.waitForURL(/\/dashboard$/);

    await signIn('admin@demo.test');
    await openAdminSection(page, 'People');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'People' }));
    await page.getByLabel('Search people').fill('student@demo.test');
    await page.getByRole('button', { name: 'Search' }).click();
    await expectVisible(page.getByText('Page 1 of 1 (1 person)'));
    await expectVisible(row().getByText('Active'));
    await expectAccessible(page, 'the People screen');
    await expectReflows('the People screen');
  });

  it('suspends the student with a reason; their open page is refused and they cannot sign in', async () => {
    await row()
      .getByRole('button', { name: `Suspend ${STUDENT}` })
      .click();
    await page.getByRole('button', { name: `Suspend account ${STUDENT}` }).click();
    const confirm = page.getByRole('button', { name: `Yes, suspend ${STUDENT}` });
    await confirm.click();
    // No reason yet: the form asks for one and stays open.
    await expectVisible(page.getByText('Say why the account is suspended.'));
    await page.getByLabel(`Why is ${STUDENT} suspended?`).fill('Posting spam in the Q&A');
    await expectAccessible(page, 'the suspension form');
    await confirm.click();
    // The page's notice (the app's screen-reader announcer holds the same words for a while).
    await expectVisible(page.locator('.notice', { hasText: `${STUDENT} is suspended. Their sessions have ended.` }));
    await expectVisible(row().getByText('Suspended', { exact: true }));
    await expectVisible(row().getByText('Posting spam in the Q&A'));

    // The student's page was open all along: its next call to the data API is refused.
    await student.getByRole('banner').getByRole('link', { name: 'Courses' }).click();
    await expectVisible(student.getByRole('alert').filter({ hasText: 'This account is suspended.' }));

    const again = await studentPage();
    await signInAs(again, 'student@demo.test');
    await expectVisible(again.getByRole('alert').filter({ hasText: 'This account is suspended.' }));
    await expectHidden(again.getByRole('button', { name: 'Sign out' }));
  });

  it('restores the student, who signs in again', async () => {
    await page.getByLabel('Status').selectOption('suspended');
    await page.getByRole('button', { name: 'Search' }).click();
    await row()
      .getByRole('button', { name: `Restore ${STUDENT}` })
      .click();
    await page.getByRole('button', { name: `Confirm restore ${STUDENT}` }).click();
    await expectVisible(page.locator('.notice', { hasText: `${STUDENT} is restored.` }));
    await expectVisible(page.getByText('Nobody matches.'));

    const back = await studentPage();
    await signInAs(back, 'student@demo.test');
    await back.waitForURL(/\/dashboard$/);
    await expectVisible(back.getByRole('button', { name: 'Sign out' }));
  });

  it("the audit log lists both actions with the admin's name", async () => {
    await openAdminSection(page, 'Audit log');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Audit log' }));
    const suspended = page.getByRole('row').filter({ hasText: 'Suspended an account' });
    await expectVisible(suspended.filter({ hasText: ADMIN }).filter({ hasText: STUDENT }));
    await expectVisible(suspended.getByText('“Posting spam in the Q&A”'));
    await expectVisible(
      page
        .getByRole('row')
        .filter({ hasText: 'Restored an account' })
        .filter({ hasText: ADMIN })
        .filter({ hasText: STUDENT }),
    );
    await page.getByLabel('Action').selectOption('user.restore');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expectVisible(page.getByText('Page 1 of 1 (1 entry)'));
    await expectHidden(page.getByRole('row').filter({ hasText: 'Suspended an account' }));
    await expectAccessible(page, 'the audit log');
    await expectReflows('the audit log');
  });
});
