import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ids } from '../../seed/ids.ts';
import { ASSESSED_COURSE, assessmentIds } from '../../seed/steps/assessments.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * A quiz in real Chromium against the real platform: the demo student fails the seeded final
 * check of the free HTML & CSS course, reads the review, then passes it (questions and options
 * come shuffled, so each is found by its prompt); the instructor adds a question in the quiz
 * builder. The quiz page in each state and the builder pass axe.
 */

const QUIZ = assessmentIds.quiz(ASSESSED_COURSE);
const QUIZ_TITLE = 'Final check: HTML & CSS';

let server: RunningServer;
let page: Page;

const { signIn, signOut, expectAccessible } = usePlatform((p) => {
  ({ server, page } = p);
});

/** The question (a fieldset: role group) whose prompt says `text`. */
const question = (text: string): Locator => page.getByRole('group').filter({ hasText: text });

describe('a quiz, failed then passed', () => {
  it('the learner fails the first attempt and reviews the answers', async () => {
    await signIn('student@demo.test');
    await page.goto(`${server.url}/learn/${ASSESSED_COURSE}`);
    await page.getByRole('tab', { name: 'Quizzes' }).click();
    const row = page.getByRole('listitem').filter({ hasText: QUIZ_TITLE });
    await expectVisible(row.getByText('Not started'));
    await row.getByRole('link', { name: QUIZ_TITLE }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: QUIZ_TITLE }));
    expect(page.url()).toContain(`/learn/${ASSESSED_COURSE}/quizzes/${QUIZ}`);
    await expectVisible(page.getByText('0 of 3 used'));
    await expectAccessible('the quiz intro');

    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Attempt 1' }));
    await expectVisible(page.getByRole('timer'));
    await expectEventually(() => page.getByRole('group').count()).toBe(5);
    await question('beats an ID selector').getByLabel('True').check();
    await expectAccessible('the quiz attempt');
    await page.getByRole('button', { name: 'Submit answers' }).click();

    await expectVisible(page.getByRole('heading', { name: 'Not passed yet' }));
    await expectVisible(page.getByText('0 of 6 points (0%)'));
    await expectAccessible('the quiz result');
    await page.getByRole('button', { name: 'Review your answers' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Review of your answers' }));
    await expectVisible(page.getByText('marks the dominant content', { exact: false }));
    await expectVisible(page.getByRole('heading', { name: /: incorrect \(0 of 2 points\)/ }));
    await expectAccessible('the quiz review');
  });

  it('the learner passes the second attempt', async () => {
    await page.getByRole('button', { name: 'Back to the quiz' }).click();
    await expectVisible(page.getByText('1 of 3 used'));
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
    await expectVisible(page.getByText('5 of 5 answered', { exact: false }));
    await page.getByRole('button', { name: 'Submit answers' }).click();

    await expectVisible(page.getByRole('heading', { name: 'You passed' }));
    await expectVisible(page.getByText('6 of 6 points (100%)'));
    await page.getByRole('button', { name: 'Back to the quiz' }).click();
    await expectVisible(page.getByText('You passed this quiz with 100%.'));
    await page.goto(`${server.url}/learn/${ASSESSED_COURSE}`);
    await page.getByRole('tab', { name: 'Quizzes' }).click();
    await expectVisible(page.getByRole('listitem').filter({ hasText: QUIZ_TITLE }).getByText('Passed (100%)'));
    await signOut();
  });

  it('the instructor adds a question in the quiz builder', async () => {
    await signIn('instructor@demo.test');
    await page.goto(`${server.url}/teach/courses/${ids.course(ASSESSED_COURSE)}/quizzes`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Quizzes' }));
    await page.getByRole('button', { name: `Edit ${QUIZ_TITLE}` }).click();
    await expectVisible(page.getByRole('heading', { name: `Settings: ${QUIZ_TITLE}` }));
    await expectVisible(page.getByRole('heading', { name: 'Questions (5)' }));
    await expectAccessible('the quiz builder');

    await page.getByRole('button', { name: 'Add a question' }).click();
    await expectVisible(page.getByRole('heading', { name: 'New question' }));
    await page.getByLabel('Question type').selectOption('true_false');
    await page.getByLabel('Question (Markdown)').fill('Alt text describes an image for people who cannot see it.');
    await page.getByRole('group', { name: 'The statement is' }).getByLabel('True').check();
    await expectAccessible('the question editor');
    await page.getByRole('button', { name: 'Add question' }).click();

    await expectVisible(page.getByRole('heading', { name: 'Questions (6)' }));
    await expectVisible(page.getByText('Alt text describes an image', { exact: false }));
    // Reordering by keyboard: the moved question keeps the focus.
    await page.getByRole('button', { name: 'Move question 6 up' }).focus();
    await page.keyboard.press('Enter');
    await expectEventually(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Move question 5 up',
    );
    const questions = page.getByRole('region', { name: 'Questions (6)' }).getByRole('listitem');
    await expectEventually(() => questions.nth(4).textContent()).toContain('Alt text describes');
  });
});
