import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness, TEST_SECRET, testPayments } from '../../tests/support/edge-harness.ts';
import { createApp } from '../app.ts';
import { hs256Verifier } from '../auth/jwt.ts';
import { commerceConfig } from '../commerce/checkout/config.ts';
import {
  adminBlogCategoryList,
  adminBlogPost,
  adminBlogPostList,
  adminSubscriberList,
  blogCategoryList,
  blogPost,
  blogPostList,
  newsletterConfirmed,
} from '../contract/blog.ts';
import { apiErrorBody } from '../contract/index.ts';
import type { Mail, Mailer } from '../mail/port.ts';
import { readingMinutes } from './reading-time.ts';

/**
 * The blog over HTTP (Node and Deno, PGlite and PostgreSQL): public posts (drafts and scheduled
 * posts invisible), search, tag and category filters, related posts; the newsletter's double
 * opt-in; admin-only writes with their audit entries; bad input is a 4xx JSON, never a 500.
 */

const SITE = 'http://localhost:8787';
const CAT = { learning: '71000000-0000-4000-8000-000000000001', news: '71000000-0000-4000-8000-000000000002' };
const POST = {
  habits: '72000000-0000-4000-8000-000000000001',
  memory: '72000000-0000-4000-8000-000000000002',
  later: '72000000-0000-4000-8000-000000000003',
  draft: '72000000-0000-4000-8000-000000000004',
};
const FIXTURE = `
insert into public.blog_categories (id, slug, name, position) values
  ('${CAT.learning}', 'learning', 'Learning', 1), ('${CAT.news}', 'news', 'News', 2);
insert into public.blog_posts (id, slug, title, excerpt, body_md, author_id, category_id, tags, featured, status, published_at) values
  ('${POST.habits}', 'study-habits', 'Study habits that stick', 'Short daily sessions.',
   'Spaced repetition beats cramming. Study **a little** every day.', '${ids.admin}', '${CAT.learning}',
   '{habits,memory}', true, 'published', now() - interval '2 days'),
  ('${POST.memory}', 'memory-tricks', 'Memory tricks', 'Remember more.', 'Use retrieval practice.', '${ids.admin}',
   '${CAT.learning}', '{memory}', false, 'published', now() - interval '1 day'),
  ('${POST.later}', 'coming-soon', 'Coming soon', '', 'Scheduled text.', '${ids.admin}', '${CAT.news}', '{memory}',
   false, 'published', now() + interval '1 day'),
  ('${POST.draft}', 'draft-post', 'Draft post', '', 'Work in progress.', '${ids.admin}', null, '{}', false, 'draft', null);
`;

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`blog API on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    let app: ReturnType<typeof createApp>;
    const sent: Mail[] = [];
    const mailer: Mailer = {
      async send(mail) {
        sent.push(mail);
      },
    };

    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(FIXTURE);
      app = createApp({
        db: h.db,
        verifier: hs256Verifier(TEST_SECRET),
        publicConfig: () => ({ mode: 'embedded', supabaseUrl: SITE, supabaseAnonKey: 'anon', devOutbox: false }),
        payments: testPayments(),
        commerce: commerceConfig({}, SITE),
        mailer,
      });
    }, 180_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    async function call(
      method: string,
      path: string,
      who: string | null,
      body?: unknown,
      extra: Record<string, string> = {},
    ) {
      const headers: Record<string, string> = who ? await h.as(who) : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await app.request(`/api${path}`, {
        method,
        headers: { ...headers, ...extra },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // CSV
      }
      return { status: res.status, body: parsed as never, headers: res.headers };
    }
    const expectError = (r: { status: number; body: unknown }, status: number, code?: string) => {
      expect(r.status).toBe(status);
      const body = apiErrorBody.parse(r.body);
      if (code) expect(body.error.code).toBe(code);
      return body;
    };

    it('lists only published, due posts to everyone (admins included), newest first, with featured and tags', async () => {
      for (const who of [null, ids.student, ids.admin]) {
        const list = blogPostList.parse((await call('GET', '/blog/posts', who)).body);
        expect(list.items.map((p) => p.slug)).toEqual(['memory-tricks', 'study-habits']);
        expect(list.featured.map((p) => p.slug)).toEqual(['study-habits']);
        expect(list.total).toBe(2);
        expect(list.tags).toEqual([
          { tag: 'memory', count: 2 },
          { tag: 'habits', count: 1 },
        ]);
      }
      const first = blogPostList.parse((await call('GET', '/blog/posts', null)).body).items[1]!;
      expect(first).toMatchObject({ author: { name: 'Ad M.' }, category: { slug: 'learning', name: 'Learning' } });
      expect(first.readingMinutes).toBe(1);
    });

    it('filters by tag and category and searches', async () => {
      const tag = blogPostList.parse((await call('GET', '/blog/posts?tag=habits', null)).body);
      expect(tag.items.map((p) => p.slug)).toEqual(['study-habits']);
      const cat = blogPostList.parse((await call('GET', '/blog/posts?category=news', null)).body);
      expect(cat.items).toEqual([]);
      const q = blogPostList.parse((await call('GET', '/blog/posts?q=retrieval', null)).body);
      expect(q.items.map((p) => p.slug)).toEqual(['memory-tricks']);
      const none = blogPostList.parse((await call('GET', '/blog/posts?q=coming', null)).body);
      expect(none.items).toEqual([]);
      const far = blogPostList.parse((await call('GET', '/blog/posts?page=5', null)).body);
      expect(far).toMatchObject({ items: [], total: 2, pageCount: 1 });
    });

    it('refuses a bad query with 400', async () => {
      expectError(await call('GET', '/blog/posts?page=0', null), 400);
      expectError(await call('GET', '/blog/posts?tag=Not%20a%20tag', null), 400);
      expectError(await call('GET', `/blog/posts?q=${'x'.repeat(101)}`, null), 400);
      expectError(await call('GET', '/blog/posts?sort=new', null), 400);
    });

    it('shows a post with related posts; drafts and scheduled posts are 404 for everyone here', async () => {
      const post = blogPost.parse((await call('GET', '/blog/posts/study-habits', null)).body);
      expect(post.bodyMd).toContain('**a little**');
      expect(post.related.map((p) => p.slug)).toEqual(['memory-tricks']);
      for (const who of [null, ids.student, ids.admin]) {
        expectError(await call('GET', '/blog/posts/coming-soon', who), 404, 'not_found');
        expectError(await call('GET', '/blog/posts/draft-post', who), 404, 'not_found');
      }
      expectError(await call('GET', '/blog/posts/Bad%20Slug', null), 404);
    });

    it('lists the categories holding a public post', async () => {
      const cats = blogCategoryList.parse((await call('GET', '/blog/categories', null)).body);
      expect(cats.items.map((c) => [c.slug, c.count])).toEqual([['learning', 2]]);
    });

    it('lets only admins write, each write audited', async () => {
      const draft = {
        slug: 'new-post',
        title: 'A new post',
        bodyMd: 'Hello **world**.',
        tags: ['habits'],
        categoryId: CAT.learning,
      };
      expectError(await call('POST', '/admin/blog/posts', null, draft), 401);
      expectError(await call('POST', '/admin/blog/posts', ids.student, draft), 403);
      expectError(await call('POST', '/admin/blog/posts', ids.teacher, draft), 403);
      expectError(await call('GET', '/admin/blog/posts', ids.student), 403);
      expectError(await call('GET', '/admin/newsletter', ids.teacher), 403);

      const created = await call('POST', '/admin/blog/posts', ids.admin, draft);
      expect(created.status).toBe(201);
      const post = adminBlogPost.parse(created.body);
      expect(post).toMatchObject({ status: 'draft', publishedAt: null, authorName: 'Ad M.' });
      expectError(await call('GET', '/blog/posts/new-post', null), 404);

      const future = new Date(Date.now() + 86_400_000).toISOString();
      const scheduled = adminBlogPost.parse(
        (await call('PATCH', `/admin/blog/posts/${post.id}`, ids.admin, { status: 'published', publishedAt: future }))
          .body,
      );
      expect(scheduled.status).toBe('scheduled');
      expectError(await call('GET', '/blog/posts/new-post', null), 404);

      const published = adminBlogPost.parse(
        (await call('PATCH', `/admin/blog/posts/${post.id}`, ids.admin, { publishedAt: null })).body,
      );
      expect(published.status).toBe('published');
      expect(published.newsletterSentAt).toBeNull();
      expect(blogPost.parse((await call('GET', '/blog/posts/new-post', null)).body).title).toBe('A new post');
      // Once the host mailed it (server/mail/newsletter.ts), the admins see when.
      const claimed = await h.db.asOwner((sql) =>
        sql.query<{ id: string }>('select id from private.claim_newsletter_posts(now())'),
      );
      expect(claimed.map((c) => c.id)).toContain(post.id);
      const mailed = adminBlogPost.parse((await call('GET', `/admin/blog/posts/${post.id}`, ids.admin)).body);
      expect(mailed.newsletterSentAt).toEqual(expect.any(String));

      expectError(await call('POST', '/admin/blog/posts', ids.admin, draft), 409, 'slug_taken');
      const list = adminBlogPostList.parse((await call('GET', '/admin/blog/posts?status=scheduled', ids.admin)).body);
      expect(list.items.map((p) => p.slug)).toEqual(['coming-soon']);

      expect((await call('DELETE', `/admin/blog/posts/${post.id}`, ids.admin)).status).toBe(204);
      expectError(await call('DELETE', `/admin/blog/posts/${post.id}`, ids.admin), 404, 'not_found');

      const cat = await call('POST', '/admin/blog/categories', ids.admin, { slug: 'tips', name: 'Tips' });
      expect(cat.status).toBe(201);
      const cats = adminBlogCategoryList.parse((await call('GET', '/admin/blog/categories', ids.admin)).body);
      expect(cats.items.map((c) => c.slug)).toEqual(['tips', 'learning', 'news']);
      const tips = cats.items.find((c) => c.slug === 'tips')!;
      expect(
        (await call('PATCH', `/admin/blog/categories/${tips.id}`, ids.admin, { name: 'Tips & tricks' })).status,
      ).toBe(200);
      expect((await call('DELETE', `/admin/blog/categories/${tips.id}`, ids.admin)).status).toBe(204);

      const audit = await h.db.asOwner((sql) =>
        sql.query<{ actor_id: string; action: string }>(
          "select actor_id, action from public.admin_audit_log where target_type in ('blog_post', 'blog_category') order by created_at, action",
        ),
      );
      expect(audit.map((a) => a.action).sort()).toEqual(
        [
          'blog_category.create',
          'blog_category.delete',
          'blog_category.update',
          'blog_post.create',
          'blog_post.delete',
          'blog_post.update',
          'blog_post.update',
        ].sort(),
      );
      expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set([ids.admin]));
    });

    it("computes reading time in the database as the editor's estimate does", async () => {
      const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' \n');
      for (const [n, minutes] of [
        [200, 1],
        [201, 2],
        [1000, 5],
      ] as const) {
        const r = await call('POST', '/admin/blog/posts', ids.admin, {
          slug: `words-${n}`,
          title: 'W',
          bodyMd: words(n),
        });
        expect(adminBlogPost.parse(r.body).readingMinutes).toBe(minutes);
        expect(readingMinutes(words(n))).toBe(minutes);
        await call('DELETE', `/admin/blog/posts/${adminBlogPost.parse(r.body).id}`, ids.admin);
      }
    });

    it('refuses bad admin input with 4xx JSON', async () => {
      const post = (body: unknown) => call('POST', '/admin/blog/posts', ids.admin, body);
      const ok = { slug: 'ok', title: 'T', bodyMd: 'B' };
      expectError(await post('{nope'), 400);
      expectError(await post({ ...ok, extra: 1 }), 400);
      expectError(await post({ ...ok, slug: 'Bad Slug' }), 400);
      expectError(await post({ ...ok, title: ' ' }), 400);
      expectError(await post({ ...ok, tags: ['a', 'a'] }), 400);
      expectError(await post({ ...ok, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }), 400);
      expectError(await post({ ...ok, coverPath: '../../etc/passwd' }), 400);
      expectError(await post({ ...ok, publishedAt: 'tomorrow' }), 400);
      expectError(await post({ ...ok, categoryId: '71000000-0000-4000-8000-0000000000ff' }), 400);
      expectError(await call('PATCH', '/admin/blog/posts/not-a-uuid', ids.admin, { title: 'X' }), 400);
      expectError(await call('PATCH', `/admin/blog/posts/${POST.draft}`, ids.admin, {}), 400);
      expectError(
        await call('PATCH', '/admin/blog/posts/72000000-0000-4000-8000-0000000000ff', ids.admin, { title: 'X' }),
        404,
      );
      expectError(await call('POST', '/admin/blog/categories', ids.admin, { slug: 'learning', name: 'Again' }), 409);
      expectError(await call('GET', '/admin/newsletter?status=maybe', ids.admin), 400);
    });

    it('signs up with double opt-in: the mailed link confirms, repeats say nothing, the honeypot keeps nothing', async () => {
      sent.length = 0;
      const ip = { 'x-real-ip': '203.0.113.7' };
      const r = await call('POST', '/newsletter', null, { email: 'Reader@Example.test' }, ip);
      expect(r).toMatchObject({ status: 202, body: { accepted: true } });
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ to: 'reader@example.test', kind: 'newsletter_confirm' });
      const link = /(http:\/\/\S+\/blog\/confirm\?token=[A-Za-z0-9_-]{43})/.exec(sent[0]!.text)![1]!;
      const token = new URL(link).searchParams.get('token')!;

      // A repeat right away: the same answer, no second mail.
      expect((await call('POST', '/newsletter', null, { email: 'reader@example.test' }, ip)).status).toBe(202);
      expect(sent).toHaveLength(1);

      const before = adminSubscriberList.parse((await call('GET', '/admin/newsletter', ids.admin)).body);
      expect(before.items).toEqual([expect.objectContaining({ email: 'reader@example.test', status: 'pending' })]);

      const ok = await call('POST', '/newsletter/confirm', null, { token });
      expect(ok.status).toBe(200);
      newsletterConfirmed.parse(ok.body);
      expect((await call('POST', '/newsletter/confirm', null, { token })).status).toBe(200);
      expectError(
        await call('POST', '/newsletter/confirm', null, { token: 'x'.repeat(43) }),
        404,
        'confirm_token_invalid',
      );
      expectError(await call('POST', '/newsletter/confirm', null, { token: 'short' }), 400);

      // Confirmed: a repeat sign-up answers the same and mails nothing.
      expect((await call('POST', '/newsletter', null, { email: 'reader@example.test' }, ip)).status).toBe(202);
      expect(sent).toHaveLength(1);

      // The honeypot: accepted alike, stored nowhere.
      const bot = await call('POST', '/newsletter', null, { email: 'bot@example.test', website: 'spam' }, ip);
      expect(bot.status).toBe(202);
      const after = adminSubscriberList.parse(
        (await call('GET', '/admin/newsletter?status=confirmed', ids.admin)).body,
      );
      expect(after.items.map((s) => s.email)).toEqual(['reader@example.test']);
      expect(adminSubscriberList.parse((await call('GET', '/admin/newsletter', ids.admin)).body).total).toBe(1);

      const csv = await call('GET', '/admin/newsletter.csv', ids.admin);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(String(csv.body)).toContain('reader@example.test,confirmed');
      expectError(await call('GET', '/admin/newsletter.csv', ids.student), 403);
    });

    it('rate-limits sign-ups per address and refuses bad input', async () => {
      const ip = { 'x-real-ip': '203.0.113.99' };
      for (let i = 0; i < 5; i++) {
        expect((await call('POST', '/newsletter', null, { email: `r${i}@example.test` }, ip)).status).toBe(202);
      }
      expectError(await call('POST', '/newsletter', null, { email: 'r6@example.test' }, ip), 429, 'rate_limited');
      expectError(await call('POST', '/newsletter', null, { email: 'not an email' }, ip), 400);
      expectError(await call('POST', '/newsletter', null, { email: 'a@b.c', extra: 1 }, ip), 400);
      expectError(await call('POST', '/newsletter', null, '{nope', ip), 400);
    });
  });
}
