import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import {
  attempt,
  attemptFrom,
  COURSE,
  callerOf,
  LESSON,
  matches,
  type Outcome,
  ROLES,
  type Role,
  seedFixtures,
  USER,
} from './fixtures.ts';
import { D, FK, FUNCTION_MATRIX, MATRIX, VERBS } from './matrix.ts';

/**
 * Runs the matrix (supabase/tests/matrix.ts) cell by cell: one role, one statement, one
 * transaction, always rolled back. Then the tampering and flow checks that need more than a
 * count: values left unchanged, error hints, and completion.
 */

const show = (o: Outcome) =>
  typeof o === 'number'
    ? `${o} row${o === 1 ? '' : 's'}`
    : o === D
      ? 'denied (42501)'
      : o === FK
        ? 'foreign key restrict (23001|23503)'
        : o;

const tableCells = MATRIX.flatMap((c) =>
  ROLES.map((role) => ({
    name: `${c.table} ${c.verb} ${c.what}: ${role} → ${show(c.expect[role])}`,
    role,
    sql: c.verb === 'select' ? c.sql : 'select tests.affected($1) as n',
    params: c.verb === 'select' ? undefined : [c.sql],
    given: c.given,
    expected: c.expect[role],
  })),
);

const functionCells = FUNCTION_MATRIX.flatMap((c) =>
  ROLES.map((role) => ({
    name: `${c.fn} ${c.what}: ${role} → ${show(c.expect[role])}`,
    role,
    sql: c.sql,
    params: undefined,
    given: c.given,
    expected: c.expect[role],
  })),
);

/** The SQL error a caller gets, or a failure if the statement succeeded. */
async function failure(t: TestDatabase, role: Role, text: string, params?: unknown[]) {
  const succeeded = new Error(`expected ${role} to fail: ${text}`);
  try {
    await t.db.asCaller(callerOf(role), async (sql) => {
      await sql.query(text, params);
      throw succeeded; // and roll back
    });
  } catch (error) {
    if (error !== succeeded) return error as { code?: string; message: string; hint?: string };
  }
  throw succeeded;
}

