import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../edge/invoices/pdf-text.ts';
import { ids } from '../../seed/ids.ts';
import { ASSESSED_COURSE } from '../../seed/steps/assessments.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * A whole course, start to certificate, in real Chromium against the real platform: a new learner
 * signs up, enrolls in the free HTML & CSS course, completes its lessons, passes its code lab
 * in the lesson's editor, fails then passes its final quiz, hands in the project; the instructor grades it from the grading queue; the course
 * completes (decided by the database), a certificate is issued, its PDF holds the learner's name
 * and code, and the public verification page says Valid.
 */

const QUIZ_TITLE = 'Final check: HTML & CSS';
const PROJECT = 'Project: a personal landing page';
const email = `finisher-${Date.now()}@example.test`;
const password = 'finish-the-course-2026';

let server: RunningServer;
let page: Page;

const { signIn, signOut } = usePlatform(
  (p) => {
    ({ server, page } = p);
  },
  // The signed-out page may show more than one "Sign in" link.
  { signedOut: (p) => p.getByRole('link', { name: 'Sign in' }).first() },
);

const question = (text: string): Locator => page.getByRole('group').filter({ hasText: text });
const progress = () => page.getByRole('progressbar', { name: 'Course progress' });

describe('a course from enrollment to a verified certificate', () => {
  it('a new learner signs up and enrolls in the free course', async () => {
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Finisher');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectVisible(page.getByRole('button', { name: 'Sign out' }));
    await page.goto(`${server.url}/courses/${ASSESSED_COURSE}`);
    await page.getByRole('button', { name: 'Enroll for free' }).click();
    await page.getByRole('link', { name: 'Go to course' }).click();
    await page.waitForURL(/\/learn\//);
    await expectEventually(() => progress().getAttribute('aria-valuenow')).toBe('0');
  });

  it('completes every lesson, moving on with Next', async () => {
    const lessons = page.getByRole('navigation', { name: 'Course curriculum' }).getByRole('link');
    const count = await lessons.count();
    expect(count).toBeGreaterThan(5);
    // Every lesson but the last two: the lab (which completes when its code passes) and the final
    // check (a quiz lesson, which completes through its quiz).
    for (let i = 0; i < count - 2; i++) {
      const mark = page.getByRole('button', { name: 'Mark as complete' });
      await expectEventually(() => mark.getAttribute('aria-disabled')).toBeNull();
      await mark.click();
      await expectVisible(page.getByText('Completed', { exact: true }).first());
      await page.getByRole('link', { name: 'Next lesson' }).click();
    }
    await expectVisible(page.getByText('This lesson completes when you pass its lab.'));
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('function sum(a, b) { return a + b; }');
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expectVisible(page.getByText('Passed: you have completed this lab.'));
    await page.getByRole('link', { name: 'Next lesson' }).click();
    await expectVisible(page.getByText('This lesson completes when you pass its quiz.'));
    const done = Number(await progress().getAttribute('aria-valuenow'));
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(100);
  });

  it('fails the final quiz, then passes it', async () => {
    await page.goto(`${server.url}/learn/${ASSESSED_COURSE}?tab=quizzes`);
    await page.getByRole('link', { name: QUIZ_TITLE }).click();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Attempt 1' }));
    await question('beats an ID selector').getByLabel('True').check();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Not passed yet' }));

    await page.getByRole('button', { name: 'Back to the quiz' }).click();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Attempt 2' }));
    await question('holds the main content').getByLabel('<main>', { exact: true }).check();
    const blocks = question('block-level');
    await blocks.getByLabel('<p>', { exact: true }).check();
    await blocks.getByLabel('<h2>', { exact: true }).check();
    await question('beats an ID selector').getByLabel('False').check();
    await question('flex container').getByLabel('Your answer').fill('Flex');
    const matching = question('Match each property');
    await matching.getByLabel('margin', { exact: true }).selectOption({ label: 'Space outside the border' });
    await matching.getByLabel('padding', { exact: true }).selectOption({ label: 'Space inside the border' });
    await matching.getByLabel('gap', { exact: true }).selectOption({ label: 'Space between flex or grid items' });
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expectVisible(page.getByRole('heading', { name: 'You passed' }));
  });

  it('hands in the project', async () => {
    await page.goto(`${server.url}/learn/${ASSESSED_COURSE}/grades`);
    await page.getByRole('link', { name: PROJECT }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: PROJECT }));
    await page.getByLabel('Your answer').fill('My landing page: header, main and footer, a grid layout.');
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Submitted (attempt 1).' }));
    await signOut();
  });

  it('the instructor grades it from the grading queue', async () => {
    await signIn('instructor@demo.test');
    await page.goto(`${server.url}/teach/grading`);
    await page.getByLabel('Course', { exact: true }).selectOption(ids.course(ASSESSED_COURSE));
    const item = page.getByRole('button', { name: new RegExp(PROJECT) }).filter({ hasText: 'Grace Finisher' });
    await item.click();
    await expectVisible(page.getByText('My landing page: header, main and footer, a grid layout.'));
    await page.getByLabel('Semantic structure: headings, landmarks, lists (0 to 40)').fill('35');
    await page.getByLabel('A responsive layout with flexbox or grid (0 to 40)').fill('30');
    await page.getByLabel('Readable typography and consistent spacing (0 to 20)').fill('15');
    await expectVisible(page.getByText('Total: 80 of 100'));
    await page.getByLabel('Feedback for the learner').fill('A clean, well-structured page.');
    await page.getByRole('button', { name: 'Save grade' }).click();
    await expectVisible(
      page
        .getByRole('status')
        .filter({ hasText: `Graded ${PROJECT} for` })
        .filter({ hasText: ': 80 of 100 points.' }),
    );
    await signOut();
  });

  let code = '';

  it('the course is complete and the certificate PDF holds the learner and the code', async () => {
    await signIn(email, password);
    await page.goto(`${server.url}/learn/${ASSESSED_COURSE}`);
    await expectEventually(() => progress().getAttribute('aria-valuenow')).toBe('100');

    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('link', { name: 'Certificates' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'HTML & CSS Foundations' });
    await expectVisible(card.getByRole('button', { name: 'Download PDF' }));
    code = ((await card.locator('code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){5}$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    const pdf = await readPdfText(new Uint8Array(readFileSync((await download.path())!)));
    const text = pdf.pages
      .flat()
      .map((s) => s.text)
      .join('\n');
    expect(text).toContain('Grace Finisher');
    expect(text).toContain('HTML & CSS Foundations');
    expect(text).toContain(code);
  });

  it('anyone can verify it', async () => {
    await signOut();
    await page.goto(`${server.url}/verify/${code}`);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Valid' }));
    await expectVisible(page.getByText('HTML & CSS Foundations').first());
  });
});
