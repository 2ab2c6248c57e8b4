import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../edge/db/port.ts';
import { authorize } from '../../server/realtime/authorize.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { COURSE, callerOf, type Role, type SignedInRole, seedFixtures, USER } from './fixtures.ts';
import { AUDIT } from './fixtures-admin.ts';

/**
 * People and the audit log (supabase/migrations/20261128000100, docs/admin.md) on PGlite and
 * PostgreSQL: only admins list people, change roles, suspend and restore; each change writes
 * exactly one audit entry in its own transaction, a refused one none; a suspended account's
 * requests are refused when its role and claims are set; the audit log is never edited.
 */

type Row = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: answers are JSON, read loosely in assertions
type Json = Record<string, any>;
type Failure = { code?: string; hint?: string; message: string };

const SIGNED_IN: SignedInRole[] = [
  'student',
  'otherStudent',
  'instructor',
  'otherInstructor',
  'companyAdmin',
  'employee',
];

describe.each(engines())('admin people and audit log on %s', (engine) => {
  let t: TestDatabase;

  const owner = <T = Row>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const as = <T = Row>(role: Role, text: string, params: unknown[] = []) =>
    t.db.asCaller(callerOf(role), (sql: Sql) => sql.query<T>(text, params));
  const call = async (role: Role, fn: string, args: unknown[]): Promise<Json> => {
    const rows = await as<{ r: Json }>(
      role,
      `select public.${fn}(${args.map((_, i) => `$${i + 1}`).join(', ')}) as r`,
      args,
    );
    return rows[0]!.r;
  };
  const hint = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      const f = error as Failure;
      return f.hint || f.code || f.message;
    }
    throw new Error('expected a failure');
  };
  const audits = async (action: string) =>
    (
      await owner<{ n: number }>('select count(*)::int as n from public.admin_audit_log where action = $1', [action])
    )[0]!.n;

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  }, 120_000);
  afterAll(() => t?.drop());

  it('lists people for admins only: search by name or email (wildcards literal), role, status, page', async () => {
    expect(await hint(() => as('anon', "select * from public.admin_list_users('', null, null, 25, 0)"))).toBe('42501');
    for (const role of SIGNED_IN) {
      expect(await hint(() => as(role, "select * from public.admin_list_users('', null, null, 25, 0)")), role).toBe(
        '403:not_admin',
      );
    }
    const list = (search: string, role: string | null, status: string | null, limit = 25, offset = 0) =>
      as<{ id: string; total: number; enrollments: number }>(
        'admin',
        'select * from public.admin_list_users($1, $2::public.app_role, $3, $4, $5)',
        [search, role, status, limit, offset],
      );
    const all = await list('', null, null);
    expect(all).toHaveLength(7);
    expect(all[0]!.total).toBe(7);
    const employee = all.find((r) => r.id === USER.employee)!;
    expect(employee.enrollments).toBe(2);
    expect((await list('EMPLOYEE@example', null, null)).map((r) => r.id)).toEqual([USER.employee]);
    expect((await list('otherInstructor', null, null)).map((r) => r.id)).toEqual([USER.otherInstructor]);
    expect(await list('%', null, null)).toEqual([]);
    expect(await list('_', null, null)).toEqual([]);
    expect((await list('', 'instructor', null)).map((r) => r.id).sort()).toEqual(
      [USER.instructor, USER.otherInstructor].sort(),
    );
    expect(await list('', null, 'suspended')).toEqual([]);
    const page = await list('', null, 'active', 2, 2);
    expect(page.map((r) => r.total)).toEqual([7, 7]);
    expect(await hint(() => list('', null, 'gone'))).toBe('400:invalid_status');
    expect(await hint(() => list('', null, null, 500))).toBe('400:invalid_page');
    expect(await hint(() => list('', null, null, 25, -1))).toBe('400:invalid_page');
  });

  it('changes a role with one audit entry; a refused change leaves none', async () => {
    const before = await audits('user.role_change');
    for (const role of SIGNED_IN) {
      expect(await hint(() => call(role, 'admin_set_user_role', [USER.student, 'admin'])), role).toBe('403:not_admin');
    }
    expect(await hint(() => call('anon', 'admin_set_user_role', [USER.student, 'admin']))).toBe('42501');
    expect(await hint(() => call('admin', 'admin_set_user_role', [USER.admin, 'student']))).toBe(
      '409:cannot_demote_self',
    );
    // Nor by a direct update (the guard trigger holds for every path).
    expect(
      await hint(() => as('admin', `update public.profiles set role = 'student' where id = $1`, [USER.admin])),
    ).toBe('409:cannot_demote_self');
    expect(
      await hint(() => call('admin', 'admin_set_user_role', ['00000000-0000-4000-8000-0000000000ff', 'admin'])),
    ).toBe('P0002');
    expect(await audits('user.role_change')).toBe(before);

    expect(await call('admin', 'admin_set_user_role', [USER.companyAdmin, 'instructor'])).toEqual({
      id: USER.companyAdmin,
      role: 'instructor',
    });
    const [card] = await owner<{ display_name: string }>(
      'select display_name from public.instructors where user_id = $1',
      [USER.companyAdmin],
    );
    expect(card?.display_name).toBe('companyAdmin');
    const [entry] = await owner<Json>(
      `select actor_id, target_type, target_id, details from public.admin_audit_log
        where action = 'user.role_change' and target_id = $1`,
      [USER.companyAdmin],
    );
    expect(entry).toEqual({
      actor_id: USER.admin,
      target_type: 'user',
      target_id: USER.companyAdmin,
      details: { from: 'student', to: 'instructor' },
    });
    expect(await audits('user.role_change')).toBe(before + 1);
    // The same role again: no change, no entry; back to student keeps the card (courses refer to it).
    await call('admin', 'admin_set_user_role', [USER.companyAdmin, 'instructor']);
    expect(await audits('user.role_change')).toBe(before + 1);
    await call('admin', 'admin_set_user_role', [USER.companyAdmin, 'student']);
    expect(await audits('user.role_change')).toBe(before + 2);
    expect(await owner('select 1 from public.instructors where user_id = $1', [USER.companyAdmin])).toHaveLength(1);
  });

  it("suspends: bans in auth, ends the user's sessions, refuses their token at once; restores", async () => {
    await owner(
      `insert into auth.sessions (id, user_id, created_at, updated_at) values (gen_random_uuid(), $1, now(), now())`,
      [USER.otherStudent],
    );
    for (const role of SIGNED_IN) {
      expect(await hint(() => call(role, 'admin_suspend_user', [USER.otherStudent, 'spam'])), role).toBe(
        '403:not_admin',
      );
    }
    expect(await hint(() => call('admin', 'admin_suspend_user', [USER.otherStudent, '  ']))).toBe('400:invalid_reason');
    expect(await hint(() => call('admin', 'admin_suspend_user', [USER.admin, 'test']))).toBe('409:cannot_suspend_self');
    expect(await audits('user.suspend')).toBe(0);

    const out = await call('admin', 'admin_suspend_user', [USER.otherStudent, ' Spam in Q&A ']);
    expect(out).toMatchObject({ id: USER.otherStudent, reason: 'Spam in Q&A' });
    expect(await audits('user.suspend')).toBe(1);
    const [auth] = await owner<{ banned: boolean; sessions: number }>(
      `select u.banned_until > now() + interval '50 years' as banned,
              (select count(*)::int from auth.sessions s where s.user_id = u.id) as sessions
         from auth.users u where u.id = $1`,
      [USER.otherStudent],
    );
    expect(auth).toEqual({ banned: true, sessions: 0 });
    expect(await hint(() => as('otherStudent', 'select 1'))).toBe('401:account_suspended');
    // Realtime: their private channels (notifications) are refused on join and on a token refresh.
    const topic = `user:${USER.otherStudent}`;
    const none = { read: false, write: false };
    expect(await authorize(t.db, { kind: 'caller', caller: callerOf('otherStudent') }, topic)).toEqual({
      broadcast: none,
      presence: none,
    });
    expect(await hint(() => call('admin', 'admin_suspend_user', [USER.otherStudent, 'again']))).toBe(
      '409:already_suspended',
    );
    // Others are untouched.
    expect(await as('student', 'select 1 as n')).toEqual([{ n: 1 }]);
    expect(await as('anon', 'select 1 as n')).toEqual([{ n: 1 }]);

    for (const role of SIGNED_IN.filter((r) => r !== 'otherStudent')) {
      expect(await hint(() => call(role, 'admin_restore_user', [USER.otherStudent])), role).toBe('403:not_admin');
    }
    expect(await call('admin', 'admin_restore_user', [USER.otherStudent])).toMatchObject({ suspendedAt: null });
    expect(await as('otherStudent', 'select 1 as n')).toEqual([{ n: 1 }]);
    expect(
      (await authorize(t.db, { kind: 'caller', caller: callerOf('otherStudent') }, `user:${USER.otherStudent}`))
        .broadcast.read,
    ).toBe(true);
    const [lifted] = await owner<{ banned_until: unknown }>('select banned_until from auth.users where id = $1', [
      USER.otherStudent,
    ]);
    expect(lifted?.banned_until).toBeNull();
    expect(await hint(() => call('admin', 'admin_restore_user', [USER.otherStudent]))).toBe('409:not_suspended');
    expect(await audits('user.restore')).toBe(1);
  });

  it('audits course decisions and review visibility in their own transaction', async () => {
    await owner(`update public.courses set status = 'pending_review' where id = $1`, [COURSE.draft]);
    // A refused decision (no reason for a rejection) leaves no entry.
    expect(await hint(() => call('admin', 'decide_course_review', [COURSE.draft, false, '']))).toBe(
      '422:invalid_reason',
    );
    expect(await audits('course.reject')).toBe(1); // the fixture's
    await call('admin', 'decide_course_review', [COURSE.draft, false, 'Add exercises.']);
    expect(await audits('course.reject')).toBe(2);

    const [review] = await owner<{ id: string }>('select id from public.reviews where not is_hidden limit 1');
    await as('admin', 'update public.reviews set is_hidden = true where id = $1', [review!.id]);
    await as('admin', 'update public.reviews set is_hidden = false where id = $1', [review!.id]);
    expect([await audits('review.hide'), await audits('review.restore')]).toEqual([1, 1]);
    // An instructor may not hide: refused, nothing written.
    expect(
      await hint(() => as('instructor', 'update public.reviews set is_hidden = true where id = $1', [review!.id])),
    ).toBe('42501');
    expect(await audits('review.hide')).toBe(1);
  });

  it('admins read the audit log; nobody edits it, not even the owner', async () => {
    const [seen] = await as<{ n: number }>('admin', 'select count(*)::int as n from public.admin_audit_log');
    const [all] = await owner<{ n: number }>('select count(*)::int as n from public.admin_audit_log');
    expect(seen!.n).toBe(all!.n);
    for (const role of SIGNED_IN) {
      expect(await as(role, 'select * from public.admin_audit_log'), role).toEqual([]);
    }
    expect(await hint(() => as('admin', `delete from public.admin_audit_log`))).toBe('42501');
    expect(
      await hint(() => owner(`update public.admin_audit_log set details = '{}' where id = $1`, [AUDIT.roleChange])),
    ).toBe('409:audit_log_immutable');
    expect(await hint(() => owner(`delete from public.admin_audit_log where id = $1`, [AUDIT.roleChange]))).toBe(
      '409:audit_log_immutable',
    );
    expect(await hint(() => as('admin', `select private.audit('user.suspend', 'user', null, '{}')`))).toBe('42501');
  });
});
