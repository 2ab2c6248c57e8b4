import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { callerOf, type Role, seedFixtures, USER } from './fixtures.ts';
import { SUBMISSION } from './fixtures-learning.ts';

/**
 * Notification preferences (supabase/migrations/20261129000200, docs/notifications.md) on PGlite
 * and PostgreSQL: the defaults, the trigger every sender passes through (bell row dropped, mail
 * request queued), the host's queue claim (skip locked), digests and unsubscribe. The RLS matrix
 * (matrix.ts) covers the two public tables per role and verb.
 */

// biome-ignore lint/suspicious/noExplicitAny: rows read loosely in assertions
type Json = Record<string, any>;

describe.each(engines())('notification preferences on %s', (engine) => {
  let t: TestDatabase;
  const owner = <T = Json>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const as = <T = Json>(role: Role, text: string, params: unknown[] = []) =>
    t.db.asCaller(callerOf(role), (sql: Sql) => sql.query<T>(text, params));
  const notify = (user: string, kind: string, title = 'Hello') =>
    owner(
      "insert into public.notifications (user_id, kind, title, body, link) values ($1, $2, $3, 'Body', '/x') returning id",
      [user, kind, title],
    );
  const requests = (user: string) =>
    owner<{ template: string; vars: Json }>(
      'select template, vars from private.mail_requests where user_id = $1 order by id',
      [user],
    );
  const bell = (user: string, kind: string) =>
    owner('select id from public.notifications where user_id = $1 and kind = $2', [user, kind]);

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });
  beforeEach(async () => {
    await owner('delete from private.mail_requests');
    await owner('delete from private.notification_digests');
    await owner('delete from public.notification_preferences');
    await owner('delete from public.notification_settings');
  });

  it('applies the defaults without rows: bell on, email for learning, grades and live only', async () => {
    for (const kind of ['announcement', 'system', 'grade_posted', 'certificate_issued', 'session_starting'])
      await notify(USER.otherInstructor, kind, `t-${kind}`);
    const mails = await requests(USER.otherInstructor);
    expect(mails.map((m) => m.vars.kind)).toEqual(['grade_posted', 'certificate_issued', 'session_starting']);
    expect(mails[0]).toEqual({
      template: 'notification',
      vars: { kind: 'grade_posted', title: 't-grade_posted', body: 'Body', link: '/x' },
    });
    expect(await bell(USER.otherInstructor, 'announcement')).toHaveLength(1);
    expect(await bell(USER.otherInstructor, 'system')).toHaveLength(1);
  });

  it('drops the bell row of a graded assignment for a learner who turned grades in-app off', async () => {
    await as(
      'student',
      "insert into public.notification_preferences (user_id, category, in_app, email) values ($1, 'grades', false, false)",
      [USER.student],
    );
    const [row] = await as(
      'instructor',
      `select status from public.grade_submission($1, null, '{"clarity": 30, "accuracy": 50}'::jsonb, 'Good')`,
      [SUBMISSION.student],
    );
    expect(row!.status).toBe('graded');
    expect(await bell(USER.student, 'grade_posted')).toEqual([]);
    expect(await requests(USER.student)).toEqual([]);
  });

  it('queues a mail when email is on and none when it is off, whatever the bell says', async () => {
    await as(
      'otherStudent',
      `insert into public.notification_preferences (user_id, category, in_app, email) values
         ($1, 'announcements', false, true), ($1, 'live', true, false)`,
      [USER.otherStudent],
    );
    await notify(USER.otherStudent, 'announcement');
    await notify(USER.otherStudent, 'session_changed');
    expect((await requests(USER.otherStudent)).map((m) => m.vars.kind)).toEqual(['announcement']);
    expect(await bell(USER.otherStudent, 'announcement')).toEqual([]);
    expect(await bell(USER.otherStudent, 'session_changed')).toHaveLength(1);
  });

  it('never lets account notices leave the bell, and essential-only stops every notification mail', async () => {
    const denied = await as(
      'employee',
      "insert into public.notification_preferences (user_id, category, in_app, email) values ($1, 'account', false, true)",
      [USER.employee],
    ).catch((error: { code?: string }) => error.code);
    expect(denied).toBe('23514');
    await as('employee', 'insert into public.notification_settings (user_id, essential_only) values ($1, true)', [
      USER.employee,
    ]);
    await notify(USER.employee, 'grade_posted');
    await notify(USER.employee, 'system');
    expect(await requests(USER.employee)).toEqual([]);
    expect(await bell(USER.employee, 'system')).toHaveLength(1);
  });

  it('claims unqueued requests oldest first, marks them, and skips rows another claimer holds', async () => {
    for (const title of ['one', 'two', 'three']) await notify(USER.otherInstructor, 'grade_posted', title);
    if (engine === 'postgres') {
      // A second connection holds the oldest request: the claim skips it instead of waiting.
      await t.db.asOwner(async (outer) => {
        await outer.query('select id from private.mail_requests order by id limit 1 for update');
        const claimed = await new Promise<Json[]>((resolve, reject) => {
          t.db.asOwner((sql) => sql.query('select vars from private.claim_mail_requests(5)')).then(resolve, reject);
        });
        expect(claimed.map((r) => r.vars.title)).toEqual(['two', 'three']);
      });
      const rest = await owner('select vars from private.claim_mail_requests(5)');
      expect(rest.map((r) => r.vars.title)).toEqual(['one']);
    } else {
      const first = await owner('select vars, queued_at from private.claim_mail_requests(2) order by id');
      expect(first.map((r) => r.vars.title)).toEqual(['one', 'two']);
      expect(first.every((r) => r.queued_at !== null)).toBe(true);
      const rest = await owner('select vars from private.claim_mail_requests(5)');
      expect(rest.map((r) => r.vars.title)).toEqual(['three']);
    }
    expect(await owner('select * from private.claim_mail_requests(5)')).toEqual([]);
  });

  it('collects a digest of unread notifications when due, and not again before its period', async () => {
    await owner('update public.notifications set read_at = now() where user_id = $1 and read_at is null', [
      USER.otherInstructor,
    ]);
    await owner(
      `insert into public.notification_settings (user_id, digest) values ($1, 'daily'), ($2, 'weekly'), ($3, 'off')`,
      [USER.otherInstructor, USER.instructor, USER.admin],
    );
    await owner('delete from private.mail_requests');
    await notify(USER.otherInstructor, 'announcement', 'Unread news');
    await notify(USER.otherInstructor, 'announcement', 'Read news');
    await owner("update public.notifications set read_at = now() where title = 'Read news'");
    await notify(USER.instructor, 'announcement', 'Weekly news');

    const made = await owner<{ n: number }>('select private.collect_digests(now()) as n');
    const digests = await owner<{ user_id: string; vars: Json }>(
      "select user_id, vars from private.mail_requests where template = 'digest' order by user_id",
    );
    const mine = digests.find((d) => d.user_id === USER.otherInstructor)!;
    expect(mine.vars.period).toBe('daily');
    expect(mine.vars.items.map((i: Json) => i.title)).toEqual(['Unread news']);
    expect(mine.vars.items[0]).toMatchObject({ body: 'Body', link: '/x' });
    expect(digests.some((d) => d.user_id === USER.admin)).toBe(false);
    expect(made[0]!.n).toBe(digests.length);

    // Not due an hour later; due again a day later (nothing new: no mail, the time still moves on).
    expect((await owner<{ n: number }>("select private.collect_digests(now() + interval '1 hour') as n"))[0]!.n).toBe(
      0,
    );
    await notify(USER.otherInstructor, 'announcement', 'Later news');
    const later = await owner<{ n: number }>("select private.collect_digests(now() + interval '25 hours') as n");
    expect(later[0]!.n).toBe(1);
    const [last] = await owner(
      "select vars from private.mail_requests where template = 'digest' and user_id = $1 order by id desc limit 1",
      [USER.otherInstructor],
    );
    expect(last!.vars.items.map((i: Json) => i.title)).toEqual(['Later news']);
    // The weekly one went out with the first run, is not due after a day (later made only 1), and is after 8 days.
    const weekly = (at: string) =>
      owner<{ vars: Json }>(
        `select vars from private.mail_requests where template = 'digest' and user_id = $1 and created_at <= ${at} order by id`,
        [USER.instructor],
      );
    expect((await weekly('now()')).map((d) => d.vars.period)).toEqual(['weekly']);
    await notify(USER.instructor, 'announcement', 'Week two');
    const eightDays = await owner<{ n: number }>("select private.collect_digests(now() + interval '8 days') as n");
    expect(eightDays[0]!.n).toBe(1);
    const both = await weekly('now()');
    expect(both.map((d) => d.vars.items.map((i: Json) => i.title))).toEqual([['Weekly news'], ['Week two']]);
  });

  it('unsubscribes a category, everything, or the digest; ignores newsletter; refuses the unknown', async () => {
    await owner("select private.unsubscribe($1, 'grades')", [USER.otherStudent]);
    await notify(USER.otherStudent, 'grade_posted');
    expect(await requests(USER.otherStudent)).toEqual([]);
    const [pref] = await owner('select in_app, email from public.notification_preferences where user_id = $1', [
      USER.otherStudent,
    ]);
    expect(pref).toEqual({ in_app: true, email: false });

    await owner("insert into public.notification_settings (user_id, digest) values ($1, 'weekly')", [USER.student]);
    await owner("select private.unsubscribe($1, 'digest')", [USER.student]);
    await owner("select private.unsubscribe($1, 'newsletter')", [USER.student]);
    expect(
      await owner('select digest, essential_only from public.notification_settings where user_id = $1', [USER.student]),
    ).toEqual([{ digest: 'off', essential_only: false }]);
    await owner("select private.unsubscribe($1, 'all')", [USER.student]);
    await notify(USER.student, 'certificate_issued');
    expect(await requests(USER.student)).toEqual([]);

    const hint = await owner("select private.unsubscribe($1, 'spam')", [USER.student]).catch(
      (error: { hint?: string }) => error.hint,
    );
    expect(hint).toBe('422:unknown_category');
  });

  it('lets no request role call the host functions', async () => {
    for (const fn of [
      'private.claim_mail_requests(1)',
      'private.collect_digests(now())',
      `private.unsubscribe('${USER.student}', 'all')`,
    ]) {
      const code = await as('admin', `select ${fn}`).catch((error: { code?: string }) => error.code);
      expect(code).toBe('42501');
    }
  });
});
