import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ids } from '../../seed/ids.ts';
import { ASSESSED_COURSE } from '../../seed/steps/assessments.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * Notification preferences (issue 13, docs/notifications.md) in real Chromium against the real
 * platform with the demo seed: the demo student opens the settings from the bell's panel, turns
 * the bell off for grades with the keyboard and saves; hands in the course project; the
 * instructor grades it; the student's gradebook shows the grade but the bell does not announce
 * it (the database dropped the notification for every sender). axe and 320 px reflow on the page.
 */

const PROJECT = 'Project: a personal landing page';
const ANSWER = `My page has a header, a main and a footer (${Date.now()}).`;

let server: RunningServer;
let page: Page;

const { signIn, signOut, expectAccessible, expectReflows } = usePlatform((p) => {
  ({ server, page } = p);
});

const bell = () => page.getByRole('button', { name: /^Notifications/ });
const panel = () => page.getByRole('region', { name: 'Notifications' });
const gradesInApp = () => page.getByRole('checkbox', { name: 'In-app Grades' });

describe('notification preferences', () => {
  it('the student turns the bell off for grades from the bell’s settings link', async () => {
    await signIn('student@demo.test');
    await page.goto(`${server.url}/dashboard`);
    await bell().click();
    await panel().getByRole('link', { name: 'Settings for notifications' }).click();
    await page.waitForURL(/\/account\/notifications$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Notification settings' }));
    // The seeded choices: announcements by email, a weekly digest; the account bell is always on.
    await expectEventually(() => page.getByRole('checkbox', { name: 'Email Announcements' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Email digest of unread notifications').inputValue()).toBe('weekly');
    expect(await page.getByRole('checkbox', { name: 'In-app Account' }).isDisabled()).toBe(true);
    expect(await gradesInApp().isChecked()).toBe(true);
    await expectAccessible('the notification settings page');
    await expectReflows('the notification settings page');

    await gradesInApp().focus();
    await page.keyboard.press('Space');
    expect(await gradesInApp().isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Your notification settings are saved.' }));

    await page.reload();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Notification settings' }));
    await expectEventually(() => gradesInApp().isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Email Grades' }).isChecked()).toBe(true);
  });

  it('the student hands in the course project', async () => {
    await page.goto(`${server.url}/learn/${ASSESSED_COURSE}/grades`);
    await page.getByRole('link', { name: PROJECT }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: PROJECT }));
    await page.getByLabel('Your answer').fill(ANSWER);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Submitted (attempt 1).' }));
    await signOut();
  });

  it('the instructor grades it', async () => {
    await signIn('instructor@demo.test');
    await page.goto(`${server.url}/teach/grading`);
    await page.getByLabel('Course', { exact: true }).selectOption(ids.course(ASSESSED_COURSE));
    await page
      .getByRole('button', { name: new RegExp(PROJECT) })
      .filter({ hasText: 'Riley Park' })
      .click();
    await expectVisible(page.getByText(ANSWER));
    await page.getByLabel('Semantic structure: headings, landmarks, lists (0 to 40)').fill('30');
    await page.getByLabel('A responsive layout with flexbox or grid (0 to 40)').fill('30');
    await page.getByLabel('Readable typography and consistent spacing (0 to 20)').fill('10');
    await page.getByRole('button', { name: 'Save grade' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: `Graded ${PROJECT} for` }));
    await signOut();
  });

  it('the student sees the grade in the gradebook, but the bell does not announce it', async () => {
    await signIn('student@demo.test');
    await page.goto(`${server.url}/learn/${ASSESSED_COURSE}/grades`);
    await expectVisible(page.getByRole('row').filter({ hasText: PROJECT }).getByText('Graded'));

    await bell().click();
    // The bell has loaded the student's other notifications (the seed's welcomes)...
    await expectVisible(
      panel()
        .getByRole('link', { name: /^Welcome to / })
        .first(),
    );
    // ...and none about the grade.
    await expectHidden(panel().getByText(`Graded: ${PROJECT}`));
  });
});
