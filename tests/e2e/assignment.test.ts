import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { ids } from '../../seed/ids.ts';
import { type ThrottleUploads, uploadThrottle, usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * An assignment from setup to grade in real Chromium against the real platform: the instructor
 * sets one up with a rubric on a free course; the demo student finds it in the gradebook, hands in
 * text and a PDF (uploaded to Storage with a visible progress bar); the instructor grades it with
 * the rubric from the grading queue; the learner sees the grade and the feedback on the
 * assignment and in the gradebook. Every page passes axe.
 */

const COURSE = 'html-css-foundations';
const TITLE = 'Reflect on semantic HTML';

let server: RunningServer;
let page: Page;
let throttleUploads: ThrottleUploads;

const { signIn, signOut, expectAccessible, expectReflows } = usePlatform(async (p) => {
  ({ server, page } = p);
  throttleUploads = await uploadThrottle(page);
});

/** A small but real-looking PDF of `bytes` bytes. */
function pdf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n%assignment\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(bytes - head.length - tail.length, 0x20), tail]);
}

describe('an assignment from setup to grade', () => {
  it('the instructor sets up a published assignment with a rubric', async () => {
    await signIn('instructor@demo.test');
    await page.goto(`${server.url}/teach/courses/${ids.course(COURSE)}/assignments`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Assignments' }));
    await page.getByRole('button', { name: 'New assignment' }).click();
    await expectVisible(page.getByRole('heading', { name: 'New assignment' }));
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.getByLabel('Instructions (Markdown)').fill('Explain **three** elements and why they matter.');
    await page.getByLabel('Points', { exact: true }).fill('10');
    await page.getByLabel('Points to pass (optional)').fill('5');
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await page.getByLabel('Criterion 1', { exact: true }).fill('Clarity');
    await page.getByLabel('Points for criterion 1').fill('6');
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await page.getByLabel('Criterion 2', { exact: true }).fill('Depth');
    await page.getByLabel('Points for criterion 2').fill('4');
    await page.getByLabel('Status', { exact: true }).selectOption('published');
    await expectAccessible('the assignment editor');
    await page.getByRole('button', { name: 'Create assignment' }).click();
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await expectVisible(row.getByText('Published'));
    await expectAccessible('the assignments page');
    await signOut();
  });

  it('the learner hands in text and a PDF with a visible upload progress bar', async () => {
    await signIn('student@demo.test');
    await page.goto(`${server.url}/learn/${COURSE}/grades`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Grades' }));
    await page.getByRole('link', { name: TITLE }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: TITLE }));
    await expectVisible(page.getByText('Explain', { exact: false }).first());
    await expectAccessible('the assignment page');

    await page.getByLabel('Your answer').fill('Header, nav and main give a page its landmarks.');
    await throttleUploads(150 * 1024);
    await page
      .getByLabel('Files', { exact: true })
      .setInputFiles({ name: 'essay.pdf', mimeType: 'application/pdf', buffer: pdf(600_000) });
    await expectVisible(page.getByRole('progressbar', { name: 'Uploading essay.pdf' }));
    await expectVisible(page.getByRole('button', { name: 'Uploading…' }));
    await throttleUploads(-1);
    await expectVisible(page.getByText('Uploaded', { exact: true }));
    await expectHidden(page.getByRole('progressbar', { name: 'Uploading essay.pdf' }));
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Submitted (attempt 1).' }));
    const attempt = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Attempt 1/ }) });
    await expectVisible(attempt.getByText('Submitted', { exact: true }));
    await expectVisible(attempt.getByRole('link', { name: 'essay.pdf' }));
    await signOut();
  });

  it('the instructor grades it with the rubric from the grading queue', async () => {
    await signIn('instructor@demo.test');
    await page.goto(`${server.url}/teach/grading`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Grading queue' }));
    await page.getByLabel('Course', { exact: true }).selectOption(ids.course(COURSE));
    await page.getByRole('button', { name: new RegExp(TITLE) }).click();
    await expectVisible(page.getByRole('heading', { name: new RegExp(`${TITLE}: .*attempt 1`) }));
    await expectVisible(page.getByText('Header, nav and main give a page its landmarks.'));
    await expectVisible(page.getByRole('link', { name: 'essay.pdf' }));
    await page.getByLabel('Clarity (0 to 6)').fill('5');
    await page.getByLabel('Depth (0 to 4)').fill('3');
    await expectVisible(page.getByText('Total: 8 of 10'));
    await page.getByLabel('Feedback for the learner').fill('Clear and well argued.');
    await expectAccessible('the grading queue');
    await page.getByRole('button', { name: 'Save grade' }).click();
    await expectVisible(
      page
        .getByRole('status')
        .filter({ hasText: `Graded ${TITLE} for` })
        .filter({ hasText: ': 8 of 10 points.' }),
    );
    await expectHidden(page.getByRole('button', { name: new RegExp(TITLE) }));
    await signOut();
  });

  it('the learner sees the grade and the feedback on the assignment and in the gradebook', async () => {
    await signIn('student@demo.test');
    await page.goto(`${server.url}/learn/${COURSE}/grades`);
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await expectVisible(row.getByText('Graded'));
    await expectVisible(row.getByText('8 / 10 (passed)'));
    await expectVisible(row.getByText('Clear and well argued.'));
    await expectVisible(page.getByRole('img', { name: /Your scores in percent/ }));
    await expectAccessible('the gradebook');
    await expectReflows('the gradebook');

    // The player's Assignments tab lists it with its grade and leads to it.
    await page.goto(`${server.url}/learn/${COURSE}`);
    await page.getByRole('tab', { name: 'Assignments' }).click();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE }) });
    await expectVisible(item.getByText('Graded: 8 of 10 points'));
    await expectAccessible('the Assignments tab');
    await item.getByRole('link', { name: TITLE }).click();
    const history = page.getByRole('region', { name: 'Submission history' });
    await expectVisible(history.getByText('8 of 10 points'));
    await expectVisible(history.getByText('Clear and well argued.'));
    await expectAccessible('the graded assignment');
    await expectReflows('the graded assignment');
  });
});
