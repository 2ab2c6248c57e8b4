import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAdminSection } from '../support/admin-nav.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import { drawPng } from '../support/images.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * The blog (issue 13) in Chromium on the real platform with the demo seed: /blog shows the featured
 * post, filters by tag and searches; a post shows its body, share links and related posts; the
 * newsletter sign-up mails a confirm link (dev outbox) that confirms it. An admin writes a post
 * with the live preview and a cover picture (uploaded in three widths) and publishes it, and the
 * public blog shows it with its cover; the confirmed reader gets it by mail and unsubscribes in one
 * click. axe and 320 px reflow on
 * /blog, a post and /admin/blog.
 */

let server: RunningServer;
let page: Page;

const { signIn, signOut, expectAccessible, expectReflows } = usePlatform((p) => {
  ({ server, page } = p);
});

interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  kind: string;
}

const STAMP = Date.now().toString(36);
const TITLE = `Note-taking that works ${STAMP}`;
const READER = `reader-${STAMP}@example.test`;

describe('the blog', () => {
  it('lists the featured and latest posts, filters by tag and searches', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Blog' }).click();
    await page.waitForURL(/\/blog$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Blog' }));
    const featured = page.getByRole('region', { name: 'Featured' });
    await expectVisible(featured.getByRole('heading', { name: 'How to actually finish an online course' }));
    const latest = page.getByRole('region', { name: 'Latest posts' });
    await expectVisible(latest.getByRole('heading', { name: 'Reading a SQL query plan without fear' }));
    // Scheduled and draft posts are not public.
    await expectHidden(page.getByText('Commit messages your future self will thank you for'));
    await expectHidden(page.getByText("A first look at TypeScript's satisfies operator"));
    await expectAccessible('the blog');
    await expectReflows('the blog');

    await page.getByRole('navigation', { name: 'Tags' }).getByRole('link', { name: /^#sql/ }).click();
    await page.waitForURL(/\/blog\?tag=sql$/);
    const tagged = page.getByRole('region', { name: /tagged #sql/ });
    await expectVisible(tagged.getByRole('heading', { name: 'Reading a SQL query plan without fear' }));
    await expectHidden(tagged.getByRole('heading', { name: 'Spaced repetition for developers' }));

    await page.goto(`${server.url}/blog`);
    await page.getByRole('searchbox', { name: 'Search the blog' }).fill('forgetting curve');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/blog\?q=forgetting/);
    const results = page.getByRole('region', { name: /Results for/ });
    await expectVisible(results.getByRole('heading', { name: 'Spaced repetition for developers' }));
    await expectHidden(results.getByRole('heading', { name: 'Reading a SQL query plan without fear' }));
  });

  it('shows a post with share links and related posts; the newsletter sign-up is confirmed by mail', async () => {
    await page.goto(`${server.url}/blog/spaced-repetition-for-developers`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Spaced repetition for developers' }));
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Review just before you would forget' }));
    await expectVisible(page.locator('.blog-post code').filter({ hasText: 'Array.prototype.reduce' }).first());
    const share = page.getByRole('navigation', { name: 'Share this post' });
    await expectVisible(share.getByRole('link', { name: /LinkedIn/ }));
    await expect(share.getByRole('link', { name: /^X/ }).getAttribute('href')).resolves.toContain(
      encodeURIComponent(`${server.url}/blog/spaced-repetition-for-developers`),
    );
    const related = page.getByRole('region', { name: 'Related posts' });
    await expectVisible(related.getByRole('heading', { name: 'How to actually finish an online course' }));
    await expectAccessible('a blog post');
    await expectReflows('a blog post');

    const signUp = page.getByRole('region', { name: 'Get new posts by email' });
    await signUp.getByLabel('Email address').fill(READER);
    await signUp.getByRole('button', { name: 'Sign up' }).click();
    await expectVisible(signUp.getByText(`Check your inbox: we sent a confirmation link to ${READER}.`));

    const confirmMails = async () => {
      const outbox = (await (await fetch(`${server.url}/dev/api/outbox`)).json()) as { items: OutboxMail[] };
      return outbox.items.filter((m) => m.kind === 'newsletter_confirm' && m.to === READER);
    };
    await expectEventually(async () => (await confirmMails()).length).toBe(1);
    const [mail] = await confirmMails();
    const link = new URL(/https?:\/\/\S+\/blog\/confirm\?token=[A-Za-z0-9_-]+/.exec(mail!.text)![0]);
    await page.goto(`${server.url}${link.pathname}${link.search}`);
    await expectVisible(page.getByText('Your subscription is confirmed.'));
  });

  it('an admin writes a post with the live preview and a cover, and publishes it; the blog shows it', async () => {
    await signIn('admin@demo.test');
    await openAdminSection(page, 'Blog');
    await page.waitForURL(/\/admin\/blog$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Blog' }));
    const posts = page.getByRole('region', { name: 'Posts' });
    await expectVisible(posts.getByRole('row', { name: /Commit messages your future self/ }).getByText('Scheduled'));
    await expectVisible(posts.getByRole('row', { name: /satisfies operator/ }).getByText('Draft'));
    await expectAccessible('the blog admin page');
    await expectReflows('the blog admin page');

    await posts.getByRole('button', { name: 'New post' }).click();
    const editor = page.getByRole('form', { name: 'New post' });
    await editor.getByLabel('Title').fill(TITLE);
    await expect(editor.getByLabel('Address (slug)').inputValue()).resolves.toBe(`note-taking-that-works-${STAMP}`);
    await editor.getByLabel('Excerpt').fill('Write less, remember more.');
    await editor.getByLabel('Category').selectOption({ label: 'Learning how to learn' });
    await editor.getByLabel('Tags').fill('study-habits, notes');
    await editor.getByLabel('Post (Markdown)').fill('## Why notes\n\nWrite **in your own words** after each lesson.');
    // A cover: resized in the browser to three widths, uploaded with one progress bar.
    await editor.getByLabel('Upload a cover picture').setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: await drawPng(page, '#0f766e', '#134e4a'),
    });
    await expectVisible(editor.getByText(/^Cover uploaded in 3 sizes/));
    await editor.getByLabel('Cover description (alt text)').fill('A notebook open on a desk');
    await expectVisible(editor.getByRole('img', { name: 'A notebook open on a desk' }));
    const preview = editor.getByRole('region', { name: 'Preview' });
    await expectVisible(preview.locator('strong').filter({ hasText: 'in your own words' }));
    await editor.getByLabel('Publish now').check();
    await editor.getByRole('button', { name: 'Save and publish' }).click();
    await expectVisible(page.getByText(`“${TITLE}” is published.`).first());
    await expectVisible(posts.getByRole('row', { name: new RegExp(TITLE) }).getByText('Published'));

    // Bulk: the draft selected and published from the list.
    await posts.getByRole('checkbox', { name: /Select “A first look at TypeScript's satisfies operator”/ }).check();
    await posts.getByRole('group', { name: 'Selected posts' }).getByRole('button', { name: 'Publish now' }).click();
    await expectVisible(posts.getByRole('row', { name: /satisfies operator/ }).getByText('Published'));
    await signOut();

    await page.goto(`${server.url}/blog`);
    await expectVisible(page.getByRole('region', { name: 'Latest posts' }).getByRole('heading', { name: TITLE }));
    await page.getByRole('link', { name: TITLE }).first().click();
    await expectVisible(page.getByRole('heading', { level: 1, name: TITLE }));
    await expectVisible(page.locator('.blog-post strong').filter({ hasText: 'in your own words' }));
    const cover = page.getByRole('img', { name: 'A notebook open on a desk' });
    await expectVisible(cover);
    const srcset = (await cover.getAttribute('srcset')) ?? '';
    expect(srcset.split(', ').map((part) => part.split(' ')[1])).toEqual(['320w', '640w', '1280w']);
    for (const part of srcset.split(', ')) {
      const res = await page.request.get(new URL(part.split(' ')[0]!, server.url).toString());
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('image/webp');
    }

    // The newsletter: the reader who confirmed above gets the new post by mail, and unsubscribes in one click.
    const postMails = async () => {
      const outbox = (await (await fetch(`${server.url}/dev/api/outbox`)).json()) as { items: OutboxMail[] };
      return outbox.items.filter((m) => m.kind === 'newsletter_post' && m.to === READER && m.subject === TITLE);
    };
    await expectEventually(async () => (await postMails()).length).toBe(1);
    const [news] = await postMails();
    expect(news!.text).toContain(`/blog/note-taking-that-works-${STAMP}`);
    const unsubscribe = /\/api\/mail\/unsubscribe\?t=\S+/.exec(news!.text)![0];
    await page.goto(`${server.url}${unsubscribe}`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Unsubscribe' }));
    await expectVisible(page.getByText('Stop getting new posts from the blog by email?'));
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'You are unsubscribed' }));
  });
});