describe.each(engines())('row-level security matrix on %s', (engine) => {
  let t: TestDatabase;
  const owner = <T>(fn: (sql: Sql) => Promise<T>) => t.db.asOwner(fn);

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  describe('tables × verbs × roles', () => {
    it.each(tableCells)('$name', async ({ role, sql, params, given, expected }) => {
      const actual = given ? await attemptFrom(t.db, role, given, sql, params) : await attempt(t.db, role, sql, params);
      expect(matches(actual, expected), `got ${show(actual)}`).toBe(true);
    });
  });

  describe('API functions × roles', () => {
    it.each(functionCells)('$name', async ({ role, sql, params, given, expected }) => {
      const actual = given ? await attemptFrom(t.db, role, given, sql, params) : await attempt(t.db, role, sql, params);
      expect(matches(actual, expected), `got ${show(actual)}`).toBe(true);
    });
  });

  describe('column tampering leaves the values alone', () => {
    it("a student cannot make themselves admin, and the role stays 'student'", async () => {
      const err = await failure(
        t,
        'student',
        `update public.profiles set role = 'admin' where id = (select auth.uid())`,
      );
      expect(err.code).toBe('42501');
      const [row] = await owner((sql) =>
        sql.query<{ role: string }>('select role from public.profiles where id = $1', [USER.student]),
      );
      expect(row?.role).toBe('student');
    });

    it('a student cannot set their own enrollment status or progress', async () => {
      const before = await owner((sql) =>
        sql.query('select status, progress_percentage::text as p from public.enrollments where user_id = $1', [
          USER.student,
        ]),
      );
      expect(
        await attempt(t.db, 'student', 'select tests.affected($1) as n', [
          `update public.enrollments set status = 'completed', progress_percentage = 100, completed_lessons = 3
           where user_id = (select auth.uid())`,
        ]),
      ).toBe(0);
      const after = await owner((sql) =>
        sql.query('select status, progress_percentage::text as p from public.enrollments where user_id = $1', [
          USER.student,
        ]),
      );
      expect(after).toEqual(before);
      expect(before).toEqual([{ status: 'active', p: '33.33' }]);
    });

    it('a student cannot insert or update their own lesson_progress', async () => {
      const insert = await failure(
        t,
        'student',
        `insert into public.lesson_progress (user_id, lesson_id, course_id, status, is_completed)
         values ((select auth.uid()), $1, $2, 'completed', true)`,
        [LESSON.freeOpen, COURSE.free],
      );
      expect(insert.code).toBe('42501');
      expect(
        await attempt(t.db, 'student', 'select tests.affected($1) as n', [
          `update public.lesson_progress set is_completed = true, lesson_id = '${LESSON.freeDrip}'
           where user_id = (select auth.uid())`,
        ]),
      ).toBe(0);
    });

    it('an instructor cannot set rating_average or enrollment_count, nor publish their own course', async () => {
      for (const set of [
        'rating_average = 5',
        'rating_count = 99',
        'enrollment_count = 1000',
        'published_at = now()',
      ]) {
        const err = await failure(t, 'instructor', `update public.courses set ${set} where id = $1`, [COURSE.free]);
        expect(err.code, set).toBe('42501');
      }
      const publish = await failure(t, 'instructor', `update public.courses set status = 'published' where id = $1`, [
        COURSE.draft,
      ]);
      expect(publish.code).toBe('42501');
      const [course] = await owner((sql) =>
        sql.query<{ status: string; enrollment_count: number }>(
          'select status, enrollment_count from public.courses where id = $1',
          [COURSE.draft],
        ),
      );
      expect(course).toEqual({ status: 'draft', enrollment_count: 0 });
    });
  });

  describe('the course status machine', () => {
    it('stops the walk published → archived → draft → delete, so learners keep their enrollments', async () => {
      const walk: string[] = [];
      const stop = await t.db
        .asCaller(callerOf('instructor'), async (sql) => {
          for (const step of ["set status = 'archived'", "set status = 'draft'"]) {
            await sql.query(`update public.courses ${step} where id = $1`, [COURSE.free]);
            walk.push(step);
          }
          await sql.query('delete from public.courses where id = $1', [COURSE.free]);
          walk.push('delete');
        })
        .catch((error: { code?: string }) => error.code);
      expect(walk).toEqual(["set status = 'archived'"]);
      expect(stop).toBe('42501');
      const [row] = await owner((sql) =>
        sql.query<{ n: number }>('select count(*)::int as n from public.enrollments where course_id = $1', [
          COURSE.free,
        ]),
      );
      expect(row?.n).toBe(3);
    });
  });

  describe('the API functions', () => {
    it('refuses anon with permission denied', async () => {
      for (const text of ['select public.enroll_in_free_course($1)', 'select public.complete_lesson($1)']) {
        const err = await failure(t, 'anon', text, [text.includes('enroll') ? COURSE.free : LESSON.freePreview]);
        expect(err.code).toBe('42501');
        expect(err.message).toMatch(/permission denied for function/);
      }
    });

    it('refuses to enroll in the paid course with hint payment_required', async () => {
      const err = await failure(t, 'student', 'select public.enroll_in_free_course($1)', [COURSE.paid]);
      expect(err.code).toBe('P0001');
      expect(err.hint).toBe('payment_required');
    });

    it('refuses complete_lesson on a course the caller is not enrolled in (42501)', async () => {
      const err = await failure(t, 'student', 'select public.complete_lesson($1)', [LESSON.paidOpen]);
      expect(err.code).toBe('42501');
    });

    it('keeps owner-only helpers away from callers', async () => {
      for (const role of ['anon', 'student'] as const) {
        const err = await failure(t, role, 'select private.recompute_enrollment($1, $2)', [USER.student, COURSE.free]);
        expect(err.code, role).toBe('42501');
      }
    });
  });

  describe('company admins', () => {
    it("read their employee's enrollments and progress in the courses acme assigned, and no one else's", async () => {
      const seen = await t.db.asCaller(callerOf('companyAdmin'), async (sql) => ({
        enrollments: await sql.query<{ user_id: string; course_id: string }>(
          'select distinct user_id, course_id from public.enrollments',
        ),
        progress: await sql.query<{ user_id: string }>('select distinct user_id from public.lesson_progress'),
      }));
      // The employee's free-course enrollment and progress are their own: acme assigned the paid course only.
      expect(seen.enrollments).toEqual([{ user_id: USER.employee, course_id: COURSE.paid }]);
      expect(seen.progress).toEqual([]);
    });
  });

  describe('completion', () => {
    it('completing every published lesson marks the enrollment completed at 100%', async () => {
      const sentinel = new Error('roll back');
      const steps = await t.db
        .asCaller(callerOf('employee'), async (sql) => {
          const done = [];
          for (const lesson of [LESSON.paidPreview, LESSON.paidOpen]) {
            const [row] = await sql.query<Record<string, unknown>>(
              `select status, progress_percentage::text as p, completed_lessons, total_lessons,
                      completed_at is not null as has_completed_at
               from public.complete_lesson($1)`,
              [lesson],
            );
            done.push(row);
          }
          throw Object.assign(sentinel, { done });
        })
        .catch((error: unknown) => {
          if (error !== sentinel) throw error;
          return (error as Error & { done: unknown[] }).done;
        });
      expect(steps).toEqual([
        { status: 'active', p: '50.00', completed_lessons: 1, total_lessons: 2, has_completed_at: false },
        { status: 'completed', p: '100.00', completed_lessons: 2, total_lessons: 2, has_completed_at: true },
      ]);
    });

    it('counts drip-locked lessons but not drafts, so the free course stays active', async () => {
      const sentinel = new Error('roll back');
      const row = await t.db
        .asCaller(callerOf('student'), async (sql) => {
          const [r] = await sql.query<Record<string, unknown>>(
            `select status, progress_percentage::text as p, completed_lessons, total_lessons
             from public.complete_lesson($1)`,
            [LESSON.freeOpen],
          );
          throw Object.assign(sentinel, { r });
        })
        .catch((error: unknown) => {
          if (error !== sentinel) throw error;
          return (error as Error & { r: unknown }).r;
        });
      expect(row).toEqual({ status: 'active', p: '66.67', completed_lessons: 2, total_lessons: 3 });
    });
  });

  it('covers every verb for every table it lists', () => {
    for (const table of new Set(MATRIX.map((c) => c.table))) {
      for (const verb of VERBS)
        expect(
          MATRIX.some((c) => c.table === table && c.verb === verb),
          `${table} ${verb}`,
        ).toBe(true);
    }
  });
});
