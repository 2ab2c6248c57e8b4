import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { CARD, seedFixtures, USER } from './fixtures.ts';

/**
 * Code labs (supabase/migrations/20261125000100) on PGlite and PostgreSQL: who may do what on
 * labs, lab_secrets, lab_submissions and lab_drafts (anon, an enrolled learner, a learner not
 * enrolled, the enrolled learner facing a drip-locked lab, the course's instructor, another
 * instructor, an admin and service_role), the two service-only functions
 * private.lab_grading_context and private.record_lab_submission (refused to anon and
 * authenticated), and progress: a passed lab completes its lesson, counts as a required item,
 * and completes the course (with its certificate) when it was the last one.
 */

type Row = Record<string, unknown>;
type Failure = { code?: string; hint?: string; message: string };
type Who = 'anon' | 'learner' | 'outsider' | 'owner' | 'otherInstructor' | 'admin' | 'service';
/** Rows seen or affected, or the SQLSTATE raised. */
type Outcome = number | string;

const WHO: Who[] = ['anon', 'learner', 'outsider', 'owner', 'otherInstructor', 'admin', 'service'];
const D = '42501';

class Rollback extends Error {
  readonly value: number;
  constructor(value: number) {
    super('sentinel: roll the case back');
    this.value = value;
  }
}

const SUM_VISIBLE = "test('adds', () => { expect(sum(1, 2)).toBe(3); });";
const SUM_HIDDEN = "test('negatives', () => { expect(sum(-1, -2)).toBe(-3); });";
const SUM_REFERENCE = 'function sum(a, b) {\n  return a + b;\n}\n';
const TESTS = (passed: boolean) =>
  JSON.stringify([
    { name: 'adds', passed: true, message: null, hidden: false },
    { name: 'negatives', passed, message: passed ? null : 'Hidden test failed', hidden: true },
  ]);
const RECORD = 'select private.record_lab_submission($1, $2, $3, $4, $5, $6, $7, $8) as r';
const CONTEXT = 'select private.lab_grading_context($1, $2) as c';

