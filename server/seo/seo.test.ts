import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { ids, makeEdgeHarness, testPayments } from '../../tests/support/edge-harness.ts';
import { createHostApp } from '../app.ts';
import { parseEnv } from '../env.ts';
import { checkJsonLd } from './schema-org.ts';

/**
 * SEO through the real host on each engine: robots.txt, sitemap.xml from the data (drafts, courses
 * in review, archived courses and draft bundles never listed), and the head and content the
 * public pages' HTML carries for crawlers without JavaScript.
 */

const SITE = 'https://learn.example.org';
const INDEX = `<!doctype html><html lang="en"><head><meta charset="utf-8" />
<meta name="description" content="Default description." />
<title>Learnwell</title>
<link rel="preload" href="/api/config" as="fetch" crossorigin="anonymous" />
</head><body><div id="root"></div><noscript><p>Learnwell needs JavaScript to run.</p></noscript>
<script type="module" src="/assets/index.js"></script></body></html>`;

const EXTRA = `
insert into public.courses (id, slug, title, subtitle, description, instructor_id, category_id, status, price_amount, published_at) values
  ('30000000-0000-4000-8000-0000000000a1', 'in-review', 'In Review', '', '', '${ids.instructor}', '${ids.web}', 'pending_review', 0, null),
  ('30000000-0000-4000-8000-0000000000a2', 'old-course', 'Old Course', '', '', '${ids.instructor}', '${ids.web}', 'archived', 0, now() - interval '400 days');
insert into public.bundles (id, slug, title, description, status) values
  ('60000000-0000-4000-8000-000000000001', 'data-pack', 'Data pack', 'Two data courses.', 'published'),
  ('60000000-0000-4000-8000-000000000002', 'secret-pack', 'Secret pack', '', 'draft');
insert into public.bundle_courses (bundle_id, course_id, position) values
  ('60000000-0000-4000-8000-000000000001', '${ids.paid}', 1),
  ('60000000-0000-4000-8000-000000000001', '${ids.pricey}', 2);
insert into public.course_faqs (course_id, question, answer, position) values
  ('${ids.free}', 'Is it free?', 'Yes, **free** for everyone.', 1);
insert into public.legal_pages (slug, title, body, published) values
  ('terms', 'Terms of use', '## Your account

Keep your **password** to yourself.', true),
  ('privacy', 'Privacy draft', 'Not yet.', false);
update public.site_home set hero_title = 'Learn <fast> & well', featured_course_ids = array['${ids.pricey}']::uuid[],
  testimonials = '[{"quote": "Clear.", "name": "Ada", "role": "Developer"}]';
update public.courses set title = 'Intro to HTML </script><b>&', thumbnail_url = '/storage/v1/object/public/covers/html.png'
  where id = '${ids.free}';
insert into public.blog_categories (id, slug, name) values ('73000000-0000-4000-8000-000000000001', 'learning', 'Learning');
insert into public.blog_posts (slug, title, excerpt, body_md, author_id, category_id, tags, status, published_at,
    cover_path, cover_widths, cover_alt) values
  ('study-habits', 'Study <habits> & you', 'Short daily sessions beat cramming.', '# Why

Spaced **repetition** works.

<script>alert(1)</script>', '${ids.admin}', '73000000-0000-4000-8000-000000000001', '{habits}', 'published',
   now() - interval '1 day', '${ids.admin}/blog-abc-{w}.webp', '{320,640}', 'A desk'),
  ('memory-tricks', 'Memory tricks', '', 'Retrieval practice.', '${ids.admin}', null, '{habits}', 'published',
   now() - interval '2 days', null, '{}', ''),
  ('coming-soon', 'Coming soon', '', 'Later.', '${ids.admin}', null, '{}', 'published', now() + interval '1 day', null, '{}', ''),
  ('secret-post', 'Secret post', '', 'Draft.', '${ids.admin}', null, '{}', 'draft', null, null, '{}', '');
`;

const jsonLdOf = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));

