import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthApp } from '../server/auth/app.ts';
import type { HostDatabase } from '../server/db/types.ts';
import { outboxMailer } from '../server/mail/outbox.ts';
import { MATRIX_TABLES } from '../supabase/tests/matrix.ts';
import { engines, fresh, type TestDatabase } from '../tests/support/db.ts';
import { DEMO_PASSWORD } from './data/index.ts';
import { progressRows, type ScaleSummary, scaleId, scaleIds, scaleShape, seedScale } from './scale.ts';
import { seed } from './seed.ts';

// Every table the RLS matrix knows, so a new table joins the idempotency check by itself.
const TABLES = ['auth.users', ...MATRIX_TABLES];
const N = 2;

/** Row count and a fingerprint of every column (updated_at included) per table. */
async function snapshot(db: HostDatabase) {
  return db.asOwner(async (sql) => {
    const out: Record<string, { n: number; md5: string | null }> = {};
    for (const t of TABLES) {
      const [r] = await sql.query<{ n: number; md5: string | null }>(
        `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as md5 from ${t} t`,
      );
      out[t] = { n: Number(r!.n), md5: r!.md5 };
    }
    return out;
  });
}

const one = async <T>(db: HostDatabase, text: string, params?: unknown[]) =>
  (await db.asOwner((sql) => sql.query<T>(text, params)))[0]!;

describe('scale fixture shape (pure)', () => {
  it('is linear in N and meets the issue at N = 100', () => {
    expect(scaleShape(100)).toMatchObject({
      courses: 1_500,
      lessons: 15_000,
      learners: 20_000,
      companies: 50,
      instructors: 50,
      enrollments: 40_000,
    });
    expect(progressRows(100)).toBeGreaterThan(195_000);
    expect(progressRows(100)).toBeLessThan(205_000);
    const one = scaleShape(1);
    const four = scaleShape(4);
    for (const key of ['courses', 'sections', 'lessons', 'learners', 'enrollments', 'companyMembers'] as const) {
      expect(four[key], key).toBe(4 * one[key]);
    }
    expect(Math.abs(progressRows(40) - 10 * progressRows(4))).toBeLessThan(100);
  });

  it('refuses a scale that is not a whole number from 1 to 10000', () => {
    for (const n of [0, -1, 1.5, 10_001, Number.NaN]) expect(() => scaleShape(n), String(n)).toThrow(RangeError);
  });
});

