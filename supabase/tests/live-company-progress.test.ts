import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { COMPANY, COURSE, seedFixtures, USER } from './fixtures.ts';

/**
 * Live company progress (supabase/migrations/20261126000300) on PGlite and PostgreSQL: when an
 * employee's progress in a course the company assigned moves, a quiz attempt is submitted or a
 * certificate issued, the company's admins get one broadcast on `company:<id>` per statement
 * saying what to read again; a course the employee took privately sends nothing; and the topic
 * is open to the company's active admins only.
 */

type Message = { topic: string; event: string; private: boolean; payload: { changes: Record<string, string>[] } };

describe.each(engines())('live company progress on %s', (engine) => {
  let t: TestDatabase;
  const owner = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.db.asOwner((sql) => sql.query<T>(text, params));
  const acmeTopic = `company:${COMPANY.acme}`;
  const messages = () =>
    owner<Message>(
      `select topic, event, private, payload from realtime.messages where topic like 'company:%' order by inserted_at, id`,
    );

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
    // The fixtures: Acme assigned the paid course to its employee; the free course the employee took alone.
    const assigned = await owner<{ course_id: string }>(
      'select course_id from public.company_assignments where company_id = $1 and user_id = $2 and unassigned_at is null',
      [COMPANY.acme, USER.employee],
    );
    expect(assigned.map((a) => a.course_id)).toEqual([COURSE.paid]);
  });
  afterAll(() => t?.drop());

  it('sends one message per statement to the assigning company when progress moves', async () => {
    await owner('delete from realtime.messages');
    await owner(
      `update public.enrollments set progress_percentage = 50, completed_lessons = 1
       where user_id = $1 and course_id in ($2, $3)`,
      [USER.employee, COURSE.paid, COURSE.free],
    );
    const sent = await messages();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ topic: acmeTopic, event: 'progress', private: true });
    // The private course is not in it.
    expect(sent[0]!.payload.changes).toEqual([{ userId: USER.employee, courseId: COURSE.paid, kind: 'progress' }]);
  });

  it('sends nothing when nothing the admin sees moved, or for a private course', async () => {
    await owner('delete from realtime.messages');
    await owner('update public.enrollments set last_activity_at = now() where user_id = $1', [USER.employee]);
    await owner('update public.enrollments set progress_percentage = 70 where user_id = $1 and course_id = $2', [
      USER.employee,
      COURSE.free,
    ]);
    expect(await messages()).toEqual([]);
  });

  it('tells the company of an issued certificate, and forgets an unassigned course', async () => {
    await owner('delete from realtime.messages');
    await owner(
      `insert into public.certificates (user_id, course_id, code, code_sha256, learner_name, course_title, instructor_name)
       values ($1, $2, 'ABCD-0123-4567-89AB-CDEF-0123', sha256('x'::bytea), 'Employee', 'Paid course', 'Instructor')`,
      [USER.employee, COURSE.paid],
    );
    const sent = await messages();
    expect(sent.map((m) => m.payload.changes[0]!.kind)).toEqual(['certificate']);

    await owner('update public.company_assignments set unassigned_at = now() where user_id = $1', [USER.employee]);
    await owner('delete from realtime.messages');
    await owner('update public.enrollments set progress_percentage = 90 where user_id = $1 and course_id = $2', [
      USER.employee,
      COURSE.paid,
    ]);
    expect(await messages()).toEqual([]);
  });

  it('opens the company topic to its active admins only', async () => {
    const topics = (user: string) =>
      t.db.asCaller(
        { role: 'authenticated', claims: { sub: user, role: 'authenticated', aud: 'authenticated' } },
        (sql) =>
          sql.query<{ t: string }>(`select t from private.my_readable_realtime_topics() t where t like 'company:%'`),
      );
    expect((await topics(USER.companyAdmin)).map((r) => r.t)).toEqual([acmeTopic]);
    expect(await topics(USER.employee)).toEqual([]);
    await owner(`update public.company_members set status = 'removed', removed_at = now() where user_id = $1`, [
      USER.companyAdmin,
    ]);
    expect(await topics(USER.companyAdmin)).toEqual([]);
    await owner(`update public.company_members set status = 'active', removed_at = null where user_id = $1`, [
      USER.companyAdmin,
    ]);
  });
});
