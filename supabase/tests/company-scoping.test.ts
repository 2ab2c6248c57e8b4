import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { testQuote } from './commerce-quote.ts';
import { CARD, COMPANY, COURSE, seedFixtures, USER } from './fixtures.ts';
import { explainAs } from './perf/guard.ts';
import { type PlanNode, perRowFindings } from './perf/plan.ts';

/**
 * Company scoping (supabase/migrations/20261125000300) on PGlite and PostgreSQL: a company admin
 * reads enrollments and lesson progress only for the (learner, course) pairs their company
 * assigned (active or ended), never a course an employee took privately, never another company's
 * people; employees never read colleagues' learning records; platform admins read everything.
 * And private.refund_order: a full corporate refund revokes only the seats beyond the active
 * assignments (members and pending invitees).
 */

type Row = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: answers are JSON, read loosely in assertions
type Json = Record<string, any>;

describe.each(engines())('company scoping on %s', (engine) => {
  let t: TestDatabase;
  let serial = 0;
  const uuid = (group: number, n: number) =>
    `00000000-0000-4000-9${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;
  const next = () => ++serial;

  const owner = <T = Row>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const callerFor = (user: string): Caller => ({
    role: 'authenticated',
    claims: { sub: user, role: 'authenticated', aud: 'authenticated', email: `${user}@example.test` },
  });
  const as = <T = Row>(user: string, text: string, params: unknown[] = []) =>
    t.db.asCaller(callerFor(user), (sql) => sql.query<T>(text, params));
  const call = async (user: string | 'service', fn: string, args: unknown[]): Promise<Json> => {
    const text = `select public.${fn}(${args.map((_, i) => `$${i + 1}`).join(', ')}) as r`;
    const run = (sql: Sql) => sql.query<{ r: Json }>(text, args);
    const rows = user === 'service' ? await t.db.asService(run) : await t.db.asCaller(callerFor(user), run);
    return rows[0]!.r;
  };
  /** How many rows of `table` (a learner's, in a course when given) `user` sees through RLS. */
  const sees = async (user: string, table: string, learner: string, course?: string) => {
    const rows = await as<{ n: number }>(
      user,
      `select count(*)::int as n from public.${table} where user_id = $1 and ($2::uuid is null or course_id = $2)`,
      [learner, course ?? null],
    );
    return rows[0]!.n;
  };

  async function newUser(): Promise<string> {
    const id = uuid(500, next());
    await owner(`insert into auth.users (id, email, raw_user_meta_data) values ($1, $2, '{"first_name": "Sam"}')`, [
      id,
      `${id}@example.test`,
    ]);
    return id;
  }
  async function addMember(company: string, user: string, role: 'admin' | 'employee' = 'employee') {
    await owner('insert into public.company_members (company_id, user_id, role) values ($1, $2, $3)', [
      company,
      user,
      role,
    ]);
  }
  /** A published course with one published lesson; returns the course and the lesson. */
  async function newCourse(price: number): Promise<{ course: string; lesson: string }> {
    const n = next();
    const course = uuid(501, n);
    const section = uuid(502, n);
    const lesson = uuid(503, n);
    await owner(
      `insert into public.courses (id, slug, title, instructor_id, status, price_amount)
       values ($1, $2, $3, $4, 'published', $5)`,
      [course, `scoping-course-${n}`, `Scoping course ${n}`, CARD.instructor, price],
    );
    await owner(`insert into public.sections (id, course_id, title, position) values ($1, $2, 'Basics', 1)`, [
      section,
      course,
    ]);
    await owner(
      `insert into public.lessons (id, course_id, section_id, title, position, is_preview, status)
       values ($1, $2, $3, 'Lesson', 1, false, 'published')`,
      [lesson, course, section],
    );
    return { course, lesson };
  }
  const assign = (by: string | 'service', company: string, spec: Json) =>
    call(by, 'assign_company_learning', [company, JSON.stringify(spec)]);

  // The cast: company A (adminA; employees E and C, and the fixtures' student, who has a quiz
  // attempt, an assignment submission and a lab submission in the free course); Globex (the
  // fixtures' otherStudent, and globexAdmin). Course X is assigned by both companies; course P is
  // one E enrolled in on their own.
  const A = uuid(504, 1);
  let adminA: string;
  let E: string;
  let C: string;
  let globexAdmin: string;
  let X: { course: string; lesson: string };
  let P: { course: string; lesson: string };

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
    [adminA, E, C, globexAdmin] = [await newUser(), await newUser(), await newUser(), await newUser()];
    await owner(`insert into public.companies (id, slug, name) values ($1, 'scoping-a', 'Scoping A')`, [A]);
    await addMember(A, adminA, 'admin');
    for (const member of [E, C, USER.student]) await addMember(A, member);
    await addMember(COMPANY.globex, globexAdmin, 'admin');
    X = await newCourse(4900);
    P = await newCourse(0);
    for (const [company, course] of [
      [A, X.course],
      [A, COURSE.free],
      [COMPANY.globex, X.course],
    ] as const) {
      await call('service', 'admin_add_company_seats', [company, course, 5, 'scoping test']);
    }
    expect((await assign(adminA, A, { userIds: [E, C], courseId: X.course })).summary.assigned).toBe(2);
    expect((await assign(adminA, A, { userIds: [USER.student], courseId: COURSE.free })).summary.assigned).toBe(1);
    expect(
      (await assign(globexAdmin, COMPANY.globex, { userIds: [USER.otherStudent], courseId: X.course })).summary
        .assigned,
    ).toBe(1);
    // Learning, as the learners themselves: E in the assigned course and in the private one.
    await as(E, 'select public.complete_lesson($1)', [X.lesson]);
    await as(E, 'select public.enroll_in_free_course($1)', [P.course]);
    await as(E, 'select public.complete_lesson($1)', [P.lesson]);
    await as(C, 'select public.complete_lesson($1)', [X.lesson]);
    await as(USER.otherStudent, 'select public.complete_lesson($1)', [X.lesson]);
  }, 180_000);
  afterAll(async () => {
    await t?.drop();
  });

  describe('learner data', () => {
    it("lets a company admin read an employee's enrollment and progress in a course the company assigned", async () => {
      expect(await sees(adminA, 'enrollments', E, X.course)).toBe(1);
      expect(await sees(adminA, 'lesson_progress', E, X.course)).toBe(1);
      // A course the company assigned over an enrollment the learner had already (free source).
      expect(await sees(adminA, 'enrollments', USER.student, COURSE.free)).toBe(1);
      expect(await sees(adminA, 'lesson_progress', USER.student, COURSE.free)).toBe(1);
    });

    it('hides a course the employee enrolled in privately', async () => {
      expect(await owner('select count(*)::int as n from public.enrollments where user_id = $1', [E])).toEqual([
        { n: 2 },
      ]);
      expect(await sees(adminA, 'enrollments', E, P.course)).toBe(0);
      expect(await sees(adminA, 'lesson_progress', E, P.course)).toBe(0);
      expect(await sees(adminA, 'enrollments', E)).toBe(1);
      expect(await sees(adminA, 'lesson_progress', E)).toBe(1);
      const [all] = await as<{ n: number }>(adminA, 'select count(*)::int as n from public.enrollments');
      expect(all!.n).toBe(3); // E, C in X; the student in the free course
    });

    it("shows a company admin nothing of another company's people, even in the same course", async () => {
      expect(await sees(adminA, 'enrollments', USER.otherStudent)).toBe(0);
      expect(await sees(adminA, 'lesson_progress', USER.otherStudent)).toBe(0);
      const [profiles] = await as<{ n: number }>(
        adminA,
        'select count(*)::int as n from public.profiles where id = $1',
        [USER.otherStudent],
      );
      expect(profiles!.n).toBe(0);
      // And the other way round: Globex's admin reads their employee in X, never A's.
      expect(await sees(globexAdmin, 'enrollments', USER.otherStudent, X.course)).toBe(1);
      expect(await sees(globexAdmin, 'lesson_progress', USER.otherStudent, X.course)).toBe(1);
      expect(await sees(globexAdmin, 'enrollments', USER.otherStudent, COURSE.free)).toBe(0);
      expect(await sees(globexAdmin, 'enrollments', E)).toBe(0);
      expect(await sees(globexAdmin, 'lesson_progress', E)).toBe(0);
    });

    it("never shows an employee a colleague's enrollments, progress, attempts or submissions", async () => {
      for (const colleague of [E, USER.student]) {
        for (const table of [
          'enrollments',
          'lesson_progress',
          'quiz_attempts',
          'assignment_submissions',
          'lab_submissions',
          'certificates',
        ]) {
          expect(await sees(C, table, colleague), `${table} of ${colleague}`).toBe(0);
        }
      }
      // The student really has those records (they read their own).
      for (const table of ['quiz_attempts', 'assignment_submissions', 'lab_submissions']) {
        expect(await sees(USER.student, table, USER.student), table).toBeGreaterThan(0);
      }
    });

    it('keeps quiz attempts and submissions from company admins (the report summarises them)', async () => {
      for (const table of ['quiz_attempts', 'assignment_submissions', 'lab_submissions']) {
        expect(await sees(adminA, table, USER.student), table).toBe(0);
      }
    });

    it("lets platform admins read every learner's records", async () => {
      expect(await sees(USER.admin, 'enrollments', E)).toBe(2);
      expect(await sees(USER.admin, 'lesson_progress', E)).toBe(2);
      expect(await sees(USER.admin, 'enrollments', USER.otherStudent)).toBe(2);
    });

    it('keeps the records of an ended assignment and of a removed member readable to the admin', async () => {
      const un = await call(adminA, 'unassign_company_learning', [
        A,
        JSON.stringify({ userIds: [E], courseId: X.course }),
      ]);
      expect(un.summary.unassigned).toBe(1);
      const removed = await call(adminA, 'remove_company_member', [A, C]);
      expect(removed).toMatchObject({ userId: C, status: 'removed', unassigned: 1 });
      for (const learner of [E, C]) {
        const [e] = await as<{ status: string }>(
          adminA,
          'select status::text from public.enrollments where user_id = $1 and course_id = $2',
          [learner, X.course],
        );
        expect(e).toEqual({ status: 'cancelled' });
        expect(await sees(adminA, 'lesson_progress', learner, X.course)).toBe(1);
      }
      expect(await sees(adminA, 'enrollments', E, P.course)).toBe(0);
      // The report (a definer) answers what it did: a removed member's ended assignment (assigned
      // course only, with its progress); an active member's ended assignment is no longer listed.
      const report = await call(adminA, 'company_report', [A]);
      const course = (id: string) => (report.members as Json[]).find((m) => m.id === id)!.courses as Json[];
      expect(course(C).map((c) => [c.courseId, c.active, c.progress])).toEqual([[X.course, false, 100]]);
      expect(course(E)).toEqual([]);
      // Reassigned: readable the same way.
      expect((await assign(adminA, A, { userIds: [E], courseId: X.course })).summary.assigned).toBe(1);
      expect(await sees(adminA, 'enrollments', E, X.course)).toBe(1);
    });

    it('computes the assigned pairs once per statement (a hashed semi-join)', async () => {
      for (const table of ['public.enrollments', 'public.lesson_progress']) {
        const plan = await explainAs(t.db, 'companyAdmin', `select * from ${table}`);
        expect(perRowFindings(plan.Plan)).toEqual([]);
        const scans: PlanNode[] = [];
        const walk = (n: PlanNode) => {
          if (n['Function Name'] === 'my_company_assigned_pairs') scans.push(n);
          for (const c of n.Plans ?? []) walk(c);
        };
        walk(plan.Plan);
        expect(scans.map((s) => s['Actual Loops'] ?? 1)).toEqual([1]);
      }
    });

    it('lets only authenticated execute the helper, as a definer with an empty search_path', async () => {
      const [fn] = await owner<Row>(
        `select p.prosecdef as definer, p.proconfig as config,
                has_function_privilege('anon', p.oid, 'execute') as anon,
                has_function_privilege('authenticated', p.oid, 'execute') as authenticated
         from pg_proc p where p.oid = 'private.my_company_assigned_pairs()'::regprocedure`,
      );
      expect(fn).toEqual({ definer: true, config: ['search_path=""'], anon: false, authenticated: true });
    });
  });

  describe('a full refund of a corporate order', () => {
    const paid = { kind: 'course' as const, id: COURSE.paid, title: 'Paid course', unitAmount: 4900 };

    /** A paid corporate order of 5 seats of the paid course for a new company: [order, company]. */
    async function buySeats(key: string): Promise<[string, string]> {
      const buyer = await newUser();
      const quote = testQuote([{ ...paid, seats: 5 }]);
      const order = await t.db.asService(async (sql) => {
        const [o] = await sql.query<{ r: { order_id: string } }>('select private.create_order($1, $2, $3) as r', [
          buyer,
          key,
          JSON.stringify({ quote, companyName: `Refund ${key}` }),
        ]);
        const order = o!.r.order_id;
        await sql.query(`select private.record_payment_event($1, 'paid', $2, $3, 'USD', $4, null)`, [
          `evt_${key}`,
          order,
          quote.total,
          `pi_${key}`,
        ]);
        return order;
      });
      const [c] = await owner<{ company_id: string }>('select company_id from public.orders where id = $1', [order]);
      return [order, c!.company_id];
    }
    const refund = (order: string) =>
      t.db.asService((sql) =>
        sql.query(`select private.refund_order($1, null, 'Team cancelled', 'admin', null, null)`, [order]),
      );
    const seatRow = async (company: string) =>
      ((await call('service', 'company_report', [company])).seats as Json[]).find((s) => s.courseId === COURSE.paid);
    const revoked = (order: string) =>
      owner<Row>('select seats, seats_revoked from public.seat_purchases where order_id = $1', [order]);

    it('revokes only the seats beyond the active assignments (members and pending invitees)', async () => {
      const [order, company] = await buySeats(`scoping-refund-3-${engine}`);
      const members = [await newUser(), await newUser(), await newUser()];
      for (const m of members) await addMember(company, m);
      // Three members assigned, one of them unassigned again (its seat is free); one pending invitee.
      expect((await assign('service', company, { userIds: members, courseId: COURSE.paid })).summary.assigned).toBe(3);
      await call('service', 'unassign_company_learning', [
        company,
        JSON.stringify({ userIds: [members[2]], courseId: COURSE.paid }),
      ]);
      const invitation = await call('service', 'create_company_invitation', [
        company,
        `pending-${engine}@example.test`,
        null,
        '',
      ]);
      await assign('service', company, { invitationIds: [invitation.id], courseId: COURSE.paid });
      expect(await seatRow(company)).toMatchObject({ pool: 5, used: 3, free: 2 });

      await refund(order);
      expect(await revoked(order)).toEqual([{ seats: 5, seats_revoked: 2 }]);
      expect(await seatRow(company)).toMatchObject({ pool: 3, used: 3, free: 0 });
    });

    it('revokes every seat when none is assigned', async () => {
      const [order, company] = await buySeats(`scoping-refund-0-${engine}`);
      // A member with a company enrollment but no assignment holds no seat.
      const member = await newUser();
      await addMember(company, member);
      await owner(`insert into public.enrollments (user_id, course_id, source) values ($1, $2, 'company')`, [
        member,
        COURSE.paid,
      ]);
      await refund(order);
      expect(await revoked(order)).toEqual([{ seats: 5, seats_revoked: 5 }]);
      expect(await seatRow(company)).toMatchObject({ pool: 0, used: 0, free: 0 });
    });

    it("shows a removed company admin none of the company's orders, items, payments, refunds or invoices (20261201000100)", async () => {
      const [order, company] = await buySeats(`scoping-removed-admin-${engine}`);
      await refund(order);
      const second = await newUser();
      await addMember(company, second, 'admin');
      const tables = ['orders', 'order_items', 'payments', 'refunds', 'invoices', 'seat_purchases'];
      const visible = async () => {
        const counts: Record<string, number> = {};
        for (const table of tables) {
          const column = table === 'orders' ? 'id' : 'order_id';
          const [row] = await as<{ n: number }>(
            second,
            `select count(*)::int as n from public.${table} where ${column} = $1`,
            [order],
          );
          counts[table] = row!.n;
        }
        return counts;
      };
      const before = await visible();
      for (const table of tables) expect(before[table], `${table} while an admin`).toBeGreaterThan(0);
      await call('service', 'remove_company_member', [company, second]);
      expect(await visible()).toEqual(Object.fromEntries(tables.map((table) => [table, 0])));
    });

    it('keeps refund_order a definer with an empty search_path, for service_role only', async () => {
      const [fn] = await owner<Row>(
        `select p.prosecdef as definer, p.proconfig as config,
                has_function_privilege('authenticated', p.oid, 'execute') as authenticated,
                has_function_privilege('service_role', p.oid, 'execute') as service
         from pg_proc p where p.oid = 'private.refund_order(uuid, integer, text, text, uuid, text)'::regprocedure`,
      );
      expect(fn).toEqual({ definer: true, config: ['search_path=""'], authenticated: false, service: true });
    });
  });
});
