import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAdminSection } from '../support/admin-nav.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * Course moderation (issue 13) in Chromium on the real platform with the demo seed: an admin
 * features a course from /admin/courses and the home page shows it; renames a category and the
 * catalog shows the new name; a learner reports a review from the course page, the admin finds
 * it in /admin/reports, hides it, and it is gone from the course page. axe and 320 px reflow on
 * /admin/courses, /admin/courses/categories, /admin/reviews and /admin/reports.
 */

let server: RunningServer;
let page: Page;

const { signIn, signOut, expectAccessible, expectReflows } = usePlatform((p) => {
  ({ server, page } = p);
});

const FEATURED = 'Python for Data Analysis';
const REPORTED_COURSE = { slug: 'modern-javascript-essentials', title: 'Modern JavaScript Essentials' };
let reviewAuthor = '';

describe('course moderation', () => {
  it('an admin features a course from the courses screen; the home page shows it', async () => {
    await signIn('admin@demo.test');
    await openAdminSection(page, 'Courses');
    await page.waitForURL(/\/admin\/courses$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Courses' }));
    await expectVisible(page.getByRole('link', { name: /Approval queue \(1 waiting\)/ }));
    await expectAccessible('the admin courses screen');
    await expectReflows('the admin courses screen');

    await page.getByLabel('Search courses').fill('Python for Data');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: FEATURED, exact: true }) });
    await expectVisible(row);
    await row.getByRole('button', { name: `Feature ${FEATURED}` }).click();
    await expectVisible(page.getByText('The course is featured on the home page.').first());
    await expectVisible(row.getByRole('button', { name: `Unfeature ${FEATURED}` }));

    await page.goto(`${server.url}/`);
    const featured = page.getByRole('region', { name: 'Featured courses' });
    await expectVisible(featured.getByRole('heading', { name: FEATURED }));
  });

  it('an admin renames a category; the catalog shows the new name', async () => {
    await openAdminSection(page, 'Categories and tags');
    await page.waitForURL(/\/admin\/courses\/categories$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Categories and tags' }));
    await expectAccessible('the categories and tags screen');
    await expectReflows('the categories and tags screen');
    const design = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Design/ }) });
    await design.getByRole('button', { name: 'Edit Design' }).click();
    const form = page.getByRole('form', { name: 'Edit Design' });
    await form.getByLabel('Name').fill('Design & UX');
    await form.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page.getByText('Design & UX is saved.').first());

    await page.goto(`${server.url}/courses`);
    await expectVisible(page.getByRole('checkbox', { name: /Design & UX/ }));
    await signOut();
  });

  it('a learner reports a review from the course page', async () => {
    await signIn('student@demo.test');
    await page.goto(`${server.url}/courses/${REPORTED_COURSE.slug}`);
    const first = page.locator('.review-list article').first();
    await expectVisible(first);
    reviewAuthor = ((await first.getAttribute('aria-label')) ?? '').replace(/^Review by /, '');
    expect(reviewAuthor).not.toBe('');
    await first.getByRole('button', { name: `Report the review by ${reviewAuthor}` }).click();
    const dialog = page.getByRole('dialog', { name: `Report the review by ${reviewAuthor}` });
    await expectVisible(dialog);
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expectVisible(dialog.getByText('Choose a reason.'));
    await dialog.getByLabel('Spam or advertising').check();
    await dialog.getByLabel(/Anything to add/).fill('A link to a shop.');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expectHidden(dialog);
    await expectVisible(first.getByText('Reported'));
    await signOut();
  });

  it('the admin finds it in the reports queue and hides it; it is gone from the course page', async () => {
    await signIn('admin@demo.test');
    await openAdminSection(page, 'Reported content');
    await page.waitForURL(/\/admin\/reports$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Reported content' }));
    const card = page
      .locator('.report-card')
      .filter({ has: page.getByRole('link', { name: new RegExp(`Review of ${REPORTED_COURSE.title}`) }) });
    await expectVisible(card.getByRole('heading', { name: `Review by ${reviewAuthor}` }));
    await expectVisible(card.getByText('A link to a shop.'));
    await expectAccessible('the reported content queue');
    await expectReflows('the reported content queue');
    await card.getByRole('button', { name: /Hide and mark actioned/ }).click();
    await expectVisible(page.getByText(/The content is hidden; 1 report marked actioned\./).first());
    await expectHidden(card);

    await openAdminSection(page, 'Reviews');
    await page.waitForURL(/\/admin\/reviews$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Reviews' }));
    await page.getByLabel('Show', { exact: true }).selectOption('hidden');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expectVisible(page.getByRole('button', { name: `Restore the review by ${reviewAuthor}` }).first());
    await expectAccessible('the admin reviews screen');
    await expectReflows('the admin reviews screen');
    await signOut();

    await page.goto(`${server.url}/courses/${REPORTED_COURSE.slug}`);
    await expectVisible(page.locator('.review-list article').first());
    await expectHidden(page.getByRole('article', { name: `Review by ${reviewAuthor}` }));
  });
});
