import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * A newcomer's first session, in real Chromium against the real platform started the way
 * `npm start` starts it (PGlite data dir, seeded on first start). Every step waits for what a
 * user waits for (web-first assertions from tests/support/web-expect.ts); no step is conditional.
 */

let server: RunningServer;
let page: Page;

const email = `learner-${Date.now()}@example.test`;
const password = 'first-password-1';
const newPassword = 'second-password-2';

const { expectAccessible } = usePlatform((p) => {
  ({ server, page } = p);
});

describe('a learner', () => {
  it('sees the home page with featured courses, signed out', async () => {
    await page.goto(server.url);
    await expectVisible(page.getByRole('link', { name: 'Browse courses' }).first());
    await expectVisible(page.getByRole('article').first());
    await expectAccessible('home');
  });

  it('browses the catalog, filters it and opens a course', async () => {
    await page.goto(`${server.url}/courses`);
    const status = page.getByRole('status').filter({ hasText: /\d+ courses?/ });
    await expectVisible(status);
    const all = Number((await status.textContent())!.match(/(\d+) course/)![1]);
    expect(all).toBeGreaterThanOrEqual(12);
    await expectAccessible('catalog');

    await page.getByRole('group', { name: 'Price' }).getByLabel('Free', { exact: true }).check();
    await page.waitForURL(/price=free/);
    await expectEventually(async () =>
      Number(((await status.textContent()) ?? '').match(/(\d+) course/)?.[1] ?? -1),
    ).toBeLessThan(all);
    const free = Number((await status.textContent())!.match(/(\d+) course/)![1]);
    expect(free).toBeGreaterThan(0);

    await page.getByLabel('Search courses').fill('zzzz-no-such-course');
    await page.getByLabel('Search courses').press('Enter');
    await expectEventually(async () => (await status.textContent()) ?? '').toMatch(/^0 courses|No courses/);
    await page.getByLabel('Search courses').fill('');
    await page.getByLabel('Search courses').press('Enter');
    await expectEventually(async () =>
      Number(((await status.textContent()) ?? '').match(/(\d+) course/)?.[1] ?? -1),
    ).toBe(free);

    await page.getByRole('article').first().getByRole('heading').getByRole('link').click();
    await page.waitForURL(/\/courses\/[a-z0-9-]+$/);
    await expectVisible(page.getByRole('heading', { level: 1 }));
    await expectVisible(page.getByRole('link', { name: 'Sign in to enroll' }));
    await expectAccessible('course details');
  });

  it('signs up, and the session survives a reload', async () => {
    const courseUrl = page.url();
    await page.goto(`${server.url}/signup`);
    await expectAccessible('sign up');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Learner');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectVisible(page.getByRole('button', { name: 'Sign out' }));
    await page.reload();
    await expectVisible(page.getByRole('link', { name: 'My learning' }));
    await page.goto(courseUrl);
  });

  it('enrolls in the free course, learns a lesson and sees progress on the dashboard', async () => {
    await page.getByRole('button', { name: 'Enroll for free' }).click();
    await page.getByRole('link', { name: 'Go to course' }).click();
    await page.waitForURL(/\/learn\//);
    await expectVisible(page.getByRole('navigation', { name: 'Course curriculum' }));
    const progress = page.getByRole('progressbar', { name: 'Course progress' });
    await expectEventually(() => progress.getAttribute('aria-valuenow')).toBe('0');
    await expectAccessible('course player');

    const markComplete = page.getByRole('button', { name: 'Mark as complete' });
    await expectEventually(() => markComplete.getAttribute('aria-disabled')).toBeNull(); // content loaded
    await markComplete.click();
    await expectVisible(page.getByText('Completed', { exact: true }).first());
    await expectEventually(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    const after = Number(await progress.getAttribute('aria-valuenow'));

    await page.getByRole('link', { name: 'Next lesson' }).click();
    await expectVisible(page.getByRole('button', { name: 'Mark as complete' }));
    await expectVisible(page.getByRole('link', { name: 'Previous lesson' }));

    await page.getByRole('link', { name: 'My learning' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Welcome back, Ada' }));
    const bar = page.getByRole('progressbar', { name: / progress$/ }).first();
    await expectEventually(async () => Number(await bar.getAttribute('aria-valuenow'))).toBe(after);
    await expectVisible(page.getByRole('link', { name: 'Continue learning' }).first());
    await expectAccessible('dashboard');
  });

  it('signs out, resets a forgotten password through the dev outbox, and signs in with it', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectVisible(page.getByRole('link', { name: 'Sign in' }).first());

    await page.goto(`${server.url}/forgot-password`);
    await expectAccessible('forgot password');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: /send|reset/i }).click();
    await expectVisible(page.getByText(/If an account exists/i));

    await page.goto(`${server.url}/dev/outbox`);
    const link = page.getByRole('link', { name: /reset-password\?token_hash=/ }).first();
    await expectVisible(link);
    await link.click();
    await page.waitForURL(/\/reset-password/);
    // The reset page always asks for the password twice: both fields are required steps.
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expectVisible(
      page.getByRole('status').filter({ hasText: 'Your password has been changed. You are signed in.' }),
    );

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: /invalid/i }));
    await page.getByLabel('Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(page.getByRole('link', { name: 'My learning' }));
    await expectAccessible('signed in');
  });

  it('signs the seeded demo student in and shows their courses in progress', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${server.url}/signin?next=/dashboard`);
    await page.getByLabel('Email').fill('student@demo.test');
    await page.getByLabel('Password').fill('learn-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/dashboard$/);
    await expectVisible(page.getByRole('heading', { name: /^Welcome back, / }));
    const bars = page.getByRole('progressbar', { name: / progress$/ });
    await expectVisible(bars.nth(1)); // the cards arrive after the heading
    await expectEventually(() => bars.count()).toBeGreaterThanOrEqual(2);
  });
});