describe.each(engines())('seedScale() beside the demo seed on %s', (engine) => {
  let t: TestDatabase;
  let db: HostDatabase;
  let first: ScaleSummary;
  let second: ScaleSummary;
  let afterFirst: Awaited<ReturnType<typeof snapshot>>;
  let afterDemoAgain: Awaited<ReturnType<typeof snapshot>>;
  let afterSecond: Awaited<ReturnType<typeof snapshot>>;
  const steps: string[] = [];

  beforeAll(async () => {
    t = await fresh(engine);
    db = t.db;
    await seed(db);
    first = await seedScale(db, {
      scale: N,
      onProgress: (step, done, total) => steps.push(`${done}/${total} ${step}`),
    });
    afterFirst = await snapshot(db);
    await seed(db);
    afterDemoAgain = await snapshot(db);
    second = await seedScale(db, { scale: N });
    afterSecond = await snapshot(db);
  }, 240_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('writes exactly the rows its shape promises, and reports each step', () => {
    const shape = scaleShape(N);
    expect(first).toMatchObject({
      scale: N,
      courses: shape.courses,
      sections: shape.sections,
      lessons: shape.lessons,
      lessonContents: shape.lessons,
      learners: shape.learners,
      instructors: shape.instructors,
      companies: shape.companies,
      companyMembers: shape.companyMembers,
      enrollments: shape.enrollments,
      progressRows: progressRows(N),
    });
    expect(first.ms).toBeGreaterThan(0);
    expect(steps[0]).toMatch(/^1\/\d+ accounts$/);
    expect(steps.at(-1)).toMatch(/^(\d+)\/\1 analyze$/);
  });

  it('is idempotent, and the demo seed and the fixture leave each other alone', () => {
    expect(afterDemoAgain).toEqual(afterFirst);
    expect(afterSecond).toEqual(afterFirst);
    const { ms: _a, ...rest1 } = first;
    const { ms: _b, ...rest2 } = second;
    expect(rest2).toEqual(rest1);
  });

  it('names its rows by md5 of a natural key, the same in SQL and in scaleIds', async () => {
    const row = await one<{ id: string; slug: string }>(db, 'select id, slug from public.courses where id = $1', [
      scaleIds.course(7),
    ]);
    expect(row).toEqual({ id: scaleIds.course(7), slug: 'scale-course-7' });
    const [user] = await db.asOwner((sql) =>
      sql.query<{ id: string }>('select id from auth.users where email = $1', [scaleIds.learnerEmail(3)]),
    );
    expect(user?.id).toBe(scaleIds.learner(3));
    expect(scaleId('x')).toBe('9dd4e461-268c-8034-f5c8-564e155c67a6');
  });

  it('mixes course states, prices, previews, draft and drip lessons', async () => {
    const mix = await one<Record<string, number>>(
      db,
      `with c as (select * from public.courses where slug like 'scale-course-%'),
       l as (select * from public.lessons where course_id in (select id from c))
       select (select count(*)::int from c where status = 'published') as published,
              (select count(*)::int from c where status = 'draft') as draft,
              (select count(*)::int from c where status = 'pending_review') as review,
              (select count(*)::int from c where status = 'archived') as archived,
              (select count(*)::int from c where price_amount = 0 and status = 'published') as free,
              (select count(*)::int from c where price_amount > 0 and status = 'published') as paid,
              (select count(distinct category_id)::int from c) as categories,
              (select count(distinct instructor_id)::int from c) as instructors,
              (select count(*)::int from l where is_preview) as previews,
              (select count(*)::int from l where status = 'draft') as draft_lessons,
              (select count(*)::int from l where drip_days_after_enrollment is not null) as drip_days,
              (select count(*)::int from l where drip_available_at > now()) as drip_dates`,
    );
    for (const [key, n] of Object.entries(mix)) expect(n, key).toBeGreaterThan(0);
    expect(mix.categories).toBe(5);
    expect(mix.published).toBe(first.publishedCourses);
    expect(mix.published! / first.courses).toBeCloseTo(0.85, 1);
  });

  it('enrolls only in published courses, with counters that agree with the progress rows', async () => {
    const bad = await one<Record<string, number>>(
      db,
      `with e as (
         select e.* from public.enrollments e join auth.users u on u.id = e.user_id where u.email like 'scale-%')
       select
         (select count(*)::int from e join public.courses c on c.id = e.course_id where c.status <> 'published') as unpublished,
         (select count(*)::int from e where e.completed_lessons <> (
            select count(*) from public.lesson_progress p join public.lessons l on l.id = p.lesson_id and l.status = 'published'
            where p.user_id = e.user_id and p.course_id = e.course_id and p.is_completed)) as wrong_done,
         (select count(*)::int from e where e.total_lessons <> (
            select count(*) from public.lessons l where l.course_id = e.course_id and l.status = 'published')) as wrong_total,
         (select count(*)::int from e where (e.status = 'completed') <> (e.completed_lessons >= e.total_lessons)) as wrong_status,
         (select count(*)::int from public.courses c where c.enrollment_count <> (
            select count(*) from public.enrollments x where x.course_id = c.id and x.status <> 'cancelled')
            and c.slug like 'scale-course-%') as wrong_course_count`,
    );
    expect(bad).toEqual({ unpublished: 0, wrong_done: 0, wrong_total: 0, wrong_status: 0, wrong_course_count: 0 });
  });

  it('leaves no progress row without its enrollment, lesson, course or learner', async () => {
    const orphans = await one<{ n: number }>(
      db,
      `select count(*)::int as n from public.lesson_progress p
       where not exists (select 1 from public.enrollments e where e.user_id = p.user_id and e.course_id = p.course_id)
          or not exists (select 1 from public.lessons l where l.id = p.lesson_id and l.course_id = p.course_id)
          or not exists (select 1 from public.profiles pr where pr.id = p.user_id)`,
    );
    expect(orphans.n).toBe(0);
  });

  it('gives every scale company exactly one admin, and instructors their role', async () => {
    const r = await one<{ companies: number; admins: number; instructors: number }>(
      db,
      `select count(distinct c.id)::int as companies,
              count(*) filter (where m.role = 'admin')::int as admins,
              (select count(*)::int from public.instructors i join public.profiles p on p.id = i.user_id
                 where p.role = 'instructor' and p.email like 'scale-instructor-%') as instructors
       from public.companies c join public.company_members m on m.company_id = c.id
       where c.slug like 'scale-company-%'`,
    );
    const shape = scaleShape(N);
    expect(r).toEqual({ companies: shape.companies, admins: shape.companies, instructors: shape.instructors });
  });

  it('lets the demo accounts sign in, and nobody sign in as a scale account', async () => {
    const auth = createAuthApp({
      db,
      jwtSecret: 'test-secret-that-is-at-least-32-characters-long',
      jwtExpirySeconds: 3600,
      siteUrl: 'http://localhost:8787',
      autoconfirm: true,
      signinLimit: 100,
      mailer: outboxMailer(db),
      now: () => new Date(),
    });
    const signIn = (email: string, password: string) =>
      auth.request('/token?grant_type=password', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-supabase-api-version': '2024-01-01',
          'x-real-ip': '203.0.113.9',
        },
        body: JSON.stringify({ email, password }),
      });
    expect((await signIn('student@demo.test', DEMO_PASSWORD)).status).toBe(200);
    for (const email of [scaleIds.learnerEmail(1), 'scale-instructor-user-1@scale.invalid']) {
      for (const password of [DEMO_PASSWORD, 'password', '']) {
        const res = await signIn(email, password);
        expect(res.status, `${email} / ${password}`).toBe(400);
      }
    }
    const [row] = await db.asOwner((sql) =>
      sql.query<{ n: number }>(
        "select count(*)::int as n from auth.users where email like 'scale-%' and encrypted_password is not null",
      ),
    );
    expect(row!.n).toBe(0);
  });
});
