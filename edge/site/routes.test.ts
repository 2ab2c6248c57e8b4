import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness, TEST_SECRET, testPayments } from '../../tests/support/edge-harness.ts';
import { createApp } from '../app.ts';
import { hs256Verifier } from '../auth/jwt.ts';
import { commerceConfig } from '../commerce/checkout/config.ts';
import { apiErrorBody } from '../contract/index.ts';
import { adminSiteHome, legalPage, legalPageList, siteHome } from '../contract/site.ts';

/**
 * Site content over HTTP (Node and Deno, PGlite and PostgreSQL): the homepage record and legal
 * pages for everyone; the admins' editor, its validation (4xx JSON, never a 500) and its audit.
 */

const SITE = 'http://localhost:8787';
const BUNDLE = { published: '70000000-0000-4000-8000-000000000001', draft: '70000000-0000-4000-8000-000000000002' };
const FIXTURE = `
insert into public.bundles (id, slug, title, description, status, currency) values
  ('${BUNDLE.published}', 'web-and-data', 'Web and data', 'Two courses.', 'published', 'USD'),
  ('${BUNDLE.draft}', 'draft-bundle', 'Draft bundle', '', 'draft', 'USD');
insert into public.bundle_courses (bundle_id, course_id, position) values
  ('${BUNDLE.published}', '${ids.paid}', 1), ('${BUNDLE.published}', '${ids.pricey}', 2),
  ('${BUNDLE.draft}', '${ids.paid}', 1);
insert into public.legal_pages (slug, title, body, published) values
  ('terms', 'Terms of use', 'Be **kind**.', true),
  ('privacy', 'Privacy policy', 'Draft.', false);
`;

