import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { openAdminSection } from '../support/admin-nav.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * Site content (issue 13) in Chromium on the real platform with the demo seed: the home page
 * shows the seeded hero, featured courses and testimonials; the footer leads to the legal pages.
 * An admin changes the hero and features another course on /admin/site, and the home page shows
 * both; edits the refund policy with a Markdown preview, and /legal/refund-policy shows it.
 * axe and 320 px reflow on the legal page and the admin page.
 */

let server: RunningServer;
let page: Page;

const { signIn, signOut, expectAccessible, expectReflows } = usePlatform((p) => {
  ({ server, page } = p);
});

const HERO = `Learn something real this week (${Date.now()})`;
const REFUND = `Refunds within 14 days, no questions asked (${Date.now()}).`;

describe('site content', () => {
  it('shows the seeded hero, featured courses and testimonials; the footer links the legal pages', async () => {
    await page.goto(`${server.url}/`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Practical courses that fit around your life.' }));
    const featured = page.getByRole('region', { name: 'Featured courses' });
    await expectVisible(featured.getByRole('heading', { name: 'HTML & CSS Foundations' }));
    await expectVisible(page.getByRole('region', { name: 'What learners say' }).getByText('Priya N.'));

    await page.getByRole('navigation', { name: 'Footer' }).getByRole('link', { name: 'Refund policy' }).click();
    await page.waitForURL(/\/legal\/refund-policy$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Refund policy' }));
    await expectVisible(page.getByText(/Ask for a refund within/));
    await expectAccessible('the refund policy');
    await expectReflows('the refund policy');
  });

  it('an admin changes the hero and features a course; the home page shows them', async () => {
    await signIn('admin@demo.test');
    await openAdminSection(page, 'Site content');
    await page.waitForURL(/\/admin\/site$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Site content' }));
    const courses = page.getByRole('group', { name: 'Featured courses' });
    const picked = courses.getByRole('list', { name: 'Featured courses, in order' });
    const titles = picked.locator('.site-picked-title');
    await expectVisible(titles.filter({ hasText: 'HTML & CSS Foundations' }));
    await expectAccessible('the site content admin page');
    await expectReflows('the site content admin page');

    await page.getByLabel('Title', { exact: true }).first().fill(HERO);
    await courses.getByLabel('Find a published course').fill('TypeScript');
    await courses.getByRole('button', { name: 'Search courses' }).click();
    await courses.getByRole('button', { name: 'Add TypeScript for JavaScript Developers' }).click();
    await expectVisible(titles.filter({ hasText: 'TypeScript for JavaScript Developers' }));
    // Last of four: moved up to the top, one step at a time.
    for (let i = 0; i < 3; i++) {
      await picked.getByRole('button', { name: 'Up TypeScript for JavaScript Developers' }).click();
    }
    await expectVisible(titles.first().filter({ hasText: 'TypeScript for JavaScript Developers' }));
    await page.getByRole('button', { name: 'Save home page' }).click();
    await expectVisible(page.getByText('Home page saved.').first());

    await page.goto(`${server.url}/`);
    await expectVisible(page.getByRole('heading', { level: 1, name: HERO }));
    const featured = page.getByRole('region', { name: 'Featured courses' });
    await expectVisible(featured.getByRole('heading', { name: 'TypeScript for JavaScript Developers' }));
  });

  it('an admin edits the refund policy with a preview; /legal/refund-policy shows it', async () => {
    await page.goto(`${server.url}/admin/site`);
    const legal = page.getByRole('region', { name: 'Legal pages' });
    await legal.getByLabel('Page').selectOption('refund-policy');
    await expectVisible(legal.getByRole('button', { name: 'Save refund policy' }));
    await legal.getByLabel('Text (Markdown)').fill(`## Courses\n\n**${REFUND}**`);
    await legal.getByRole('button', { name: 'Preview' }).click();
    await expectVisible(legal.locator('.markdown-preview strong').filter({ hasText: REFUND }));
    await legal.getByRole('button', { name: 'Save refund policy' }).click();
    await expectVisible(legal.getByText('Refund policy saved.').first());
    await signOut();

    await page.goto(`${server.url}/legal/refund-policy`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Refund policy' }));
    await expectVisible(page.locator('strong').filter({ hasText: REFUND }));
    await expectHidden(page.getByText(/Ask for a refund within/));
  });
});
