import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostDatabase } from '../../server/db/types.ts';
import { freshPglite, type TestDatabase } from '../../tests/support/db.ts';
import { COURSES, ENROLLMENTS } from '../data/index.ts';
import { EARLIER_REJECTION, OPEN_BUNDLE, REVIEWERS, REVIEWS_PER_COURSE } from '../data/reviews.ts';
import { ids, seed } from '../seed.ts';

/** The demo reviews, FAQ and open bundle the seed writes (seed/data/reviews.ts), read back. */

const q = <T = Record<string, unknown>>(db: HostDatabase, text: string, params?: unknown[]) =>
  db.asOwner((sql) => sql.query<T>(text, params));

describe('seed() reviews and FAQ', () => {
  let t: TestDatabase;
  let db: HostDatabase;
  const published = COURSES.filter((c) => c.status === 'published');

  beforeAll(async () => {
    t = await freshPglite();
    db = t.db;
    await seed(db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('gives every published course reviews by enrolled reviewers, added to its imported figures', async () => {
    const rows = await q<{
      slug: string;
      rating_average: string;
      rating_count: number;
      rating_distribution: number[];
      enrollment_count: number;
      reviews: number;
      enrolled: number;
    }>(
      db,
      `select c.slug, c.rating_average::text, c.rating_count, c.rating_distribution, c.enrollment_count,
              (select count(*)::int from public.reviews r where r.course_id = c.id) as reviews,
              (select count(*)::int from public.reviews r join public.enrollments e
                 on e.user_id = r.user_id and e.course_id = r.course_id and e.status <> 'cancelled'
               where r.course_id = c.id) as enrolled
       from public.courses c where c.id = any($1::uuid[])`,
      [published.map((c) => ids.course(c.slug))],
    );
    expect(rows).toHaveLength(published.length);
    for (const r of rows) {
      const course = published.find((c) => c.slug === r.slug)!;
      expect(r.reviews, r.slug).toBe(REVIEWS_PER_COURSE);
      expect(r.enrolled, r.slug).toBe(REVIEWS_PER_COURSE);
      expect(r.rating_count, r.slug).toBe(course.rating.count + REVIEWS_PER_COURSE);
      const total = r.rating_distribution.reduce((a, b) => a + b, 0);
      expect(total, r.slug).toBe(r.rating_count);
      const mean = r.rating_distribution.reduce((a, n, i) => a + n * (i + 1), 0) / total;
      expect(Number(r.rating_average), r.slug).toBeCloseTo(mean, 2);
      expect(Math.abs(Number(r.rating_average) - course.rating.average), r.slug).toBeLessThan(0.1);
      // The reviewers' enrollments are part of the imported history: the count is the data's plus
      // the demo learners' own.
      const joined = ENROLLMENTS.filter((e) => e.course === r.slug).length;
      expect(r.enrollment_count, r.slug).toBeGreaterThanOrEqual(course.enrollmentCount + joined);
    }
  });

  it('shows the reviews to anon with the author as "First L.", and one instructor reply', async () => {
    const rows = await db.asCaller({ role: 'anon' }, (sql) =>
      sql.query<{ author_name: string; instructor_reply: string | null; replied_at: Date | null }>(
        'select author_name, instructor_reply, replied_at from public.reviews',
      ),
    );
    expect(rows).toHaveLength(published.length * REVIEWS_PER_COURSE);
    const names = new Set(REVIEWERS.map((r) => `${r.firstName} ${r.lastName[0]}.`));
    for (const r of rows) expect(names.has(r.author_name), r.author_name).toBe(true);
    const replies = rows.filter((r) => r.instructor_reply);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.replied_at).toBeInstanceOf(Date);
  });

  it('leaves the demo learners free to write their first review', async () => {
    const [row] = await q<{ n: number }>(
      db,
      `select count(*)::int as n from public.reviews r join auth.users u on u.id = r.user_id
       where u.email in ('student@demo.test', 'companyadmin@demo.test', 'employee@demo.test')`,
    );
    expect(row!.n).toBe(0);
  });

  it('answers 4 FAQ questions on every published course, readable by anon', async () => {
    const rows = await db.asCaller({ role: 'anon' }, (sql) =>
      sql.query<{ course_id: string; n: number }>(
        'select course_id, count(*)::int as n from public.course_faqs group by course_id',
      ),
    );
    expect(rows).toHaveLength(published.length);
    for (const r of rows) expect(r.n).toBe(4);
  });

  it('opens one bundle to instructors, and keeps the course in review in the admin queue', async () => {
    const bundles = await q<{ slug: string }>(db, 'select slug from public.bundles where open_to_instructors');
    expect(bundles.map((b) => b.slug)).toEqual([OPEN_BUNDLE]);
    const pending = await q<{ slug: string; decisions: number }>(
      db,
      `select c.slug, (select count(*)::int from public.course_review_decisions d where d.course_id = c.id) as decisions
       from public.courses c where c.status = 'pending_review'`,
    );
    expect(pending).toEqual([{ slug: EARLIER_REJECTION.course, decisions: 1 }]);
  });
});
