import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { testQuote } from './commerce-quote.ts';
import { CARD, COURSE, callerOf, type Role, seedFixtures, USER } from './fixtures.ts';
import { createOrder } from './fixtures-commerce.ts';

/**
 * Migration 20261124000200 on PGlite and PostgreSQL: course ratings kept by deltas (insert,
 * re-rating, hide, unhide, delete, several rows at once, imported figures), the review column guard,
 * decide_course_review, and the numbers of instructor_earnings / instructor_overview (a bundle's
 * allocation over its courses, partial and full refunds). Rows this file adds use ids of group 9xx.
 */

type Row = Record<string, unknown>;

const id = (group: number, n: number) =>
  `00000000-0000-4000-8${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;

/** Courses of this file: rated (no imported figures), imported (200 ratings at 4.50), etc. */
const C = {
  rated: id(901, 1),
  imported: id(901, 2),
  review: id(901, 3),
  second: id(901, 4),
  othersPaid: id(901, 5),
};
const SECTION_OF = (course: string) => course.replace('-8901-', '-8902-');
const BUNDLE2 = id(903, 1);

interface Figures {
  rating_average: string;
  rating_count: number;
  rating_distribution: number[];
}

describe.each(engines())('reviews, approval and earnings on %s', (engine) => {
  let t: TestDatabase;

  const owner = <T = Row>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const as = <T = Row>(role: Role, text: string, params: unknown[] = []) =>
    t.db.asCaller(callerOf(role), (sql) => sql.query<T>(text, params));
  const svc = <T>(fn: (sql: Sql) => Promise<T>) => t.db.asService(fn);

  /** The error a caller gets from `text`, or a failure if it succeeded (committed otherwise). */
  async function refused(role: Role, text: string, params: unknown[] = []) {
    try {
      await as(role, text, params);
    } catch (error) {
      return error as { code?: string; hint?: string; message: string };
    }
    throw new Error(`expected ${role} to fail: ${text}`);
  }

  const figures = async (course: string) => {
    const [row] = await owner<Figures>(
      'select rating_average::text, rating_count, rating_distribution from public.courses where id = $1',
      [course],
    );
    return { avg: Number(row!.rating_average), count: row!.rating_count, dist: row!.rating_distribution };
  };

  async function course(
    courseId: string,
    title: string,
    opts: { card?: string; price?: number; status?: string } = {},
  ) {
    await owner(
      `insert into public.courses (id, slug, title, instructor_id, status, price_amount)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        courseId,
        `c-${courseId.slice(-4)}`,
        title,
        opts.card ?? CARD.instructor,
        opts.status ?? 'published',
        opts.price ?? 0,
      ],
    );
  }

  async function enroll(courseId: string, ...roles: Role[]) {
    for (const role of roles) {
      await owner(`insert into public.enrollments (user_id, course_id, source) values ($1, $2, 'admin')`, [
        USER[role as Exclude<Role, 'anon'>],
        courseId,
      ]);
    }
  }

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  describe('course ratings by deltas', () => {
    beforeAll(async () => {
      await course(C.rated, 'Rated course');
      await enroll(C.rated, 'student', 'otherStudent', 'employee', 'companyAdmin');
    });

    it('counts each new review, as its author writes it', async () => {
      expect(await figures(C.rated)).toEqual({ avg: 0, count: 0, dist: [0, 0, 0, 0, 0] });
      await as('student', 'insert into public.reviews (course_id, rating, comment) values ($1, 5, $2)', [
        C.rated,
        'Great',
      ]);
      expect(await figures(C.rated)).toEqual({ avg: 5, count: 1, dist: [0, 0, 0, 0, 1] });
      await as('otherStudent', 'insert into public.reviews (course_id, rating) values ($1, 2)', [C.rated]);
      await as('employee', 'insert into public.reviews (course_id, rating) values ($1, 4)', [C.rated]);
      expect(await figures(C.rated)).toEqual({ avg: 3.67, count: 3, dist: [0, 1, 0, 1, 1] });
    });

    it('moves a re-rating from one star to another', async () => {
      await as('student', 'update public.reviews set rating = 3 where course_id = $1 and user_id = $2', [
        C.rated,
        USER.student,
      ]);
      expect(await figures(C.rated)).toEqual({ avg: 3, count: 3, dist: [0, 1, 1, 1, 0] });
    });

    it('takes a hidden review out and puts it back when shown again (admins only)', async () => {
      const hide = (hidden: boolean) =>
        as('admin', 'update public.reviews set is_hidden = $3 where course_id = $1 and user_id = $2', [
          C.rated,
          USER.otherStudent,
          hidden,
        ]);
      await hide(true);
      expect(await figures(C.rated)).toEqual({ avg: 3.5, count: 2, dist: [0, 0, 1, 1, 0] });
      const [hidden] = await owner<{ hidden_at: Date | null }>(
        'select hidden_at from public.reviews where course_id = $1 and user_id = $2',
        [C.rated, USER.otherStudent],
      );
      expect(hidden!.hidden_at).toBeInstanceOf(Date);

      // The author still edits a hidden review; it does not count while hidden.
      await as('otherStudent', 'update public.reviews set rating = 1 where course_id = $1', [C.rated]);
      expect(await figures(C.rated)).toEqual({ avg: 3.5, count: 2, dist: [0, 0, 1, 1, 0] });

      await hide(false);
      expect(await figures(C.rated)).toEqual({ avg: 2.67, count: 3, dist: [1, 0, 1, 1, 0] });
      const [shown] = await owner<{ hidden_at: Date | null }>(
        'select hidden_at from public.reviews where course_id = $1 and user_id = $2',
        [C.rated, USER.otherStudent],
      );
      expect(shown!.hidden_at).toBeNull();
    });

    it('leaves the course alone when only the reply changes, and stamps replied_at', async () => {
      const [before] = await owner<{ updated_at: Date }>('select updated_at from public.courses where id = $1', [
        C.rated,
      ]);
      await as('instructor', 'update public.reviews set instructor_reply = $2 where course_id = $1 and user_id = $3', [
        C.rated,
        'Thanks for the feedback',
        USER.student,
      ]);
      const [after] = await owner<{ updated_at: Date }>('select updated_at from public.courses where id = $1', [
        C.rated,
      ]);
      expect(after!.updated_at).toEqual(before!.updated_at);
      const [review] = await owner<{ replied_at: Date | null; instructor_reply: string }>(
        'select replied_at, instructor_reply from public.reviews where course_id = $1 and user_id = $2',
        [C.rated, USER.student],
      );
      expect(review).toMatchObject({ instructor_reply: 'Thanks for the feedback' });
      expect(review!.replied_at).toBeInstanceOf(Date);
    });

    it('refuses the wrong person on each column (the guard trigger)', async () => {
      const where = `where course_id = '${C.rated}' and user_id = '${USER.student}'`;
      expect((await refused('student', `update public.reviews set instructor_reply = 'me' ${where}`)).code).toBe(
        '42501',
      );
      expect((await refused('student', `update public.reviews set is_hidden = true ${where}`)).code).toBe('42501');
      expect((await refused('instructor', `update public.reviews set rating = 1 ${where}`)).code).toBe('42501');
      expect((await refused('admin', `update public.reviews set comment = 'x' ${where}`)).code).toBe('42501');
      expect((await refused('admin', `update public.reviews set instructor_reply = 'x' ${where}`)).code).toBe('42501');
      // Not enrolled: the insert policy says no.
      expect(
        (await refused('instructor', 'insert into public.reviews (course_id, rating) values ($1, 5)', [C.rated])).code,
      ).toBe('42501');
      expect(await figures(C.rated)).toEqual({ avg: 2.67, count: 3, dist: [1, 0, 1, 1, 0] });
    });

    it('subtracts a deleted review, by its author or an admin', async () => {
      await as('employee', 'delete from public.reviews where course_id = $1 and user_id = (select auth.uid())', [
        C.rated,
      ]);
      expect(await figures(C.rated)).toEqual({ avg: 2, count: 2, dist: [1, 0, 1, 0, 0] });
      await as('admin', 'delete from public.reviews where course_id = $1 and user_id = $2', [
        C.rated,
        USER.otherStudent,
      ]);
      expect(await figures(C.rated)).toEqual({ avg: 3, count: 1, dist: [0, 0, 1, 0, 0] });
    });

    it('adds several reviews of one statement together', async () => {
      await owner(
        `insert into public.reviews (course_id, user_id, rating) values ($1, $2, 5), ($1, $3, 4), ($1, $4, 5)`,
        [C.rated, USER.employee, USER.otherStudent, USER.companyAdmin],
      );
      expect(await figures(C.rated)).toEqual({ avg: 4.25, count: 4, dist: [0, 0, 1, 1, 2] });
      await owner('delete from public.reviews where course_id = $1 and rating = 5', [C.rated]);
      expect(await figures(C.rated)).toEqual({ avg: 3.5, count: 2, dist: [0, 0, 1, 1, 0] });
    });

    it('starts an imported course from a plausible distribution of its figures and adds to it', async () => {
      await owner(
        `insert into public.courses (id, slug, title, instructor_id, status, rating_average, rating_count)
         values ($1, 'imported', 'Imported', $2, 'published', 4.5, 200)`,
        [C.imported, CARD.instructor],
      );
      const start = await figures(C.imported);
      expect(start.count).toBe(200);
      expect(start.avg).toBe(4.5);
      expect(start.dist.reduce((a, b) => a + b, 0)).toBe(200);
      const mean = start.dist.reduce((a, n, i) => a + n * (i + 1), 0) / 200;
      expect(mean.toFixed(2)).toBe('4.50');
      expect(start.dist[0]).toBeGreaterThan(0); // a tail of low ratings, not only fours and fives

      await enroll(C.imported, 'student');
      await as('student', 'insert into public.reviews (course_id, rating) values ($1, 1)', [C.imported]);
      const next = await figures(C.imported);
      expect(next.count).toBe(201);
      expect(next.dist[0]).toBe(start.dist[0]! + 1);
      expect(next.avg).toBe(Math.round(((mean * 200 + 1) / 201) * 100) / 100);
    });

    it('gives plausible distributions whose mean rounds to the figures, for many averages and counts', async () => {
      const rows = await owner<{ a: string; n: number; d: number[] }>(
        `select a::text, n, private.plausible_rating_distribution(a, n) as d
         from (values (4.83), (4.5), (4.12), (3.0), (1.5), (5.0), (1.0)) x(a)
         cross join (values (120), (1000), (15234), (1)) y(n)`,
      );
      for (const r of rows) {
        const total = r.d.reduce((a, b) => a + b, 0);
        expect(total, `${r.a} × ${r.n}`).toBe(r.n);
        expect(r.d.every((x) => x >= 0)).toBe(true);
        const mean = r.d.reduce((a, x, i) => a + x * (i + 1), 0) / r.n;
        if (r.n >= 120) expect(Math.abs(mean - Number(r.a)), `${r.a} × ${r.n}`).toBeLessThan(0.005);
      }
    });

    it('names the author as "First L." and ignores a name sent by a request', async () => {
      await owner(`update public.profiles set first_name = 'Stu', last_name = 'Dent' where id = $1`, [USER.student]);
      await as('student', `update public.reviews set comment = 'Edited' where course_id = $1`, [C.rated]);
      const [row] = await owner<{ author_name: string }>(
        'select author_name from public.reviews where course_id = $1 and user_id = $2',
        [C.rated, USER.student],
      );
      expect(row!.author_name).toBe('Stu D.');
      expect(
        (await refused('student', `update public.reviews set author_name = 'Admin' where course_id = $1`, [C.rated]))
          .code,
      ).toBe('42501');
    });

    it('deletes a course with reviews cleanly', async () => {
      await owner('delete from public.courses where id = $1', [C.imported]);
      const [n] = await owner<{ n: number }>('select count(*)::int as n from public.reviews where course_id = $1', [
        C.imported,
      ]);
      expect(n!.n).toBe(0);
    });
  });

  describe('decide_course_review', () => {
    beforeAll(async () => {
      await course(C.review, 'In review', { status: 'draft' });
      await owner(`insert into public.sections (id, course_id, title) values ($1, $2, 'One')`, [
        SECTION_OF(C.review),
        C.review,
      ]);
      await as('instructor', `update public.courses set status = 'pending_review' where id = $1`, [C.review]);
    });

    const decide = (role: Role, approve: boolean | null, reason: string | null, course = C.review) =>
      as<{ status: string; published_at: Date | null }>(
        role,
        'select status::text, published_at from public.decide_course_review($1, $2, $3)',
        [course, approve, reason],
      );

    it('is for admins only', async () => {
      for (const role of ['instructor', 'student', 'otherInstructor'] as const) {
        const err = await refused(role, 'select public.decide_course_review($1, true, null)', [C.review]);
        expect(err).toMatchObject({ code: 'P0001', hint: '403:not_admin' });
      }
      const anon = await refused('anon', 'select public.decide_course_review($1, true, null)', [C.review]);
      expect(anon.code).toBe('42501');
    });

    it('wants a decision and, to reject, a reason', async () => {
      expect(await refused('admin', 'select public.decide_course_review($1, null, null)', [C.review])).toMatchObject({
        code: 'P0001',
        hint: '422:invalid_decision',
      });
      for (const reason of [null, '', '   ', 'x'.repeat(2001)]) {
        expect(
          await refused('admin', 'select public.decide_course_review($1, false, $2)', [C.review, reason]),
        ).toMatchObject({ code: 'P0001', hint: '422:invalid_reason' });
      }
      expect(
        await refused('admin', 'select public.decide_course_review($1, true, null)', [id(901, 999)]),
      ).toMatchObject({ code: 'P0002' });
    });

    it('rejects back to draft with the reason, and tells the instructor', async () => {
      const [row] = await decide('admin', false, '  Add a second lesson.  ');
      expect(row).toMatchObject({ status: 'draft', published_at: null });
      const [note] = await as<{ title: string; body: string; link: string; kind: string }>(
        'instructor',
        `select title, body, link, kind from public.notifications where title like 'Changes requested%'`,
      );
      expect(note).toEqual({
        title: 'Changes requested: In review',
        body: 'Your course went back to draft. Add a second lesson.',
        // The course in Teaching (20261129000400).
        link: `/teach/courses/${C.review}/edit`,
        kind: 'system',
      });
      expect(await refused('admin', 'select public.decide_course_review($1, true, null)', [C.review])).toMatchObject({
        code: 'P0001',
        hint: '409:not_pending_review',
      });
    });

    it('approves a resubmitted course: published now, recorded, the instructor told', async () => {
      await as('instructor', `update public.courses set status = 'pending_review' where id = $1`, [C.review]);
      const [row] = await decide('admin', true, null);
      expect(row!.status).toBe('published');
      expect(Date.now() - new Date(row!.published_at!).getTime()).toBeLessThan(60_000);
      const decisions = await as<{ decision: string; reason: string; decided_by: string }>(
        'instructor',
        'select decision, reason, decided_by from public.course_review_decisions where course_id = $1 order by created_at, decision desc',
        [C.review],
      );
      expect(decisions).toEqual([
        { decision: 'rejected', reason: 'Add a second lesson.', decided_by: USER.admin },
        { decision: 'approved', reason: '', decided_by: USER.admin },
      ]);
      expect(
        await as('otherInstructor', 'select 1 from public.course_review_decisions where course_id = $1', [C.review]),
      ).toEqual([]);
      const notes = await as<{ title: string }>(
        'instructor',
        `select title from public.notifications where title = 'Published: In review'`,
      );
      expect(notes).toHaveLength(1);
    });
  });

  describe('instructor earnings and overview', () => {
    interface Earning {
      course_id: string;
      course_title: string;
      currency: string;
      orders: number;
      gross_minor: string;
      refunded_minor: string;
      net_minor: string;
    }
    const earnings = (role: Role) =>
      as<Earning>(role, 'select * from public.instructor_earnings()').then((rows) =>
        rows.map((r) => ({
          course: r.course_id,
          title: r.course_title,
          currency: r.currency,
          orders: r.orders,
          gross: Number(r.gross_minor),
          refunded: Number(r.refunded_minor),
          net: Number(r.net_minor),
        })),
      );

    async function paidOrder(buyer: string, key: string, quote: ReturnType<typeof testQuote>): Promise<string> {
      return svc(async (sql) => {
        const order = await createOrder(sql, buyer, key, { quote });
        await sql.query('select private.record_payment_event($1, $2, $3, $4, $5, $6, $7)', [
          `evt_${key}`,
          'paid',
          order,
          quote.total,
          'usd',
          `pi_${key}`,
          null,
        ]);
        return order;
      });
    }
    const refund = (order: string, amount: number | null, key: string) =>
      svc((sql) =>
        sql.query('select private.refund_order($1, $2, $3, $4, $5, $6)', [order, amount, 'test', 'admin', null, key]),
      );

    it("counts the fixture's acme seats: before tax, less its share of the partial refund", async () => {
      const [o] = await owner<{ total: number; tax: number }>(
        `select o.total, o.tax from public.orders o where o.company_id is not null and o.paid_at is not null`,
      );
      const gross = 5 * 4900;
      const refunded = Math.round((gross * 5000) / o!.total);
      expect(await earnings('instructor')).toEqual([
        {
          course: COURSE.paid,
          title: 'Paid course',
          currency: 'USD',
          orders: 1,
          gross,
          refunded,
          net: gross - refunded,
        },
      ]);
      expect(await earnings('otherInstructor')).toEqual([]);
      expect(await earnings('student')).toEqual([]);
    });

    it("splits a bundle's revenue over its courses by list price, and a full refund cancels an order", async () => {
      await course(C.second, 'Second paid', { price: 2900 });
      await course(C.othersPaid, "Other's paid", { card: CARD.otherInstructor, price: 1000 });
      await owner(`insert into public.bundles (id, slug, title, status) values ($1, 'trio', 'Trio', 'published')`, [
        BUNDLE2,
      ]);
      await owner(
        `insert into public.bundle_courses (bundle_id, course_id, position) values ($1, $2, 1), ($1, $3, 2), ($1, $4, 3)`,
        [BUNDLE2, COURSE.paid, C.second, C.othersPaid],
      );
      // 4900 + 2900 + 1000 = 8800 list, sold at 7001 (an odd amount, to see the remainder placed).
      const line = { kind: 'bundle' as const, id: BUNDLE2, title: 'Trio', unitAmount: 7001 };
      await paidOrder(USER.student, 'bundle-1', testQuote([line]));
      const refundedOrder = await paidOrder(USER.otherStudent, 'bundle-2', testQuote([line]));
      await refund(refundedOrder, null, 're_full');

      // 7001 * 4900 / 8800 = 3898.28, * 2900 / 8800 = 2307.15, * 1000 / 8800 = 795.57: floors 3898 + 2307 + 795 =
      // 7000, the last unit to the largest remainder (795.57).
      const mine = await earnings('instructor');
      expect(mine).toContainEqual({
        course: C.second,
        title: 'Second paid',
        currency: 'USD',
        orders: 2,
        gross: 2 * 2307,
        refunded: 2307,
        net: 2307,
      });
      const paid = mine.find((e) => e.course === COURSE.paid)!;
      const [o] = await owner<{ total: number }>(
        `select o.total from public.orders o where o.company_id is not null and o.paid_at is not null`,
      );
      const acmeGross = 5 * 4900;
      const acmeRefunded = Math.round((acmeGross * 5000) / o!.total);
      expect(paid).toEqual({
        course: COURSE.paid,
        title: 'Paid course',
        currency: 'USD',
        orders: 3,
        gross: acmeGross + 2 * 3898,
        refunded: acmeRefunded + 3898,
        net: acmeGross - acmeRefunded + 3898,
      });
      expect(mine.map((e) => e.course).sort()).toEqual([COURSE.paid, C.second].sort());

      expect(await earnings('otherInstructor')).toEqual([
        {
          course: C.othersPaid,
          title: "Other's paid",
          currency: 'USD',
          orders: 2,
          gross: 2 * 796,
          refunded: 796,
          net: 796,
        },
      ]);
      const all = await earnings('admin');
      expect(all.map((e) => e.course).sort()).toEqual([COURSE.paid, C.second, C.othersPaid].sort());
      expect(all.reduce((n, e) => n + e.gross, 0)).toBe(acmeGross + 2 * 7001);
    });

    it('sums the overview: students, courses, rating, new reviews and earnings per currency', async () => {
      const [{ o }] = (await as<{ o: Row }>('instructor', 'select public.instructor_overview() as o')) as [{ o: Row }];
      const [expected] = await owner<{
        students: number;
        courses: number;
        avg: string;
        ratings: number;
        recent: number;
      }>(
        `select (select count(distinct e.user_id)::int from public.enrollments e join public.courses c on c.id = e.course_id
                 where c.instructor_id = $1 and e.status <> 'cancelled') as students,
                (select count(*)::int from public.courses where instructor_id = $1) as courses,
                (select round(sum(rating_average * rating_count) / nullif(sum(rating_count), 0), 2)::text
                 from public.courses where instructor_id = $1) as avg,
                (select sum(rating_count)::int from public.courses where instructor_id = $1) as ratings,
                (select count(*)::int from public.reviews r join public.courses c on c.id = r.course_id
                 where c.instructor_id = $1) as recent`,
        [CARD.instructor],
      );
      const mine = await earnings('instructor');
      const sum = (f: (e: (typeof mine)[number]) => number) => mine.reduce((n, e) => n + f(e), 0);
      expect(o).toEqual({
        students: expected!.students,
        courses: expected!.courses,
        averageRating: Number(expected!.avg),
        ratingCount: expected!.ratings,
        reviewsLast30Days: expected!.recent,
        earnings: [
          {
            currency: 'USD',
            grossMinor: sum((e) => e.gross),
            refundedMinor: sum((e) => e.refunded),
            netMinor: sum((e) => e.net),
          },
        ],
      });
      expect(expected!.students).toBeGreaterThan(0);
      expect(expected!.recent).toBeGreaterThan(0);

      const [{ o: student }] = (await as<{ o: Row }>('student', 'select public.instructor_overview() as o')) as [
        { o: Row },
      ];
      expect(student).toEqual({
        students: 0,
        courses: 0,
        averageRating: 0,
        ratingCount: 0,
        reviewsLast30Days: 0,
        earnings: [],
      });
      const anon = await refused('anon', 'select public.instructor_overview()');
      expect(anon.code).toBe('42501');
    });
  });
});
