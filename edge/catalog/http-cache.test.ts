// The catalog cache as a client sees it: ETag/304, Cache-Control, and nothing stale after a change.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness, TEST_SECRET, testPayments } from '../../tests/support/edge-harness.ts';
import type { CourseDetail, CourseList } from '../api-types.ts';
import { createApp } from '../app.ts';
import { hs256Verifier } from '../auth/jwt.ts';
import type { Caller, Database, JwtClaims, Sql } from '../db/port.ts';
import { CATALOG_TTL_MS, PUBLIC_CACHE_CONTROL } from './cache.ts';

let h: EdgeHarness;
let app: ReturnType<typeof createApp>;
/** Every statement the catalog routes send, so a cache hit is proven by what did not run. */
let statements: string[] = [];
let clock = new Date('2026-11-23T10:00:00Z');

const counting = (db: Database): Database => ({
  asCaller<T>(caller: Caller, fn: (sql: Sql) => Promise<T>) {
    return db.asCaller(caller, (sql) =>
      fn({
        query<R>(text: string, params?: unknown[]) {
          statements.push(text);
          return sql.query<R>(text, params);
        },
      }),
    );
  },
  asService: (fn) => db.asService(fn),
});

const claims = (sub: string): JwtClaims => ({ sub, role: 'authenticated', aud: 'authenticated' });
/** Writes as a signed-in user would through PostgREST: their role, their claims, RLS applies. */
const asUser = (sub: string, text: string, params: unknown[] = []) =>
  h.db.asCaller({ role: 'authenticated', claims: claims(sub) }, (sql) => sql.query(text, params));

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

beforeAll(async () => {
  h = await makeEdgeHarness();
  app = createApp({
    db: counting(h.db),
    verifier: hs256Verifier(TEST_SECRET),
    publicConfig: () => ({
      mode: 'embedded',
      supabaseUrl: 'http://localhost:8787',
      supabaseAnonKey: 'anon-key',
      devOutbox: false,
    }),
    payments: testPayments(),
    now: () => clock,
  });
});
afterAll(() => h.close());
beforeEach(() => {
  statements = [];
});

describe('anonymous catalog reads', () => {
  it('answer with a strong ETag, shared-cache headers and Vary: Authorization', async () => {
    for (const path of ['/api/courses', '/api/categories', '/api/courses/intro-to-html']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('etag'), path).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(res.headers.get('cache-control'), path).toBe(PUBLIC_CACHE_CONTROL);
      expect(res.headers.get('cache-control'), path).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
      expect(res.headers.get('vary'), path).toBe('Authorization');
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
      // The security headers still apply.
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('are served from the cache the second time: only the version is read', async () => {
    const first = await get('/api/courses?difficulty=beginner');
    const firstBody = await first.text();
    const firstStatements = statements.length;
    expect(firstStatements).toBeGreaterThan(1);
    statements = [];
    const second = await get('/api/courses?difficulty=beginner');
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(statements).toEqual([expect.stringContaining('private.catalog_version()')]);
  });

  it('share an entry whatever the order or defaults of the query parameters', async () => {
    await get('/api/courses?sort=newest&difficulty=beginner');
    statements = [];
    await get('/api/courses?difficulty=beginner&page=1&sort=newest');
    expect(statements).toHaveLength(1);
  });

  it('answer If-None-Match with a 304 and no body', async () => {
    for (const path of ['/api/courses', '/api/categories', '/api/courses/intro-to-html']) {
      const etag = (await get(path)).headers.get('etag')!;
      const res = await get(path, { 'if-none-match': etag });
      expect(res.status, path).toBe(304);
      expect(await res.text(), path).toBe('');
      expect(res.headers.get('etag'), path).toBe(etag);
      expect(res.headers.get('cache-control'), path).toBe(PUBLIC_CACHE_CONTROL);
      const other = await get(path, { 'if-none-match': '"something-else"' });
      expect(other.status, path).toBe(200);
    }
  });

  it('never cache errors: an unknown course stays a 404 with the error shape and no-store', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await get('/api/courses/no-such-course');
      expect(res.status).toBe(404);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('etag')).toBeNull();
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'course not found' } });
    }
  });
});

