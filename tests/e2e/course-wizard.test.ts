import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { openAdminSection } from '../support/admin-nav.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * The course wizard in real Chromium against the real platform: instructor@demo.test creates a
 * course (basic info, one section, two lessons, reorders one with Alt+Arrow Up, a price) and
 * submits it for review; admin@demo.test approves it in the queue; the catalog then lists it.
 * axe checks every step and the queue.
 */

let server: RunningServer;
let page: Page;
const title = `Wizard Course ${randomBytes(3).toString('hex')}`;

const { signIn, expectAccessible } = usePlatform((p) => {
  ({ server, page } = p);
});

const lessonNames = () => page.locator('.curriculum-lesson .lesson-name').allTextContents();

describe('the course wizard and the review queue', () => {
  it('an instructor builds a course through the wizard and submits it', async () => {
    await signIn('instructor@demo.test');
    await page.goto(`${server.url}/teach`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Teaching' }));
    await expectVisible(page.getByRole('heading', { name: 'My courses' }));
    await expectVisible(page.getByRole('heading', { name: 'Earnings', exact: true }));
    await expectAccessible('dashboard');
    await page
      .getByRole('link', { name: /^Students of / })
      .first()
      .click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Students' }));
    await expectVisible(page.getByRole('table').or(page.getByText('No learners yet.')));
    await expectAccessible('students');
    await page.getByRole('link', { name: 'Teaching' }).first().click();

    await page.getByRole('link', { name: 'New course' }).click();
    await page.getByLabel('Course title').fill(title);
    await page.getByRole('button', { name: 'Create draft' }).click();

    // 1. Basic info
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Basic info' }));
    await page.getByLabel('Subtitle').fill('Built in the browser, step by step');
    await page.getByLabel('Description').fill('## What you learn\n\nHow a course is **built**.');
    await page.getByLabel('Tags').fill('wizard, testing');
    await expectAccessible('basic info');
    await page.getByRole('button', { name: 'Save basic info' }).click();
    await expectVisible(page.getByText('Saved.', { exact: true }));

    // 2. Curriculum: one section, two lessons, the second moved up with Alt+Arrow Up.
    await page.getByRole('link', { name: 'Next: Curriculum' }).click();
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Curriculum' }));
    await page.getByLabel('New section title').fill('Getting started');
    await page.getByRole('button', { name: 'Add section' }).click();
    await expectVisible(page.getByRole('heading', { level: 3, name: /Getting started/ }));
    for (const lesson of ['First lesson', 'Second lesson']) {
      await page.getByLabel('New lesson title').fill(lesson);
      await page.getByRole('button', { name: 'Add lesson' }).click();
      await expectVisible(page.locator('.curriculum-lesson .lesson-name', { hasText: lesson }));
    }
    await expectEventually(lessonNames).toEqual(['First lesson', 'Second lesson']);
    await expectAccessible('curriculum');
    await page.locator('.curriculum-lesson', { hasText: 'Second lesson' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expectEventually(() => page.getByTestId('reorder-status').textContent()).toBe(
      'Moved Second lesson to position 1 of 2 in Getting started.',
    );
    await expectEventually(lessonNames).toEqual(['Second lesson', 'First lesson']);
    // Focus stays on the moved lesson, and the order is the server's after a reload.
    await expectEventually(() =>
      page.evaluate(() => document.activeElement?.querySelector('.lesson-name')?.textContent),
    ).toBe('Second lesson');
    await page.reload();
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Curriculum' }));
    await expectEventually(lessonNames).toEqual(['Second lesson', 'First lesson']);
    // Dragging works too: First lesson dropped on Second lesson goes before it.
    await page
      .locator('.curriculum-lesson', { hasText: 'First lesson' })
      .dragTo(page.locator('.curriculum-lesson', { hasText: 'Second lesson' }));
    await expectEventually(lessonNames).toEqual(['First lesson', 'Second lesson']);
    await expectEventually(() => page.getByTestId('reorder-status').textContent()).toBe(
      'Moved First lesson to position 1 of 2 in Getting started.',
    );
    await page.locator('.curriculum-lesson', { hasText: 'Second lesson' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expectEventually(lessonNames).toEqual(['Second lesson', 'First lesson']);

    // 3. Pricing
    await page.getByRole('link', { name: 'Next: Pricing' }).click();
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Pricing' }));
    await page.getByLabel('Paid').check();
    await page.getByLabel('Amount').fill('19.99');
    await expectAccessible('pricing');
    await page.getByRole('button', { name: 'Save price' }).click();
    await expectVisible(page.getByText('Saved: $19.99.'));

    // 4. Review and submit
    await page.getByRole('link', { name: 'Next: Review and submit' }).click();
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Review and submit' }));
    await expectVisible(page.getByText('At least one published lesson (2 of 2 published)'));
    await expectAccessible('review');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expectVisible(page.getByText('Submitted for review.'));
    await expectVisible(page.locator('.status-pill', { hasText: 'In review' }));
  });

  it('an admin approves it in the queue and the catalog lists it', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('admin@demo.test');
    await openAdminSection(page, 'Course reviews');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Course review queue' }));
    const item = page.locator('.review-item', { has: page.getByRole('heading', { name: title }) });
    await expectVisible(item);
    await item.getByRole('button', { name: /Preview the syllabus/ }).click();
    await expectVisible(item.getByText('Second lesson'));
    await expectAccessible('review queue');
    await item.getByRole('button', { name: `Approve ${title}` }).click();
    await expectVisible(page.getByText(`Approved and published: ${title}.`));

    await page.goto(`${server.url}/courses?q=${encodeURIComponent(title)}`);
    await expectVisible(page.getByRole('link', { name: title }).first());
  });
});
