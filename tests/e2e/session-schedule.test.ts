import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/accounts.ts';
import { expectAccessible, usePlatform } from '../support/e2e-steps.ts';
import type { Platform } from '../support/platform.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * Scheduling live sessions (issue 12) in two Chromium contexts on the real platform: the instructor
 * of HTML & CSS Foundations schedules a session from Teaching (no link: a Jitsi room is made up),
 * the enrolled demo student sees it on the dashboard; the instructor moves it and the student's
 * bell says so live, without a reload; the instructor cancels it and the bell says that too.
 */

let server: RunningServer;
let page: Page;
let platform: Platform;
let studentContext: BrowserContext | undefined;

const { signIn } = usePlatform((p) => {
  platform = p;
  ({ server, page } = p);
});
afterAll(async () => {
  await studentContext?.close();
});

const COURSE = 'HTML & CSS Foundations';
const TITLE = `Flexbox clinic ${Date.now()}`;
const bell = (p: Page) => p.getByRole('button', { name: /^Notifications/ });
const panel = (p: Page) => p.getByRole('region', { name: 'Notifications' });

/** A `datetime-local` value `days` from now at `hh:mm`, local time. */
function localInput(days: number, hh: number, mm: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(hh)}:${p(mm)}`;
}

describe('scheduling live sessions', () => {
  let student: Page;

  it('an instructor schedules a session from Teaching; the student sees it on the dashboard', async () => {
    await signIn('instructor@demo.test');
    await page.goto(`${server.url}/teach`);
    await page.getByRole('link', { name: `Live sessions of ${COURSE}` }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Live sessions' }));
    const form = page.getByRole('form', { name: 'Schedule a session' });
    await form.getByRole('button', { name: 'Schedule session' }).click();
    await expectVisible(form.getByRole('alert').filter({ hasText: 'Give the session a title.' }));
    await form.getByLabel('Title').fill(TITLE);
    await form.getByLabel('Starts (your local time)').fill(localInput(3, 15, 0));
    await form.getByLabel('Duration (minutes)').fill('45');
    await form.getByLabel('Description (optional)').fill('Bring a layout that fights you.');
    await form.getByRole('button', { name: 'Schedule session' }).click();
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await expectVisible(row);
    await expectVisible(row.getByText('45 min'));
    await expectAccessible(page, 'the live sessions of a course');

    studentContext = await platform.browser.newContext();
    student = await studentContext.newPage();
    await student.goto(`${server.url}/signin`);
    await student.getByLabel('Email').fill('student@demo.test');
    await student.getByLabel('Password').fill(DEMO_PASSWORD);
    await student.getByRole('button', { name: 'Sign in' }).click();
    await student.waitForURL(/\/dashboard$/);
    const upcoming = student.getByRole('region', { name: 'Upcoming live sessions' });
    await expectVisible(upcoming.getByRole('link', { name: TITLE }));
    await expectVisible(bell(student));
  });

  it('moves it; the student is told live, and the session page shows the new time and the Jitsi room', async () => {
    // The student's bell is open, and stays so: what arrives while it is open comes live.
    await bell(student).click();
    await expectVisible(panel(student));
    await page
      .getByRole('row')
      .filter({ hasText: TITLE })
      .getByRole('button', { name: `Edit ${TITLE}` })
      .click();
    const editor = page.getByRole('form', { name: `Edit “${TITLE}”` });
    await expectVisible(editor);
    await expectEventually(() => editor.getByLabel('Title').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await editor.getByLabel('Title').inputValue()).toBe(TITLE);
    expect(await editor.getByLabel('Meeting link (optional)').inputValue()).toMatch(/^https:\/\/meet\.jit\.si\//);
    await editor.getByLabel('Starts (your local time)').fill(localInput(4, 16, 30));
    await expectAccessible(page, 'the session editor');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await expectHidden(editor);
    await expectVisible(
      page
        .getByRole('row')
        .filter({ hasText: TITLE })
        .getByText(/16:30|4:30/),
    );

    // The student's page was not reloaded: the open bell lists the move.
    const moved = panel(student).getByRole('link', { name: new RegExp(`^Moved: ${TITLE}`) });
    await expectVisible(moved);
    await moved.click();
    await student.waitForURL(/\/learn\/html-css-foundations\/sessions\/[0-9a-f-]{36}$/);
    await expectVisible(student.getByRole('heading', { level: 1, name: TITLE }));
    await expectVisible(
      student
        .getByRole('main')
        .locator('time')
        .filter({ hasText: /16:30|4:30/ }),
    );
    await expectVisible(student.getByRole('link', { name: /Join the meeting/ }));
  });

  it('cancels it after a confirmation; the student is told live and the dashboard drops it', async () => {
    await bell(student).click();
    await expectVisible(panel(student));
    await page
      .getByRole('row')
      .filter({ hasText: TITLE })
      .getByRole('button', { name: `Delete ${TITLE}` })
      .click();
    await page.getByRole('button', { name: `Confirm delete ${TITLE}` }).click();
    await expectHidden(page.getByRole('row').filter({ hasText: TITLE }));

    await expectVisible(panel(student).getByRole('link', { name: new RegExp(`^Cancelled: ${TITLE}`) }));
    await student.goto(`${server.url}/dashboard`);
    await expectVisible(student.getByRole('heading', { level: 1 }));
    await expectHidden(student.getByRole('link', { name: TITLE }));
  });
});
