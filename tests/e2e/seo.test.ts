import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * Public pages a crawler without JavaScript can read (issue 13, SEO): in Chromium with scripts
 * off, the host's HTML alone shows the home page's featured courses, the catalog's course links,
 * a course's title, description, syllabus and price, and a bundle's courses. With scripts on,
 * the app replaces that content (never shown twice) and keeps the head in step as it navigates.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;
let noScript: BrowserContext;
let crawler: Page;

usePlatform(async (p) => {
  ({ server, browser, page } = p);
  noScript = await browser.newContext({ javaScriptEnabled: false });
  crawler = await noScript.newPage();
});
afterAll(async () => {
  await noScript?.close();
});

const main = () => crawler.getByRole('main');

describe('without JavaScript', () => {
  it('the home page shows its featured courses, linked', async () => {
    await crawler.goto(`${server.url}/`);
    await expectVisible(
      crawler.getByRole('heading', { level: 1, name: 'Practical courses that fit around your life.' }),
    );
    await expectVisible(main().getByRole('heading', { level: 2, name: 'Popular courses' }));
    await expectVisible(main().getByRole('link', { name: 'HTML & CSS Foundations' }).first());
    expect(await crawler.title()).toBe('Practical online courses · Learnwell');
  });

  it('the catalog lists course links that lead to course pages', async () => {
    await crawler.goto(`${server.url}/courses`);
    await expectVisible(crawler.getByRole('heading', { level: 1, name: 'Courses' }));
    const links = main().getByRole('article').getByRole('link');
    expect(await links.count()).toBeGreaterThanOrEqual(6);
    await main().getByRole('link', { name: 'SQL for Analysts' }).click();
    await crawler.waitForURL(/\/courses\/sql-for-analysts$/);
    await expectVisible(crawler.getByRole('heading', { level: 1, name: 'SQL for Analysts' }));
  });

  it('a course page shows its title, description, syllabus, price, instructor and reviews', async () => {
    await crawler.goto(`${server.url}/courses/sql-for-analysts`);
    await expectVisible(crawler.getByRole('heading', { level: 1, name: 'SQL for Analysts' }));
    await expectVisible(main().getByText('Ask your database questions directly, from SELECT to window functions.'));
    await expectVisible(main().getByText(/Most of the world's business data lives in relational databases/));
    await expectVisible(main().getByRole('heading', { level: 2, name: 'Course content' }));
    await expectVisible(main().getByRole('heading', { level: 3, name: 'Querying one table' }));
    await expectVisible(main().getByText('SELECT, WHERE and ORDER BY', { exact: true }));
    await expectVisible(main().getByText('$29.00'));
    await expectVisible(main().getByRole('heading', { level: 2, name: 'Your instructor' }));
    await expectVisible(main().getByText(/out of 5 from [\d,]+ reviews/));
    await expectVisible(main().getByRole('heading', { level: 2, name: 'Frequently asked questions' }));
    expect(await crawler.title()).toBe('SQL for Analysts · Learnwell');
    const head = await crawler.locator('head').innerHTML();
    expect(head).toContain('<link rel="canonical" href="');
    expect(head).toContain('"@type":"Course"');
    expect(head).toContain('<meta property="og:title" content="SQL for Analysts · Learnwell">');
  });

  it('a bundle page shows its courses and price', async () => {
    await crawler.goto(`${server.url}/bundles/full-stack-javascript`);
    await expectVisible(crawler.getByRole('heading', { level: 1, name: 'Full-stack JavaScript' }));
    await expectVisible(main().getByText(/^Bundle price:/));
    await expectVisible(main().getByRole('link', { name: 'TypeScript for JavaScript Developers' }));
  });

  it('a blog post shows its title, body and related posts; /blog links the posts; the feed lists them', async () => {
    await crawler.goto(`${server.url}/blog`);
    await expectVisible(crawler.getByRole('heading', { level: 1, name: 'Blog' }));
    await main().getByRole('link', { name: 'Spaced repetition for developers' }).first().click();
    await crawler.waitForURL(/\/blog\/spaced-repetition-for-developers$/);
    await expectVisible(crawler.getByRole('heading', { level: 1, name: 'Spaced repetition for developers' }));
    await expectVisible(main().getByRole('heading', { level: 2, name: 'Retrieval beats rereading' }));
    await expectVisible(main().getByText('Array.prototype.reduce').first());
    await expectVisible(main().getByRole('heading', { level: 2, name: 'Related posts' }));
    expect(await crawler.title()).toBe('Spaced repetition for developers · Learnwell');
    const head = await crawler.locator('head').innerHTML();
    expect(head).toContain('"@type":"Article"');
    expect(head).toContain('<meta property="og:type" content="article">');
    expect(head).toContain('<link rel="alternate" type="application/rss+xml"');
    const rss = await (await crawler.goto(`${server.url}/blog/rss.xml`))!.text();
    expect(rss).toContain('/blog/spaced-repetition-for-developers</link>');
    expect(rss).not.toContain('commit-messages-your-future-self-will-thank-you-for');
  });

  it('robots.txt and sitemap.xml are served from the data', async () => {
    const robots = await crawler.goto(`${server.url}/robots.txt`);
    expect(await robots!.text()).toContain(`Sitemap: `);
    const sitemap = await (await crawler.goto(`${server.url}/sitemap.xml`))!.text();
    expect(sitemap).toContain('/courses/sql-for-analysts</loc>');
    expect(sitemap).not.toContain('/courses/accessible-forms-from-scratch</loc>');
    expect(sitemap).toContain('/blog/reading-a-sql-query-plan</loc>');
    expect(sitemap).not.toMatch(/commit-messages-your-future-self|typescript-satisfies-operator/);
  });
});

describe('with JavaScript', () => {
  it('the app replaces the prerendered content (one heading, not two) and keeps the head in step', async () => {
    await page.goto(`${server.url}/courses/sql-for-analysts`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'SQL for Analysts' }));
    await expectVisible(page.getByRole('button', { name: 'Add to cart' }).first());
    await expectHidden(page.locator('[data-prerendered]'));
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Courses' }));
    expect(await page.title()).toBe('Courses · Learnwell');
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/\/courses$/);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description).not.toContain('window functions');
  });
});
