import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/accounts.ts';
import { seedId } from '../../seed/ids.ts';
import { expectAccessible, usePlatform } from '../support/e2e-steps.ts';
import type { Platform } from '../support/platform.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * Live Q&A (issue 12) in two Chromium contexts on the real platform: the seeded office hours of
 * HTML & CSS Foundations (seed/steps/live-sessions.ts), its instructor and the demo student
 * (enrolled). The student asks, the instructor sees it without a reload and pins it, the student
 * sees it pinned; the instructor hides it and it leaves the student's list; the instructor bans
 * the student, who is told at once and whose next question the server refuses, then unbans them from the
 * ban list and they ask again.
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

const SESSION_ID = seedId('live-session:html-css-foundations:office-hours');
const SESSION_PATH = `/learn/html-css-foundations/sessions/${SESSION_ID}`;

async function studentToken(): Promise<string> {
  const res = await fetch(`${server.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'student@demo.test', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}
const TITLE = 'Office hours: HTML & CSS Foundations';
const question = (p: Page, text: string) => p.getByRole('listitem').filter({ hasText: text });

describe('live Q&A', () => {
  it('carries questions, pins, hides and bans between a student and the instructor without reload', async () => {
    await signIn('instructor@demo.test');
    await page.goto(`${server.url}${SESSION_PATH}`);
    await expectVisible(page.getByRole('heading', { level: 1, name: TITLE }));
    await expectVisible(page.getByRole('button', { name: 'Save settings' }));
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    studentContext = await platform.browser.newContext();
    const student = await studentContext.newPage();
    await student.goto(`${server.url}/signin?next=${encodeURIComponent(SESSION_PATH)}`);
    await student.getByLabel('Email').fill('student@demo.test');
    await student.getByLabel('Password').fill(DEMO_PASSWORD);
    await student.getByRole('button', { name: 'Sign in' }).click();
    await student.waitForURL((url) => url.pathname === SESSION_PATH);
    await expectVisible(student.getByRole('heading', { level: 1, name: TITLE }));
    // Moderation is for moderators only.
    await expectVisible(student.getByRole('button', { name: 'Top voted' }));
    await expectHidden(student.getByRole('button', { name: 'Save settings' }));

    // Presence: both are here, by name.
    await expectVisible(student.getByRole('status').filter({ hasText: '2 people here' }));
    await expectVisible(student.getByRole('list', { name: 'People here' }).getByText('Jordan Blake'));
    await expectVisible(page.getByRole('list', { name: 'People here' }).getByText('Riley Park'));

    const body = `Is grid or flexbox better for a card layout? (${Date.now()})`;
    await student.getByLabel('Your question').fill(body);
    await expectVisible(student.getByText(`${body.length} of 500 characters`));
    await student.getByRole('button', { name: 'Ask' }).click();
    await expectVisible(question(student, body));

    // The instructor sees it without a reload, and pins it; the student sees it pinned.
    await expectVisible(question(page, body));
    await question(page, body).getByRole('button', { name: /^Pin/ }).click();
    await expectVisible(question(student, body).getByText('Pinned', { exact: true }));

    // The student's upvote is a toggle button with its count.
    const upvote = question(student, body).getByRole('button', { name: /^Upvote/ });
    await upvote.click();
    await expectEventually(() => upvote.getAttribute('aria-pressed')).toBe('true');
    await expectEventually(() => question(page, body).locator('.session-vote-count').innerText()).toBe('1');

    await expectAccessible(student, 'the session page for a student');
    await expectAccessible(page, 'the session page for the instructor');

    // Hidden: gone from the student's list.
    await question(page, body).getByRole('button', { name: /^Hide/ }).click();
    await expectHidden(question(student, body));

    // Banned from the Hidden view: the student's next question is refused.
    await page.getByRole('button', { name: 'Hidden' }).click();
    await expectVisible(question(page, body));
    await question(page, body)
      .getByRole('button', { name: /^Ban author/ })
      .click();
    await question(page, body)
      .getByRole('button', { name: /^Confirm ban/ })
      .click();
    // The Hidden view also holds the seeded advertiser's question: look at this one.
    await expectVisible(question(page, body).getByRole('button', { name: /^Ban author/ }));
    // The student is told at once, without a reload (user:<uid>): the ask form gives way to the notice.
    await expectVisible(student.getByText('You have been banned from asking and voting in this session.'));
    await expectHidden(student.getByLabel('Your question'));
    // And the server refuses what a banned student would still send.
    const refused = await fetch(`${server.url}/api/sessions/${SESSION_ID}/questions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await studentToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'One more question, please?' }),
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'banned' } });

    // The ban list names the student (and the seeded advertiser); Unban lets them ask again.
    await page.getByText(/^Banned people/).click();
    const unban = page.getByRole('button', { name: 'Unban Riley Park' });
    await expectVisible(unban);
    await expectAccessible(page, 'the session page with the ban list open');
    await unban.click();
    await expectHidden(unban);
    await expectVisible(student.getByLabel('Your question'));
    const again = `After the unban (${Date.now()})`;
    await student.getByLabel('Your question').fill(again);
    await student.getByRole('button', { name: 'Ask' }).click();
    await expectVisible(question(student, again));

    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(
      true,
    );
  });
});
