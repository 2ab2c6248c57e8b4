import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentAccess } from '../../server/yjs/access.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { callerOf, LESSON, ROLES, type Role, seedFixtures, USER } from './fixtures.ts';

/**
 * Shared notes (migration 20261126000200): who opens which Yjs document, read or write, as the
 * server asks before an upgrade (private.yjs_document_access as the caller, server/yjs/access.ts),
 * and cohort note locks (public.set_cohort_note_lock, managers only; participants read the lock).
 */

type Access = Partial<Record<Role, 'write' | 'read'>>;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const LEARNERS_WRITE: Access = {
  student: 'write',
  otherStudent: 'write',
  instructor: 'write',
  admin: 'write',
  employee: 'write',
};

const DOCUMENTS: Record<string, { unlocked: Access; locked?: Access }> = {
  // the free course's open lesson: its learners and managers; locked, learners read only
  [`cohort-note:${LESSON.freeOpen}`]: {
    unlocked: LEARNERS_WRITE,
    locked: { student: 'read', otherStudent: 'read', instructor: 'write', admin: 'write', employee: 'read' },
  },
  // a lesson learners cannot open yet (drip) or at all (draft): its managers only
  [`cohort-note:${LESSON.freeDrip}`]: { unlocked: { instructor: 'write', admin: 'write' } },
  [`cohort-note:${LESSON.freeDraft}`]: { unlocked: { instructor: 'write', admin: 'write' } },
  // the paid course: the employee holds a seat
  [`cohort-note:${LESSON.paidOpen}`]: { unlocked: { instructor: 'write', admin: 'write', employee: 'write' } },
  // a private note: its owner only, who must be able to open the lesson (a lock changes nothing)
  [`note:${LESSON.freeOpen}:${USER.student}`]: { unlocked: { student: 'write' }, locked: { student: 'write' } },
  [`note:${LESSON.freeOpen}:${USER.instructor}`]: { unlocked: { instructor: 'write' } },
  [`note:${LESSON.freeOpen}:${USER.companyAdmin}`]: { unlocked: {} },
  [`note:${LESSON.paidOpen}:${USER.student}`]: { unlocked: {} },
  // no such lesson, and names of no document kind
  [`cohort-note:${UNKNOWN}`]: { unlocked: {} },
  [`note:${LESSON.freeOpen}`]: { unlocked: {} },
  [`cohort-note:${LESSON.freeOpen}\n`]: { unlocked: {} },
  'cohort-note:not-a-uuid': { unlocked: {} },
};

type Failure = { code?: string; hint?: string; message: string };

describe.each(engines())('shared notes access on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const setLock = (sql: string) => t.db.asOwner((s) => s.query(sql, [LESSON.freeOpen, USER.instructor]));
  const lock = (role: Role, lesson: string, locked: boolean) =>
    t.db.asCaller(callerOf(role), (sql) =>
      sql.query<{ r: { lessonId: string; locked: boolean; lockedAt: string | null } }>(
        'select public.set_cohort_note_lock($1, $2) as r',
        [lesson, locked],
      ),
    );
  const failure = (run: () => Promise<unknown>) =>
    run().then(
      () => 'ok',
      (err: Failure) => err.hint || err.code || err.message,
    );

  for (const [document, expected] of Object.entries(DOCUMENTS)) {
    const label = document.replace(/[0-9a-fA-F-]{36}/g, '<id>');
    it(`${label}: ${JSON.stringify(expected)}`, async () => {
      for (const [state, access] of Object.entries(expected)) {
        await setLock(
          state === 'locked'
            ? 'insert into public.cohort_note_locks (lesson_id, locked_by) values ($1, $2) on conflict do nothing'
            : 'delete from public.cohort_note_locks where lesson_id = $1 and $2::uuid is not null',
        );
        for (const role of ROLES) {
          const got = await documentAccess(t.db, { kind: 'caller', caller: callerOf(role) }, document);
          expect(got, `${role} on ${document} (${state})`).toBe(access[role] ?? null);
        }
      }
      await setLock('delete from public.cohort_note_locks where lesson_id = $1 and $2::uuid is not null');
    });
  }

  it('the service role opens any document to write', async () => {
    expect(await documentAccess(t.db, { kind: 'service' }, `cohort-note:${UNKNOWN}`)).toBe('write');
  });

  it("the course's instructor and admins lock and unlock; learners get 403, strangers 404", async () => {
    const [locked] = await lock('instructor', LESSON.freeOpen, true);
    expect(locked!.r).toMatchObject({ lessonId: LESSON.freeOpen, locked: true });
    expect(locked!.r.lockedAt).toEqual(expect.any(String));
    // locking twice keeps the first lock
    const [again] = await lock('admin', LESSON.freeOpen, true);
    expect(again!.r.lockedAt).toBe(locked!.r.lockedAt);
    expect(await failure(() => lock('student', LESSON.freeOpen, false))).toBe('403:not_manager');
    expect(await failure(() => lock('otherInstructor', LESSON.freeOpen, false))).toBe('404:lesson_not_found');
    expect(await failure(() => lock('companyAdmin', LESSON.freeOpen, false))).toBe('404:lesson_not_found');
    expect(await failure(() => lock('admin', UNKNOWN, true))).toBe('404:lesson_not_found');
    expect(await failure(() => lock('anon', LESSON.freeOpen, true))).toBe('42501');

    // participants read the lock; others see nothing
    for (const role of ROLES.filter((r) => r !== 'anon')) {
      const rows = await t.db.asCaller(callerOf(role), (sql) => sql.query('select * from public.cohort_note_locks'));
      const sees = ['student', 'otherStudent', 'instructor', 'admin', 'employee'].includes(role);
      expect(rows.length, role).toBe(sees ? 1 : 0);
    }
    const [unlocked] = await lock('admin', LESSON.freeOpen, false);
    expect(unlocked!.r).toMatchObject({ locked: false, lockedAt: null });
    const [row] = await t.db.asOwner((sql) =>
      sql.query<{ n: number }>('select count(*)::int as n from public.cohort_note_locks'),
    );
    expect(row!.n).toBe(0);
  });

  it('nobody writes the locks table directly', async () => {
    for (const role of ROLES) {
      const code = await failure(() =>
        t.db.asCaller(callerOf(role), (sql) =>
          sql.query('insert into public.cohort_note_locks (lesson_id) values ($1)', [LESSON.freeOpen]),
        ),
      );
      expect(code, role).toBe('42501');
    }
  });
});