describe.each(engines())('code labs on %s', (engine) => {
  let t: TestDatabase;
  let serial = 0;
  const next = () => ++serial;
  const uuid = (group: number, n: number) =>
    `00000000-0000-4000-9${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;

  const owner = <T = Row>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const callerFor = (user: string): Caller => ({
    role: 'authenticated',
    claims: { sub: user, role: 'authenticated', aud: 'authenticated', email: `${user}@example.test` },
  });
  const as = <T = Row>(user: string, text: string, params: unknown[] = []) =>
    t.db.asCaller(callerFor(user), (sql: Sql) => sql.query<T>(text, params));
  const service = <T = Row>(text: string, params: unknown[] = []) =>
    t.db.asService((sql: Sql) => sql.query<T>(text, params));
  async function failure(run: () => Promise<unknown>): Promise<Failure> {
    try {
      await run();
    } catch (error) {
      return error as Failure;
    }
    throw new Error('expected a failure');
  }
  const record = async (lab: string, user: string, status: string, score: number, code = SUM_REFERENCE) =>
    (
      await service<{ r: Row }>(RECORD, [lab, user, code, status, score, TESTS(status === 'passed'), 'log line\n', 4])
    )[0]!.r;
  const context = async (lab: string, user: string | null) => (await service<{ c: Row }>(CONTEXT, [lab, user]))[0]!.c;

  async function newUser(first = 'Lea', last = 'Learner'): Promise<string> {
    const id = uuid(300, next());
    await owner(`insert into auth.users (id, email, raw_user_meta_data) values ($1, $2, $3)`, [
      id,
      `lab-${engine}-${id.slice(-6)}@example.test`,
      JSON.stringify({ first_name: first, last_name: last }),
    ]);
    return id;
  }

  /** A published free course of the fixture instructor with one section. */
  async function newCourse(): Promise<{ course: string; section: string }> {
    const n = next();
    const course = uuid(301, n);
    const section = uuid(302, n);
    await owner(
      `insert into public.courses (id, slug, title, instructor_id, status, price_amount)
       values ($1, $2, $3, $4, 'published', 0)`,
      [course, `lab-course-${engine}-${n}`, `Lab course ${n}`, CARD.instructor],
    );
    await owner(`insert into public.sections (id, course_id, title) values ($1, $2, 'Part one')`, [section, course]);
    return { course, section };
  }

  async function newLesson(
    c: { course: string; section: string },
    type: 'text' | 'lab',
    extra: { status?: string; dripDays?: number } = {},
  ): Promise<string> {
    const [row] = await owner<{ id: string }>(
      `insert into public.lessons (course_id, section_id, title, content_type, status, drip_days_after_enrollment)
       values ($1, $2, 'Lesson', $3, $4, $5) returning id`,
      [c.course, c.section, type, extra.status ?? 'published', extra.dripDays ?? null],
    );
    return row!.id;
  }

  async function newLab(
    course: string,
    o: { lesson?: string | null; status?: string; required?: boolean; points?: number; secrets?: boolean } = {},
  ): Promise<string> {
    const [row] = await owner<{ id: string }>(
      `insert into public.labs (course_id, lesson_id, slug, title, visible_tests, points, is_required, status)
       values ($1, $2, $3, 'Add two numbers', $4, $5, $6, $7) returning id`,
      [
        course,
        o.lesson ?? null,
        `sum-${next()}`,
        SUM_VISIBLE,
        o.points ?? 10,
        o.required ?? true,
        o.status ?? 'published',
      ],
    );
    if (o.secrets ?? true) {
      await owner('insert into public.lab_secrets (lab_id, hidden_tests, reference_solution) values ($1, $2, $3)', [
        row!.id,
        SUM_HIDDEN,
        SUM_REFERENCE,
      ]);
    }
    return row!.id;
  }

  const enroll = (user: string, course: string) => as(user, 'select public.enroll_in_free_course($1)', [course]);
  const enrollment = async (user: string, course: string) =>
    (
      await owner<Row>(
        `select status, progress_percentage::text as p, completed_items, total_items, completed_lessons, total_lessons
         from public.enrollments where user_id = $1 and course_id = $2`,
        [user, course],
      )
    )[0]!;

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
    // tests.affected (from the fixtures) for service_role too, to count what its writes touch.
    await owner('grant usage on schema tests to service_role');
    await owner('grant execute on function tests.affected(text) to service_role');
  });
  afterAll(async () => {
    await t?.drop();
  });

  describe('who may do what', () => {
    // A course with: lab `open` tied to an open lab lesson, lab `drip` tied to a lab lesson opening 7
    // days after enrollment, lab `draft`, lab `free` (published, no lesson, with the learner's
    // draft and a failed submission); `draft` has no secrets. The learner is enrolled.
    const lab = { open: '', drip: '', draft: '', free: '' };
    const users: Record<Who, string> = {
      anon: '',
      learner: '',
      outsider: '',
      owner: USER.instructor,
      otherInstructor: USER.otherInstructor,
      admin: USER.admin,
      service: '',
    };
    let course = '';

    beforeAll(async () => {
      const c = await newCourse();
      course = c.course;
      lab.open = await newLab(c.course, { lesson: await newLesson(c, 'lab') });
      lab.drip = await newLab(c.course, { lesson: await newLesson(c, 'lab', { dripDays: 7 }) });
      lab.draft = await newLab(c.course, { status: 'draft', secrets: false });
      lab.free = await newLab(c.course, { required: false });
      users.learner = await newUser();
      users.outsider = await newUser();
      await enroll(users.learner, c.course);
      await as(users.learner, 'insert into public.lab_drafts (user_id, lab_id, code) values ($1, $2, $3)', [
        users.learner,
        lab.free,
        'function sum() {}',
      ]);
      await record(lab.free, users.learner, 'failed', 50);
    });

    /** What `who` gets from `text` (a count query for select, a write otherwise), always rolled back. */
    async function outcome(who: Who, verb: string, text: string): Promise<Outcome> {
      const query = verb === 'select' ? text : 'select tests.affected($1) as n';
      const params = verb === 'select' ? [] : [text];
      const body = async (sql: Sql) => {
        const [row] = await sql.query<{ n: number | string }>(query, params);
        throw new Rollback(Number(row!.n));
      };
      try {
        if (who === 'anon') await t.db.asCaller({ role: 'anon' }, body);
        else if (who === 'service') await t.db.asService(body);
        else await t.db.asCaller(callerFor(users[who]), body);
      } catch (error) {
        if (error instanceof Rollback) return error.value;
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string') return code;
        throw error;
      }
      throw new Error('unreachable');
    }

    const me = '(select auth.uid())';
    const n = (from: string) => `select count(*)::int as n from ${from}`;
    //                         anon learner outsider owner otherInstr admin service
    const cases: [string, string, () => string, Outcome[]][] = [
      ['select', 'labs: the open lab', () => n(`public.labs where id = '${lab.open}'`), [D, 1, 0, 1, 0, 1, D]],
      ['select', 'labs: the drip-locked lab', () => n(`public.labs where id = '${lab.drip}'`), [D, 0, 0, 1, 0, 1, D]],
      ['select', 'labs: the draft lab', () => n(`public.labs where id = '${lab.draft}'`), [D, 0, 0, 1, 0, 1, D]],
      ['select', "labs: the course's", () => n(`public.labs where course_id = '${course}'`), [D, 2, 0, 4, 0, 4, D]],
      [
        'insert',
        'labs: a new lab',
        () => `insert into public.labs (course_id, slug, title) values ('${course}', 'new', 'New')`,
        [D, D, D, 1, D, 1, D],
      ],
      [
        'update',
        'labs: the open lab published as draft',
        () => `update public.labs set status = 'draft' where id = '${lab.open}'`,
        [D, 0, 0, 1, 0, 1, D],
      ],
      [
        'delete',
        'labs: the draft lab',
        () => `delete from public.labs where id = '${lab.draft}'`,
        [D, 0, 0, 1, 0, 1, D],
      ],
      [
        'select',
        "lab_secrets: the open lab's",
        () => n(`public.lab_secrets where lab_id = '${lab.open}'`),
        [D, 0, 0, 1, 0, 1, D],
      ],
      [
        'select',
        "lab_secrets: the course's",
        () => n(`public.lab_secrets s join public.labs b on b.id = s.lab_id where b.course_id = '${course}'`),
        [D, 0, 0, 3, 0, 3, D],
      ],
      [
        'insert',
        "lab_secrets: the draft lab's",
        () => `insert into public.lab_secrets (lab_id, hidden_tests) values ('${lab.draft}', 'test()')`,
        [D, D, D, 1, D, 1, D],
      ],
      [
        'update',
        "lab_secrets: the open lab's hidden tests emptied",
        () => `update public.lab_secrets set hidden_tests = '' where lab_id = '${lab.open}'`,
        [D, 0, 0, 1, 0, 1, D],
      ],
      [
        'delete',
        "lab_secrets: the open lab's",
        () => `delete from public.lab_secrets where lab_id = '${lab.open}'`,
        [D, 0, 0, 1, 0, 1, D],
      ],
      [
        'select',
        "lab_submissions: the free lab's",
        () => n(`public.lab_submissions where lab_id = '${lab.free}'`),
        [D, 1, 0, 1, 0, 1, D],
      ],
      [
        'insert',
        'lab_submissions: a pass for oneself (forging)',
        () =>
          `insert into public.lab_submissions (lab_id, course_id, user_id, code, status, score, points)
           values ('${lab.open}', '${course}', coalesce(${me}, '${USER.student}'), 'x', 'passed', 100, 10)`,
        [D, D, D, D, D, D, D],
      ],
      [
        'update',
        "lab_submissions: the free lab's marked passed (tampering)",
        () => `update public.lab_submissions set status = 'passed', score = 100 where lab_id = '${lab.free}'`,
        [D, D, D, D, D, D, D],
      ],
      [
        'delete',
        "lab_submissions: the free lab's",
        () => `delete from public.lab_submissions where lab_id = '${lab.free}'`,
        [D, D, D, D, D, D, D],
      ],
      [
        'select',
        "lab_drafts: the free lab's",
        () => n(`public.lab_drafts where lab_id = '${lab.free}'`),
        [D, 1, 0, 0, 0, 0, D],
      ],
      [
        'insert',
        'lab_drafts: own draft of the open lab',
        () => `insert into public.lab_drafts (user_id, lab_id, code) values (${me}, '${lab.open}', 'x')`,
        [D, 1, D, D, D, D, D],
      ],
      [
        'insert',
        'lab_drafts: own draft of the drip-locked lab',
        () => `insert into public.lab_drafts (user_id, lab_id, code) values (${me}, '${lab.drip}', 'x')`,
        [D, D, D, D, D, D, D],
      ],
      [
        'insert',
        'lab_drafts: own draft of the draft lab',
        () => `insert into public.lab_drafts (user_id, lab_id, code) values (${me}, '${lab.draft}', 'x')`,
        [D, D, D, D, D, D, D],
      ],
      [
        'update',
        "lab_drafts: the free lab's",
        () => `update public.lab_drafts set code = 'y' where lab_id = '${lab.free}'`,
        [D, 1, 0, 0, 0, 0, D],
      ],
      [
        'update',
        "lab_drafts: the free lab's moved to the drip-locked lab",
        () => `update public.lab_drafts set lab_id = '${lab.drip}' where lab_id = '${lab.free}'`,
        [D, D, 0, 0, 0, 0, D],
      ],
      [
        'delete',
        "lab_drafts: the free lab's",
        () => `delete from public.lab_drafts where lab_id = '${lab.free}'`,
        [D, 1, 0, 0, 0, 0, D],
      ],
    ];

    it.each(cases)('%s %s', async (verb, _what, sql, expected) => {
      const got: Record<string, Outcome> = {};
      for (const who of WHO) got[who] = await outcome(who, verb, sql());
      expect(got).toEqual(Object.fromEntries(WHO.map((who, i) => [who, expected[i]])));
    });

    it('never lets a learner read secrets, even of a lab they passed', async () => {
      await record(lab.open, users.learner, 'passed', 100);
      expect(await as(users.learner, 'select * from public.lab_secrets')).toEqual([]);
      expect(await as(users.learner, 'select count(*)::int as n from public.labs where id = $1', [lab.open])).toEqual([
        { n: 1 },
      ]);
    });

    it('refuses the service functions to anon and authenticated (execute revoked), whoever asks', async () => {
      for (const caller of [{ role: 'anon' } as Caller, callerFor(users.learner), callerFor(USER.admin)]) {
        for (const [text, params] of [
          [CONTEXT, [lab.open, users.learner]],
          [RECORD, [lab.open, users.learner, 'x', 'passed', 100, '[]', '', 1]],
        ] as const) {
          const e = await failure(() => t.db.asCaller(caller, (sql) => sql.query(text, [...params])));
          expect(e.code).toBe(D);
        }
      }
      expect(
        await as(users.learner, 'select count(*)::int as n from public.lab_submissions where lab_id = $1', [lab.open]),
      ).toEqual([{ n: 1 }]);
    });
  });

  describe('private.lab_grading_context', () => {
    it('answers what the runner needs, the reference solution to managers only', async () => {
      const c = await newCourse();
      const lab = await newLab(c.course, { lesson: await newLesson(c, 'lab'), points: 20 });
      const learner = await newUser();
      await enroll(learner, c.course);
      expect(await context(lab, learner)).toEqual({
        labId: lab,
        courseId: c.course,
        slug: expect.stringMatching(/^sum-/),
        title: 'Add two numbers',
        language: 'javascript',
        points: 20,
        timeLimitMs: 1000,
        memoryLimitMb: 32,
        visibleTests: SUM_VISIBLE,
        hiddenTests: SUM_HIDDEN,
        referenceSolution: null,
        isManager: false,
      });
      for (const manager of [USER.instructor, USER.admin]) {
        expect(await context(lab, manager)).toMatchObject({ referenceSolution: SUM_REFERENCE, isManager: true });
      }
      // A lab without secrets: empty hidden tests.
      const bare = await newLab(c.course, { secrets: false });
      expect(await context(bare, learner)).toMatchObject({ hiddenTests: '', referenceSolution: null });
    });

    it('says 404 for what a learner may not see, 403 when not enrolled, 423 when drip-locked', async () => {
      const c = await newCourse();
      const open = await newLab(c.course);
      const draft = await newLab(c.course, { status: 'draft' });
      const locked = await newLab(c.course, { lesson: await newLesson(c, 'lab', { dripDays: 3 }) });
      const onDraftLesson = await newLab(c.course, { lesson: await newLesson(c, 'lab', { status: 'draft' }) });
      const learner = await newUser();
      const outsider = await newUser();
      const cancelled = await newUser();
      await enroll(learner, c.course);
      await enroll(cancelled, c.course);
      await owner(`update public.enrollments set status = 'cancelled' where user_id = $1`, [cancelled]);
      const hint = async (lab: string, user: string | null) =>
        (await failure(() => context(lab, user))) as Failure & { hint: string };

      expect((await hint(uuid(399, 1), learner)).hint).toBe('404:lab_not_found');
      expect((await hint(open, null)).hint).toBe('404:lab_not_found');
      expect((await hint(draft, learner)).hint).toBe('404:lab_not_found');
      expect((await hint(draft, outsider)).hint).toBe('404:lab_not_found');
      expect((await hint(onDraftLesson, learner)).hint).toBe('404:lab_not_found');
      expect((await hint(open, outsider)).hint).toBe('403:not_enrolled');
      expect((await hint(open, cancelled)).hint).toBe('403:not_enrolled');
      expect((await hint(locked, learner)).hint).toBe('423:lab_locked');
      expect((await hint(open, outsider)).code).toBe('P0001');
      // The course's instructor passes for drafts and locked labs; another instructor does not.
      expect(await context(draft, USER.instructor)).toMatchObject({ isManager: true });
      expect(await context(locked, USER.instructor)).toMatchObject({ isManager: true });
      expect((await hint(draft, USER.otherInstructor)).hint).toBe('404:lab_not_found');

      // A course taken off the catalog hides its labs from learners, not from its instructor.
      await owner(`update public.courses set status = 'archived' where id = $1`, [c.course]);
      expect((await hint(open, learner)).hint).toBe('404:lab_not_found');
      expect(await context(open, USER.instructor)).toMatchObject({ isManager: true });
    });
  });

  describe('private.record_lab_submission', () => {
    it('stores attempts with points from the score, and a pass completes the lab and its lesson', async () => {
      const c = await newCourse();
      await newLesson(c, 'text');
      const labLesson = await newLesson(c, 'lab');
      const lab = await newLab(c.course, { lesson: labLesson, points: 15 });
      const learner = await newUser();
      await enroll(learner, c.course);
      expect(await enrollment(learner, c.course)).toMatchObject({ p: '0.00', total_items: 2, total_lessons: 1 });

      const failed = await record(lab, learner, 'failed', 50);
      expect(failed).toEqual({
        id: expect.any(String),
        createdAt: expect.any(String),
        points: 8,
        progress: { percentage: 0, completedItems: 0, totalItems: 2, status: 'active' },
      });
      expect(await record(lab, learner, 'timeout', 0)).toMatchObject({ points: 0 });
      expect(await record(lab, learner, 'error', 0)).toMatchObject({ points: 0 });
      const progress = () =>
        owner<Row>('select is_completed, status from public.lesson_progress where user_id = $1 and lesson_id = $2', [
          learner,
          labLesson,
        ]);
      expect(await progress()).toEqual([]);

      const passed = await record(lab, learner, 'passed', 100);
      expect(passed).toMatchObject({
        points: 15,
        progress: { percentage: 50, completedItems: 1, totalItems: 2, status: 'active' },
      });
      expect(await progress()).toEqual([{ is_completed: true, status: 'completed' }]);
      expect(await enrollment(learner, c.course)).toMatchObject({ p: '50.00', completed_items: 1, total_lessons: 1 });

      // The learner reads their history; the stored row is what the runner said.
      const history = await as<Row>(
        learner,
        `select status, score::text as score, points, output, duration_ms, jsonb_array_length(tests) as tests
         from public.lab_submissions where lab_id = $1 order by created_at, status`,
        [lab],
      );
      expect(history).toHaveLength(4);
      expect(history).toContainEqual({
        status: 'failed',
        score: '50.00',
        points: 8,
        output: 'log line\n',
        duration_ms: 4,
        tests: 2,
      });
      // A later failure keeps the lab passed.
      expect(await record(lab, learner, 'failed', 0)).toMatchObject({ progress: { completedItems: 1 } });
    });

    it('completes the enrollment and issues the certificate when the lab was the last required item', async () => {
      const c = await newCourse();
      const text = await newLesson(c, 'text');
      const labLesson = await newLesson(c, 'lab');
      const lab = await newLab(c.course, { lesson: labLesson });
      await newLab(c.course, { required: false });
      await newLab(c.course, { status: 'draft' });
      const learner = await newUser('Grace', 'Hopper');
      await enroll(learner, c.course);
      await as(learner, 'select public.complete_lesson($1)', [text]);
      expect(await enrollment(learner, c.course)).toMatchObject({ status: 'active', p: '50.00', total_items: 2 });
      // A lab lesson completes through its lab only.
      expect((await failure(() => as(learner, 'select public.complete_lesson($1)', [labLesson]))).hint).toBe(
        '409:complete_item',
      );

      expect(await record(lab, learner, 'passed', 100)).toMatchObject({
        progress: { percentage: 100, completedItems: 2, totalItems: 2, status: 'completed' },
      });
      expect(await enrollment(learner, c.course)).toMatchObject({ status: 'completed', p: '100.00' });
      const certificates = await owner<Row>(
        'select learner_name, instructor_name from public.certificates where user_id = $1 and course_id = $2',
        [learner, c.course],
      );
      expect(certificates).toEqual([{ learner_name: 'Grace Hopper', instructor_name: 'Ada Instructor' }]);
      // Passing again: still one certificate.
      await record(lab, learner, 'passed', 100);
      expect(await owner('select 1 from public.certificates where user_id = $1', [learner])).toHaveLength(1);
    });

    it('recompute counts published required labs only, and a newly published lab reopens the course', async () => {
      const c = await newCourse();
      const lab = await newLab(c.course);
      await newLab(c.course, { required: false });
      const draft = await newLab(c.course, { status: 'draft' });
      const learner = await newUser();
      await enroll(learner, c.course);
      expect(await enrollment(learner, c.course)).toMatchObject({ total_items: 1, total_lessons: 0 });
      await record(lab, learner, 'passed', 100);
      expect(await enrollment(learner, c.course)).toMatchObject({ status: 'completed', completed_items: 1 });

      await owner(`update public.labs set status = 'published' where id = $1`, [draft]);
      await owner('select private.recompute_enrollment($1, $2)', [learner, c.course]);
      expect(await enrollment(learner, c.course)).toMatchObject({
        status: 'active',
        p: '50.00',
        completed_items: 1,
        total_items: 2,
      });
    });

    it('gives no progress to a manager who is not enrolled, and refuses learners the lab is closed to', async () => {
      const c = await newCourse();
      const lab = await newLab(c.course);
      const locked = await newLab(c.course, { lesson: await newLesson(c, 'lab', { dripDays: 2 }) });
      const learner = await newUser();
      const outsider = await newUser();
      await enroll(learner, c.course);
      expect(await record(lab, USER.instructor, 'passed', 100)).toMatchObject({ points: 10, progress: null });
      expect((await failure(() => record(lab, outsider, 'passed', 100))).hint).toBe('403:not_enrolled');
      expect((await failure(() => record(locked, learner, 'passed', 100))).hint).toBe('423:lab_locked');
      expect((await failure(() => record(uuid(399, 2), learner, 'passed', 100))).hint).toBe('404:lab_not_found');
      expect(
        await owner('select 1 from public.lab_submissions where user_id in ($1, $2)', [learner, outsider]),
      ).toEqual([]);
    });

    it('refuses results of the wrong shape (422) and stores nothing', async () => {
      const c = await newCourse();
      const lab = await newLab(c.course);
      const learner = await newUser();
      await enroll(learner, c.course);
      const bad: unknown[][] = [
        [lab, learner, 'x', 'passed', 101, '[]', '', 1],
        [lab, learner, 'x', 'passed', -1, '[]', '', 1],
        [lab, learner, 'x', 'passed', null, '[]', '', 1],
        [lab, learner, 'x', null, 100, '[]', '', 1],
        [lab, learner, 'x', 'passed', 100, '{}', '', 1],
        [lab, learner, 'x', 'passed', 100, null, '', 1],
        [lab, learner, 'x', 'passed', 100, '[]', 'o'.repeat(20_001), 1],
        [lab, learner, 'x', 'passed', 100, '[]', '', -5],
        [lab, learner, null, 'passed', 100, '[]', '', 1],
        [lab, learner, 'x'.repeat(100_001), 'passed', 100, '[]', '', 1],
      ];
      for (const params of bad) {
        expect((await failure(() => service(RECORD, params))).hint).toBe('422:invalid_submission');
      }
      expect((await failure(() => service(RECORD, [lab, learner, 'x', 'nope', 100, '[]', '', 1]))).code).toBe('22P02');
      expect(await owner('select 1 from public.lab_submissions where user_id = $1', [learner])).toEqual([]);
    });
  });

  describe('table rules', () => {
    it('keeps a lab on a lab lesson of its own course, slugs unique per course, limits in range', async () => {
      const c = await newCourse();
      const other = await newCourse();
      const text = await newLesson(c, 'text');
      const otherLab = await newLesson(other, 'lab');
      const labLesson = await newLesson(c, 'lab');
      const insert = (params: unknown[]) =>
        as(
          USER.instructor,
          `insert into public.labs (course_id, lesson_id, slug, title, time_limit_ms, memory_limit_mb)
           values ($1, $2, $3, 'Lab', $4, $5)`,
          params,
        );
      expect((await failure(() => insert([c.course, text, 'a', 1000, 32]))).code).toBe('23514');
      expect((await failure(() => insert([c.course, otherLab, 'a', 1000, 32]))).code).toBe('23514');
      await insert([c.course, labLesson, 'a', 1000, 32]);
      expect((await failure(() => insert([c.course, null, 'a', 1000, 32]))).code).toBe('23505');
      expect((await failure(() => insert([c.course, labLesson, 'b', 1000, 32]))).code).toBe('23505');
      await insert([other.course, null, 'a', 1000, 32]);
      for (const [slug, ms, mb] of [
        ['Bad Slug', 1000, 32],
        ['c', 49, 32],
        ['c', 5001, 32],
        ['c', 1000, 7],
        ['c', 1000, 129],
      ] as const) {
        expect((await failure(() => insert([c.course, null, slug, ms, mb]))).code).toBe('23514');
      }
      // The lesson deleted: the lab stays, untied.
      await owner('delete from public.lessons where id = $1', [labLesson]);
      expect(
        await owner('select lesson_id from public.labs where course_id = $1 and slug = $2', [c.course, 'a']),
      ).toEqual([{ lesson_id: null }]);
    });
  });
});