const home = {
  hero: { title: 'Learn by doing', text: 'Hands-on courses.', ctaLabel: 'Start now', ctaHref: '/courses?price=free' },
  featuredCourseIds: [ids.paid, ids.free],
  featuredBundleIds: [BUNDLE.published],
  testimonials: [
    { quote: 'I shipped my first site.', name: 'Ada', role: 'Developer' },
    { quote: 'Clear and short.', name: 'Grace', role: '' },
  ],
};

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`site content API on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    let app: ReturnType<typeof createApp>;

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
      });
    }, 180_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    async function call(method: string, path: string, who: string | null, body?: unknown) {
      const headers: Record<string, string> = who ? await h.as(who) : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await app.request(`/api${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    }
    const expectError = (r: { status: number; body: unknown }, status: number, code?: string) => {
      expect(r.status).toBe(status);
      const body = apiErrorBody.parse(r.body);
      if (code) expect(body.error.code).toBe(code);
      return body;
    };

    it("answers the migration's hero to anyone before an admin edits it", async () => {
      const r = await call('GET', '/site/home', null);
      expect(r.status).toBe(200);
      const page = siteHome.parse(r.body);
      expect(page.hero).toMatchObject({ title: 'Practical courses that fit around your life.', ctaHref: '/courses' });
      expect(page.featuredCourses).toEqual([]);
      expect(page.testimonials).toEqual([]);
    });

    it('lets an admin save the homepage, which everyone then reads in order, with an audit entry', async () => {
      const saved = await call('PUT', '/admin/site/home', ids.admin, home);
      expect(saved.status).toBe(200);
      expect(adminSiteHome.parse(saved.body).featuredCourseIds).toEqual([ids.paid, ids.free]);
      const page = siteHome.parse((await call('GET', '/site/home', ids.student)).body);
      expect(page.hero.title).toBe('Learn by doing');
      expect(page.featuredCourses.map((c) => c.id)).toEqual([ids.paid, ids.free]);
      expect(page.featuredBundles.map((b) => b.id)).toEqual([BUNDLE.published]);
      expect(page.testimonials.map((x) => [x.name, x.position])).toEqual([
        ['Ada', 1],
        ['Grace', 2],
      ]);
      const audit = await h.db.asOwner((sql) =>
        sql.query<{ actor_id: string; action: string }>(
          "select actor_id, action from public.admin_audit_log where action = 'site.home_update'",
        ),
      );
      expect(audit).toEqual([{ actor_id: ids.admin, action: 'site.home_update' }]);
      expect(adminSiteHome.parse((await call('GET', '/admin/site/home', ids.admin)).body).hero.ctaLabel).toBe(
        'Start now',
      );
    });

    it('refuses unpublished or unknown featured items with 422 naming the id', async () => {
      const course = expectError(
        await call('PUT', '/admin/site/home', ids.admin, { ...home, featuredCourseIds: [ids.free, ids.draft] }),
        422,
        'course_not_published',
      );
      expect(course.error.details).toEqual({ id: ids.draft });
      const bundle = expectError(
        await call('PUT', '/admin/site/home', ids.admin, { ...home, featuredBundleIds: [BUNDLE.draft] }),
        422,
        'bundle_not_published',
      );
      expect(bundle.error.details).toEqual({ id: BUNDLE.draft });
      const missing = '30000000-0000-4000-8000-0000000000ff';
      expectError(
        await call('PUT', '/admin/site/home', ids.admin, { ...home, featuredCourseIds: [missing] }),
        422,
        'course_not_published',
      );
    });

    it('refuses bad homepage input with 400 JSON', async () => {
      const put = (body: unknown) => call('PUT', '/admin/site/home', ids.admin, body);
      expectError(await put('{nope'), 400);
      expectError(await put({ ...home, extra: 1 }), 400);
      expectError(await put({ ...home, hero: { ...home.hero, title: ' ' } }), 400);
      expectError(await put({ ...home, hero: { ...home.hero, title: 'x'.repeat(121) } }), 400);
      expectError(await put({ ...home, hero: { ...home.hero, ctaHref: 'javascript:alert(1)' } }), 400);
      expectError(await put({ ...home, hero: { ...home.hero, ctaHref: '//evil.example' } }), 400);
      expectError(await put({ ...home, featuredCourseIds: ['nope'] }), 400);
      expectError(await put({ ...home, featuredCourseIds: [ids.free, ids.free] }), 400);
      expectError(await put({ ...home, testimonials: [{ quote: 'x', name: '', role: '' }] }), 400);
      expectError(await put({ ...home, testimonials: Array(13).fill(home.testimonials[0]) }), 400);
    });

    it('keeps the editor to admins', async () => {
      expectError(await call('PUT', '/admin/site/home', null, home), 401);
      expectError(await call('PUT', '/admin/site/home', ids.student, home), 403);
      expectError(await call('GET', '/admin/site/home', ids.teacher), 403);
      expectError(await call('PUT', '/admin/site/legal/terms', ids.student, { title: 'T', body: 'B' }), 403);
      expectError(await call('GET', '/admin/site/legal', ids.student), 403);
    });

    it('serves published legal pages and 404s drafts, missing and unknown slugs', async () => {
      const r = await call('GET', '/site/legal/terms', null);
      expect(r.status).toBe(200);
      expect(legalPage.parse(r.body)).toMatchObject({ slug: 'terms', title: 'Terms of use', body: 'Be **kind**.' });
      expectError(await call('GET', '/site/legal/privacy', null), 404);
      expectError(await call('GET', '/site/legal/privacy', ids.admin), 404);
      expectError(await call('GET', '/site/legal/refund-policy', null), 404);
      expectError(await call('GET', '/site/legal/cookies', null), 404);
      expectError(await call('GET', '/site/legal/%00', null), 404);
    });

    it('lets an admin create and edit legal pages, audited', async () => {
      const created = await call('PUT', '/admin/site/legal/refund-policy', ids.admin, {
        title: 'Refund policy',
        body: 'Ask within **14 days**.',
      });
      expect(created.status).toBe(200);
      expect(legalPage.parse(created.body)).toMatchObject({ slug: 'refund-policy', published: true });
      expect((await call('GET', '/site/legal/refund-policy', null)).body.body).toBe('Ask within **14 days**.');
      const edited = await call('PUT', '/admin/site/legal/privacy', ids.admin, {
        title: 'Privacy policy',
        body: 'We keep little.',
        published: true,
      });
      expect(edited.status).toBe(200);
      const list = legalPageList.parse((await call('GET', '/admin/site/legal', ids.admin)).body);
      expect(list.items.map((p) => p.slug)).toEqual(['privacy', 'refund-policy', 'terms']);
      const audit = await h.db.asOwner((sql) =>
        sql.query<{ slug: string }>(
          "select details->>'slug' as slug from public.admin_audit_log where action = 'site.legal_update' order by created_at, id",
        ),
      );
      expect(audit.map((a) => a.slug).sort()).toEqual(['privacy', 'refund-policy']);
    });

    it('refuses bad legal page input with 4xx JSON', async () => {
      const put = (slug: string, body: unknown) => call('PUT', `/admin/site/legal/${slug}`, ids.admin, body);
      expectError(await put('cookies', { title: 'T', body: 'B' }), 404);
      expectError(await put('terms', { title: '', body: 'B' }), 400);
      expectError(await put('terms', { title: 'T', body: 'x'.repeat(50_001) }), 400);
      expectError(await put('terms', { title: 'T', body: 'B', published: 'yes' }), 400);
      expectError(await put('terms', { title: 'T', body: 'B', slug: 'privacy' }), 400);
      expectError(await put('terms', '[]'), 400);
    });
  });
}