describe('nothing stale after a change', () => {
  it('shows a course an admin publishes at once, with a new ETag', async () => {
    const before = await get('/api/courses');
    const oldEtag = before.headers.get('etag')!;
    expect(((await before.json()) as CourseList).items.map((c) => c.slug)).not.toContain('secret-draft');
    await get('/api/courses'); // cached now
    expect((await get('/api/courses/secret-draft')).status).toBe(404);

    await asUser(ids.admin, "update public.courses set status = 'published' where id = $1", [ids.draft]);

    statements = [];
    const after = await get('/api/courses');
    expect(statements.length).toBeGreaterThan(1);
    const list = (await after.json()) as CourseList;
    expect(list.total).toBe(4);
    expect(list.items.map((c) => c.slug)).toContain('secret-draft');
    expect(after.headers.get('etag')).not.toBe(oldEtag);
    // The old ETag no longer earns a 304: the client gets the new catalog.
    const revalidated = await get('/api/courses', { 'if-none-match': oldEtag });
    expect(revalidated.status).toBe(200);
    expect(((await revalidated.json()) as CourseList).total).toBe(4);
    expect((await get('/api/courses/secret-draft')).status).toBe(200);
    const categories = (await (await get('/api/categories')).json()) as { items: { slug: string; count: number }[] };
    expect(categories.items.find((c) => c.slug === 'web-development')?.count).toBe(2);
  });

  it("shows an instructor's edits to their course and its syllabus at once", async () => {
    const path = '/api/courses/intro-to-html';
    const before = await get(path);
    await get(path);
    await asUser(ids.teacher, "update public.courses set title = 'HTML from Zero' where id = $1", [ids.free]);
    const renamed = await get(path);
    expect(((await renamed.json()) as CourseDetail).title).toBe('HTML from Zero');
    expect(renamed.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(((await (await get('/api/courses?q=zero')).json()) as CourseList).items.map((c) => c.slug)).toEqual([
      'intro-to-html',
    ]);

    await asUser(
      ids.teacher,
      `insert into public.lessons (course_id, section_id, title, content_type, position, duration_minutes)
       values ($1, $2, 'Tables', 'text', 3, 7)`,
      [ids.free, ids.s2],
    );
    const withLesson = (await (await get(path)).json()) as CourseDetail;
    expect(withLesson.sections.flatMap((s) => s.lessons.map((l) => l.title))).toContain('Tables');
  });

  it('shows a renamed category and instructor at once', async () => {
    await get('/api/categories');
    await asUser(ids.admin, "update public.categories set name = 'Web Craft' where id = $1", [ids.web]);
    const categories = (await (await get('/api/categories')).json()) as { items: { slug: string; name: string }[] };
    expect(categories.items.find((c) => c.slug === 'web-development')?.name).toBe('Web Craft');

    await get('/api/courses/pandas-in-practice');
    await asUser(ids.teacher, "update public.instructors set display_name = 'Dr Cher' where id = $1", [ids.instructor]);
    const course = (await (await get('/api/courses/pandas-in-practice')).json()) as CourseDetail;
    expect(course.instructor.displayName).toBe('Dr Cher');
  });

  it('does not empty the cache on enrollment; counters catch up within the cache lifetime', async () => {
    const path = '/api/courses/pandas-in-practice';
    const before = (await (await get(path)).json()) as CourseDetail;
    await h.db.asOwner((sql) =>
      sql.query("insert into public.enrollments (user_id, course_id, source) values ($1, $2, 'free')", [
        ids.other,
        ids.paid,
      ]),
    );
    statements = [];
    const cached = (await (await get(path)).json()) as CourseDetail;
    expect(statements).toHaveLength(1);
    expect(cached.enrollmentCount).toBe(before.enrollmentCount);

    clock = new Date(clock.getTime() + CATALOG_TTL_MS);
    const fresh = (await (await get(path)).json()) as CourseDetail;
    expect(fresh.enrollmentCount).toBe(before.enrollmentCount + 1);
  });
});

describe('signed-in catalog reads', () => {
  it('are private, no-store, carry no ETag and always run as the caller', async () => {
    const headers = await h.as(ids.student);
    await h.db.asOwner((sql) =>
      sql.query(
        "insert into public.enrollments (user_id, course_id, source) values ($1, $2, 'free') on conflict do nothing",
        [ids.student, ids.free],
      ),
    );
    for (const path of ['/api/courses', '/api/categories', '/api/courses/intro-to-html']) {
      await get(path, headers);
      statements = [];
      const res = await get(path, headers);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('private, no-store');
      expect(res.headers.get('vary'), path).toBe('Authorization');
      expect(res.headers.get('etag'), path).toBeNull();
      expect(statements.length, path).toBeGreaterThan(0);
      expect(statements.join('\n'), path).not.toContain('catalog_version');
    }
    const detail = (await (await get('/api/courses/intro-to-html', headers)).json()) as CourseDetail;
    expect(detail.enrollment).not.toBeNull();
    // The anonymous answer for the same page never carries anyone's enrollment.
    const anon = (await (await get('/api/courses/intro-to-html')).json()) as CourseDetail;
    expect(anon.enrollment).toBeNull();
  });
});
