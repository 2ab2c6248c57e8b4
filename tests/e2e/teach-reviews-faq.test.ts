import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * The instructor's reviews and FAQ pages and the admin's hiding, in real Chromium against the
 * real platform with the demo seed (its reviews and FAQs): an instructor replies to a review,
 * edits the course FAQ (add, edit, reorder with buttons and with Alt+Arrow keys, delete); an
 * admin hides a review on the course page.
 */

let server: RunningServer;
let page: Page;

const SLUG = 'python-for-data-analysis';

const { signIn, expectAccessible } = usePlatform(async (p) => {
  ({ server, page } = p);
  page.on('dialog', (d) => void d.accept());
});

const questions = () =>
  page
    .getByRole('region', { name: /^Questions/ })
    .getByRole('heading', { level: 3 })
    .allTextContents();

describe("an instructor's reviews and FAQ", () => {
  it('replies to a review without a reply', async () => {
    await signIn('maya@demo.test');
    await page.goto(`${server.url}/teach/reviews`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Reviews of your courses' }));
    await page.getByLabel(/^Without a reply/).check();
    const first = page.getByRole('list', { name: 'Reviews, newest first' }).getByRole('listitem').first();
    await expectVisible(first);
    await expectAccessible('teach reviews');
    await first.getByLabel(/^Your reply to /).fill('Thank you for the kind words!');
    await first.getByRole('button', { name: 'Post reply' }).click();
    await expectVisible(first.getByText('Thank you for the kind words!', { exact: true }).first());
    await expectVisible(first.getByRole('button', { name: 'Update reply' }));
  });

  it('edits the course FAQ: add, edit, reorder with buttons and keys, delete', async () => {
    const course = (await (await fetch(`${server.url}/api/courses/${SLUG}`)).json()) as { id: string };
    await page.goto(`${server.url}/teach/courses/${course.id}/faq`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Course FAQ' }));
    await expectEventually(async () => (await questions()).length).toBeGreaterThan(1);
    await expectAccessible('teach FAQ');
    const before = await questions();

    await page.getByLabel('Question', { exact: true }).last().fill('Can I download the notebooks?');
    await page.getByLabel('Answer (Markdown)').last().fill('Yes: every lesson has a **download** link.');
    await page.getByRole('button', { name: 'Add question' }).click();
    await expectEventually(questions).toEqual([...before, 'Can I download the notebooks?']);

    await page.getByRole('button', { name: 'Move up “Can I download the notebooks?”' }).click();
    const moved = [...before];
    moved.splice(before.length - 1, 0, 'Can I download the notebooks?');
    await expectEventually(questions).toEqual(moved);
    // Focus stays on the moved question's button; Alt+Arrow Up moves it once more.
    // (The move is saved and announced first; then the focused element is the button itself, not the page:
    // the body's text holds "Move up" too, which let a key press land nowhere while the list re-rendered.)
    await expectEventually(() =>
      page.locator('[aria-live="polite"][aria-atomic="true"]').first().textContent(),
    ).toContain('Moved to position');
    await expectEventually(() =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.tagName === 'BUTTON' ? (el.textContent ?? '') : '';
      }),
    ).toContain('Move up');
    await page.keyboard.press('Alt+ArrowUp');
    const twice = [...before];
    twice.splice(before.length - 2, 0, 'Can I download the notebooks?');
    await expectEventually(questions).toEqual(twice);
    await page.reload();
    await expectEventually(questions).toEqual(twice);

    await page.getByRole('button', { name: 'Edit “Can I download the notebooks?”' }).click();
    await page.getByLabel('Question', { exact: true }).first().fill('Can I download the course notebooks?');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectEventually(questions).toContain('Can I download the course notebooks?');
    await page.getByRole('button', { name: 'Delete “Can I download the course notebooks?”' }).click();
    await expectEventually(questions).toEqual(before);
    await expectAccessible('teach FAQ after editing');
  });

  it('an admin hides a review on the course page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('admin@demo.test');
    await page.goto(`${server.url}/courses/${SLUG}`);
    const reviews = page.getByRole('region', { name: 'Reviews' });
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Reviews' }));
    const review = reviews.getByRole('article').first();
    await expectVisible(review);
    await review.getByRole('button', { name: /^Hide/ }).click();
    await expectVisible(review.getByText('Hidden', { exact: true }));
    await expectVisible(review.getByRole('button', { name: /^Show/ }));
    await expectAccessible('course page as admin');
    await review.getByRole('button', { name: /^Show/ }).click();
    await expectVisible(review.getByRole('button', { name: /^Hide/ }));
  });
});