describe.each(engines())('on %s', (engine) => {
  let t: TestDatabase;
  let app: Hono;
  const web = mkdtempSync(join(tmpdir(), 'lms-seo-'));

  beforeAll(async () => {
    t = await fresh(engine);
    await makeEdgeHarness({ db: t.db });
    await t.db.runScript(EXTRA);
    writeFileSync(join(web, 'index.html'), INDEX);
    app = await createHostApp({
      env: parseEnv({ DATA_DIR: '/tmp/unused' }),
      siteUrl: SITE,
      port: 8787,
      db: t.db,
      jwtSecret: 'seo-test-secret-seo-test-secret-0000000',
      webRoot: web,
      payments: testPayments(),
    });
  });
  afterAll(async () => {
    await t.drop();
    rmSync(web, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(path, { headers: { host: 'localhost:8787', ...headers } });

  it('robots.txt allows the public pages, disallows the services and private pages, and names the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    for (const p of [
      '/api/',
      '/auth/',
      '/admin',
      '/teach',
      '/company',
      '/learn',
      '/dashboard',
      '/checkout',
      '/verify',
    ]) {
      expect(text).toContain(`\nDisallow: ${p}\n`);
    }
    for (const p of ['/courses', '/bundles', '/about', '/for-companies', '/faq']) {
      expect(text).not.toContain(`Disallow: ${p}`);
    }
    expect(text).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });

  it('sitemap.xml lists exactly the public published pages, with absolute URLs and lastmod', async () => {
    const res = await get('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=60/);
    const xml = await res.text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.sort()).toEqual(
      [
        '/',
        '/courses',
        '/courses/intro-to-html',
        '/courses/pandas-in-practice',
        '/courses/ml-systems',
        '/bundles',
        '/bundles/data-pack',
        '/for-companies',
        '/about',
        '/faq',
        '/legal/terms',
        '/blog',
        '/blog/study-habits',
        '/blog/memory-tricks',
      ]
        .map((p) => `${SITE}${p}`)
        .sort(),
    );
    expect(xml).toMatch(/<loc>https:\/\/learn\.example\.org\/courses\/ml-systems<\/loc><lastmod>\d{4}-\d\d-\d\dT/);
    expect(xml).not.toMatch(/secret-draft|in-review|old-course|secret-pack|coming-soon|secret-post/);
  });

  it("a course page's HTML carries its head, JSON-LD and content, all escaped", async () => {
    const res = await get('/courses/intro-to-html');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<title>Intro to HTML &lt;/script&gt;&lt;b&gt;&amp; · Learnwell</title>');
    expect(html).toContain('<meta name="description" content="Build your first page">');
    expect(html).toContain(`<link rel="canonical" href="${SITE}/courses/intro-to-html">`);
    expect(html).toContain(`<meta property="og:url" content="${SITE}/courses/intro-to-html">`);
    expect(html).toContain(`<meta property="og:image" content="${SITE}/storage/v1/object/public/covers/html.png">`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).not.toContain('</script><b>');
    const docs = jsonLdOf(html);
    expect(docs.map((d) => d['@type'])).toEqual(['Course', 'BreadcrumbList', 'FAQPage']);
    for (const doc of docs) expect(checkJsonLd(doc).filter((p) => p.level === 'error')).toEqual([]);
    expect(docs[0]).toMatchObject({
      name: 'Intro to HTML </script><b>&',
      offers: [{ price: '0.00', category: 'Free' }],
    });
    expect(docs[2].mainEntity[0].acceptedAnswer.text).toBe('Yes, free for everyone.');
    // The content, for crawlers without JavaScript.
    const root = html.slice(html.indexOf('<div id="root">'), html.indexOf('</main>'));
    expect(root).toContain('<h1>Intro to HTML &lt;/script&gt;&lt;b&gt;&amp;</h1>');
    expect(html).toContain('<noscript><p>Signing in, enrolling and learning need JavaScript.</p></noscript>');
    for (const text of ['Basics', 'What is HTML', 'Going further', 'Forms', 'Free', 'Tea Cher', 'Is it free?']) {
      expect(root).toContain(text);
    }
  });

  it('a missing or unpublished course is a 404 page that asks not to be indexed', async () => {
    for (const path of [
      '/courses/secret-draft',
      '/courses/in-review',
      '/courses/no-such-course',
      '/bundles/secret-pack',
      '/legal/privacy',
      '/legal/cookies',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).toContain('<title>Page not found · Learnwell</title>');
    }
    expect((await get('/no/such/page')).status).toBe(404);
  });

  it('home, catalog and bundle pages carry their head and content', async () => {
    const home = await (await get('/')).text();
    expect(jsonLdOf(home).map((d) => d['@type'])).toEqual(['Organization', 'WebSite']);
    for (const doc of jsonLdOf(home)) expect(checkJsonLd(doc)).toEqual([]);
    expect(home).toContain('href="/courses/pandas-in-practice"');
    expect(home).toContain(`<link rel="canonical" href="${SITE}/">`);
    // The admins' hero, featured course and testimonial (edge/site), escaped; the legal links in the footer.
    expect(home).toContain('<h1>Learn &lt;fast&gt; &amp; well</h1>');
    expect(home).toContain('<h2 id="featured-title">Featured courses</h2>');
    expect(home).toContain('<strong>Ada</strong>, Developer');
    expect(home).toContain('<a href="/legal/refund-policy">Refund policy</a>');
    // The latest blog posts, linked.
    expect(home).toContain('<h2 id="blog-highlights-title">From the blog</h2>');
    expect(home).toContain('<a href="/blog/study-habits">Study &lt;habits&gt; &amp; you</a>');

    const terms = await (await get('/legal/terms')).text();
    expect(terms).toContain('<title>Terms of use · Learnwell</title>');
    expect(terms).toContain(`<link rel="canonical" href="${SITE}/legal/terms">`);
    expect(terms).toContain('<h1>Terms of use</h1>');
    expect(terms).toContain('Keep your password to yourself.');

    const catalog = await (await get('/courses?page=1&category=data-science')).text();
    expect(catalog).toContain(`<link rel="canonical" href="${SITE}/courses">`);
    expect(catalog).toContain('<h1>Courses</h1>');
    expect(catalog).toContain('href="/courses/ml-systems"');

    const bundle = await (await get('/bundles/data-pack')).text();
    expect(bundle).toContain('<title>Data pack · Learnwell</title>');
    expect(bundle).toContain('<h1>Data pack</h1>');
    expect(bundle).toContain('href="/courses/ml-systems"');
    const faq = await (await get('/faq')).text();
    expect(faq).toContain('<title>Help &amp; FAQ · Learnwell</title>');
    expect(faq).toContain(`<link rel="canonical" href="${SITE}/faq">`);
    expect(faq).toContain('<h1>Help &amp; FAQ</h1>');

    const [crumbs] = jsonLdOf(bundle);
    expect(crumbs['@type']).toBe('BreadcrumbList');
    expect(checkJsonLd(crumbs)).toEqual([]);
  });

  it("a blog post's HTML carries its Article JSON-LD, preview card, RSS link and sanitised body", async () => {
    const res = await get('/blog/study-habits');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<title>Study &lt;habits&gt; &amp; you · Learnwell</title>');
    expect(html).toContain(`<link rel="canonical" href="${SITE}/blog/study-habits">`);
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Blog (RSS)" href="${SITE}/blog/rss.xml">`,
    );
    const docs = jsonLdOf(html);
    expect(docs.map((d) => d['@type'])).toEqual(['Article', 'BreadcrumbList']);
    for (const doc of docs) expect(checkJsonLd(doc)).toEqual([]);
    expect(docs[0]).toMatchObject({
      headline: 'Study <habits> & you',
      author: [{ '@type': 'Person', name: 'Ad M.' }],
      image: `${SITE}/storage/v1/object/public/avatars/${ids.admin}/blog-abc-640.webp`,
      publisher: { '@type': 'Organization', name: 'Learnwell' },
    });
    const root = html.slice(html.indexOf('<div id="root">'), html.indexOf('</main>'));
    expect(root).toContain('<h1>Study &lt;habits&gt; &amp; you</h1>');
    expect(root).toContain('<h2>Why</h2>');
    expect(root).toContain('<strong>repetition</strong>');
    expect(root).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(root).not.toContain('<script>alert');
    expect(root).toContain('href="/blog/memory-tricks"');

    const list = await (await get('/blog?tag=habits')).text();
    expect(list).toContain(`<link rel="canonical" href="${SITE}/blog">`);
    expect(list).toContain('<h1>Blog</h1>');
    expect(list).toContain('href="/blog/study-habits"');
    expect(list).not.toContain('coming-soon');
    for (const path of ['/blog/coming-soon', '/blog/secret-post']) expect((await get(path)).status, path).toBe(404);
    const confirm = await get('/blog/confirm?token=x');
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('<meta name="robots" content="noindex">');
  });

  it('the RSS feed lists the public posts, newest first, escaped', async () => {
    const res = await get('/blog/rss.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const xml = await res.text();
    expect([...xml.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1])).toEqual([
      `${SITE}/blog`,
      `${SITE}/blog/study-habits`,
      `${SITE}/blog/memory-tricks`,
    ]);
    expect(xml).toContain('<title>Study &lt;habits&gt; &amp; you</title>');
    expect(xml).not.toMatch(/coming-soon|secret-post/);
  });

  it('a signed-in visitor gets the same head, without the anonymous first data', async () => {
    const res = await get('/courses/pandas-in-practice', { cookie: 'sb-localhost-auth-token=base64-x' });
    const html = await res.text();
    expect(html).toContain('<title>Pandas in Practice · Learnwell</title>');
    expect(html).not.toContain('"/api/courses/pandas-in-practice"');
  });
});
