import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { COURSE, callerOf, type Role, type SignedInRole, seedFixtures, USER } from './fixtures.ts';

/**
 * Live Q&A (supabase/migrations/20261126000100, docs/live-qa.md) on PGlite and PostgreSQL: who may
 * ask, vote, moderate and ban, slow mode, pre-moderation, what each role reads, and the broadcasts
 * the triggers send (rows in realtime.messages, as realtime.send writes them off Supabase).
 * Participants of the free course's sessions: the student, the other student, the employee
 * (enrolled), the instructor and admins (moderators); the other instructor and the company admin
 * are strangers.
 */

type Row = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: answers are JSON, read loosely in assertions
type Json = Record<string, any>;
type Failure = { code?: string; hint?: string; message: string };
type Message = { topic: string; event: string; private: boolean; payload: Json };

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe.each(engines())('live Q&A on %s', (engine) => {
  let t: TestDatabase;
  let session: string;
  let serial = 0;

  const owner = <T = Row>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const as = <T = Row>(role: Role, text: string, params: unknown[] = []) =>
    t.db.asCaller(callerOf(role), (sql: Sql) => sql.query<T>(text, params));
  const call = async (role: SignedInRole, fn: string, args: unknown[]): Promise<Json> => {
    const rows = await as<{ r: Json }>(
      role,
      `select public.${fn}(${args.map((_, i) => `$${i + 1}`).join(', ')}) as r`,
      args,
    );
    return rows[0]!.r;
  };
  async function failure(run: () => Promise<unknown>): Promise<Failure> {
    try {
      await run();
    } catch (error) {
      return error as Failure;
    }
    throw new Error('expected a failure');
  }
  const hint = async (run: () => Promise<unknown>) => {
    const f = await failure(run);
    return f.hint || f.code || f.message;
  };
  const ask = (role: SignedInRole, body: string, at = session) => call(role, 'ask_session_question', [at, body]);
  const moderate = (role: SignedInRole, question: string, action: string, answer?: string) =>
    call(role, 'moderate_session_question', answer === undefined ? [question, action] : [question, action, answer]);
  /** The broadcasts sent, transaction by transaction; within one, by topic and event. */
  const messages = async () => {
    const rows = await owner<Message & { at: string }>(
      `select topic, event, private, payload, inserted_at::text as at from realtime.messages
       where topic like 'session%' or event = 'session_ban'`,
    );
    const key = (m: Message & { at: string }) => `${m.at} ${m.topic} ${m.event}`;
    return rows.sort((a, b) => (key(a) < key(b) ? -1 : 1)).map(({ at: _, ...m }) => m);
  };

  /** A new session of the free course, with the settings given; realtime.messages emptied. */
  async function newSession(settings: { slow?: number; pre?: boolean; status?: string } = {}): Promise<string> {
    serial += 1;
    const id = `00000000-0000-4000-9500-${serial.toString().padStart(12, '0')}`;
    await owner(
      `insert into public.live_sessions (id, course_id, title, starts_at, created_by, slow_mode_seconds, pre_moderation, status)
       values ($1, $2, $3, now(), $4, $5, $6, $7)`,
      [
        id,
        COURSE.free,
        `Session ${serial}`,
        USER.instructor,
        settings.slow ?? 0,
        settings.pre ?? false,
        settings.status ?? 'live',
      ],
    );
    return id;
  }

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });
  beforeEach(async () => {
    session = await newSession();
    await owner('delete from realtime.messages');
  });

  it('answers a question in the documented shape and broadcasts it to participants and moderators', async () => {
    const q = await ask('student', '  What is a closure?\n');
    expect(q).toEqual({
      id: expect.any(String),
      sessionId: session,
      author: { id: USER.student, name: 'student' },
      body: 'What is a closure?',
      status: 'visible',
      pinned: false,
      answered: false,
      answer: null,
      answeredAt: null,
      votes: 0,
      createdAt: expect.stringMatching(ISO),
      mine: true,
    });
    const sent = await messages();
    expect(sent).toEqual([
      { topic: `session-mod:${session}`, event: 'question', private: true, payload: { ...q, mine: false } },
      { topic: `session:${session}`, event: 'question', private: true, payload: { ...q, mine: false } },
    ]);
  });

  it('lets participants ask and refuses strangers, ended sessions, banned users and bad bodies', async () => {
    for (const role of ['otherStudent', 'employee', 'instructor', 'admin'] as const) {
      expect((await ask(role, `From ${role}`)).status).toBe('visible');
    }
    for (const role of ['otherInstructor', 'companyAdmin'] as const) {
      expect(await hint(() => ask(role, 'Hi?'))).toBe('404:session_not_found');
    }
    expect(await hint(() => ask('student', 'Hi?', '00000000-0000-4000-9500-999999999999'))).toBe(
      '404:session_not_found',
    );
    expect((await failure(() => as('anon', 'select public.ask_session_question($1, $2)', [session, 'x']))).code).toBe(
      '42501',
    );
    expect(await hint(() => ask('student', ' \n\t '))).toBe('422:invalid_question');
    expect(await hint(() => ask('student', 'x'.repeat(501)))).toBe('422:invalid_question');
    expect((await ask('student', 'x'.repeat(500))).body).toHaveLength(500);

    await call('instructor', 'ban_session_user', [session, USER.student, 'spam']);
    expect(await hint(() => ask('student', 'Still here?'))).toBe('403:banned');

    const ended = await newSession({ status: 'ended' });
    expect(await hint(() => ask('otherStudent', 'Too late?', ended))).toBe('409:session_ended');
  });

  it('holds a learner to slow mode, says how long to wait, and exempts moderators', async () => {
    session = await newSession({ slow: 60 });
    await ask('student', 'First');
    const f = await failure(() => ask('student', 'Second'));
    expect(f.hint).toBe('429:slow_mode');
    expect(f.message).toMatch(/^slow mode: wait (59|60) seconds$/);
    // another learner is not slowed by the student's question
    expect((await ask('otherStudent', 'Mine')).status).toBe('visible');
    await ask('instructor', 'One');
    await ask('instructor', 'Two');
    // a minute later the student may ask again
    await owner(
      `update public.session_questions set created_at = created_at - interval '61 seconds'
       where session_id = $1 and author_id = $2`,
      [session, USER.student],
    );
    expect((await ask('student', 'Second')).body).toBe('Second');
  });

  it('holds learner questions for moderation, visible to moderators and the author only', async () => {
    session = await newSession({ pre: true });
    await owner('delete from realtime.messages');
    const q = await ask('student', 'Held?');
    expect(q.status).toBe('pending');
    expect((await ask('instructor', 'Mine is live')).status).toBe('visible');
    expect((await messages()).map((m) => `${m.topic.split(':')[0]} ${m.event} ${m.payload.body}`)).toEqual([
      'session-mod question Held?',
      'session-mod question Mine is live',
      'session question Mine is live',
    ]);

    const seen = async (role: Role) =>
      (
        await as<{ n: number }>(role, 'select count(*)::int as n from public.session_questions where id = $1', [q.id])
      )[0]!.n;
    expect({
      student: await seen('student'),
      other: await seen('otherStudent'),
      inst: await seen('instructor'),
    }).toEqual({ student: 1, other: 0, inst: 1 });
    expect(await hint(() => call('otherStudent', 'vote_session_question', [q.id, true]))).toBe(
      '404:question_not_found',
    );
    expect(await hint(() => moderate('otherStudent', q.id, 'approve'))).toBe('404:question_not_found');
    expect(await hint(() => moderate('student', q.id, 'approve'))).toBe('403:not_moderator');

    await owner('delete from realtime.messages');
    expect((await moderate('instructor', q.id, 'approve')).status).toBe('visible');
    expect(await seen('otherStudent')).toBe(1);
    expect((await moderate('admin', q.id, 'hide')).status).toBe('hidden');
    expect(await seen('otherStudent')).toBe(0);
    expect((await moderate('instructor', q.id, 'restore')).status).toBe('visible');
    expect((await messages()).map((m) => `${m.topic.split(':')[0]} ${m.event}`)).toEqual([
      'session-mod question',
      'session question',
      'session-mod question',
      'session question_removed',
      'session-mod question',
      'session question',
    ]);
    const removed = (await messages()).find((m) => m.event === 'question_removed');
    expect(removed?.payload).toEqual({ id: q.id });
  });

  it('counts one vote per user, idempotently, and broadcasts the count', async () => {
    const q = await ask('student', 'Vote for me');
    await owner('delete from realtime.messages');
    expect(await call('otherStudent', 'vote_session_question', [q.id, true])).toEqual({
      questionId: q.id,
      votes: 1,
      voted: true,
    });
    expect((await call('otherStudent', 'vote_session_question', [q.id, true])).votes).toBe(1);
    expect((await call('instructor', 'vote_session_question', [q.id, true])).votes).toBe(2);
    expect(await call('otherStudent', 'vote_session_question', [q.id, false])).toEqual({
      questionId: q.id,
      votes: 1,
      voted: false,
    });
    expect((await call('otherStudent', 'vote_session_question', [q.id, false])).votes).toBe(1);
    const votes = (await messages()).filter((m) => m.topic === `session:${session}`).map((m) => m.payload.votes);
    expect(votes).toEqual([1, 2, 1]);
    expect(
      (await as<{ n: number }>('instructor', 'select count(*)::int as n from public.session_votes'))[0]!.n,
    ).toBeGreaterThanOrEqual(1);
    expect(
      (
        await as<{ n: number }>(
          'student',
          'select count(*)::int as n from public.session_votes where question_id = $1',
          [q.id],
        )
      )[0]!.n,
    ).toBe(0);

    expect(await hint(() => call('companyAdmin', 'vote_session_question', [q.id, true]))).toBe(
      '404:question_not_found',
    );
    expect(await hint(() => call('otherStudent', 'vote_session_question', [q.id, null]))).toBe('422:invalid_vote');
    await call('admin', 'ban_session_user', [session, USER.otherStudent, '']);
    expect(await hint(() => call('otherStudent', 'vote_session_question', [q.id, true]))).toBe('403:banned');
    await moderate('instructor', q.id, 'hide');
    expect(await hint(() => call('student', 'vote_session_question', [q.id, true]))).toBe('404:question_not_found');
  });

  it('lets moderators pin, answer and mark, notifies the author, and refuses bad actions', async () => {
    const q = await ask('student', 'Will there be a recording?');
    expect(await hint(() => moderate('companyAdmin', q.id, 'pin'))).toBe('404:question_not_found');
    expect(await hint(() => moderate('otherStudent', q.id, 'pin'))).toBe('403:not_moderator');
    expect(await hint(() => moderate('instructor', q.id, 'delete'))).toBe('422:invalid_action');
    expect(await hint(() => moderate('instructor', q.id, 'answer', '  '))).toBe('422:invalid_answer');
    expect(await hint(() => moderate('instructor', q.id, 'answer', 'y'.repeat(2001)))).toBe('422:invalid_answer');

    expect((await moderate('instructor', q.id, 'pin')).pinned).toBe(true);
    const answered = await moderate('instructor', q.id, 'answer', ' Yes, tomorrow. ');
    expect(answered).toMatchObject({ answered: true, answer: 'Yes, tomorrow.', pinned: true, mine: false });
    expect(answered.answeredAt).toMatch(ISO);
    const notes = await as<Row>(
      'student',
      `select kind, title, body, link from public.notifications where kind = 'question_answered'`,
    );
    expect(notes).toEqual([
      {
        kind: 'question_answered',
        title: expect.stringMatching(/^Your question in Session \d+ was answered$/),
        body: 'Yes, tomorrow.',
        link: `/learn/free-course/sessions/${session}`,
      },
    ]);
    expect(await owner('select 1 from realtime.messages where topic = $1', [`user:${USER.student}`])).toHaveLength(1);

    expect(await moderate('admin', q.id, 'mark_unanswered')).toMatchObject({
      answered: false,
      answer: 'Yes, tomorrow.',
    });
    expect((await moderate('admin', q.id, 'mark_answered')).answered).toBe(true);
    expect((await moderate('admin', q.id, 'unpin')).pinned).toBe(false);
    await owner("delete from public.notifications where kind = 'question_answered'");
  });

  it('bans and unbans: moderators only, never a moderator, broadcast to the moderators and the user', async () => {
    expect(await hint(() => call('companyAdmin', 'ban_session_user', [session, USER.student, '']))).toBe(
      '404:session_not_found',
    );
    expect(await hint(() => call('student', 'ban_session_user', [session, USER.otherStudent, '']))).toBe(
      '403:not_moderator',
    );
    expect(await hint(() => call('student', 'unban_session_user', [session, USER.otherStudent]))).toBe(
      '403:not_moderator',
    );
    for (const member of [USER.instructor, USER.admin]) {
      expect(await hint(() => call('instructor', 'ban_session_user', [session, member, '']))).toBe('422:cannot_ban');
    }
    expect(await hint(() => call('admin', 'ban_session_user', [session, USER.student, 'z'.repeat(501)]))).toBe(
      '422:invalid_reason',
    );
    expect(
      await hint(() => call('admin', 'ban_session_user', [session, '00000000-0000-4000-9500-999999999998', ''])),
    ).toBe('404:member_not_found');

    const q = await ask('student', 'Before the ban');
    await owner('delete from realtime.messages');
    expect(await call('instructor', 'ban_session_user', [session, USER.student, 'spam'])).toEqual({
      sessionId: session,
      userId: USER.student,
      banned: true,
    });
    // a ban hides nothing: the banned student still reads the session's questions and their ban
    const read = await as<{ q: number; b: number }>(
      'student',
      `select (select count(*)::int from public.session_questions where id = $1) as q,
              (select count(*)::int from public.session_bans where session_id = $2) as b`,
      [q.id, session],
    );
    expect(read[0]).toEqual({ q: 1, b: 1 });
    expect(
      (
        await as<{ n: number }>(
          'otherStudent',
          'select count(*)::int as n from public.session_bans where session_id = $1',
          [session],
        )
      )[0]!.n,
    ).toBe(0);
    expect(await call('instructor', 'unban_session_user', [session, USER.student])).toEqual({
      sessionId: session,
      userId: USER.student,
      banned: false,
    });
    expect((await messages()).map((m) => [m.topic, m.event, m.payload])).toEqual([
      [`session-mod:${session}`, 'ban', { userId: USER.student, banned: true }],
      [`user:${USER.student}`, 'session_ban', { sessionId: session, banned: true }],
      [`session-mod:${session}`, 'ban', { userId: USER.student, banned: false }],
      [`user:${USER.student}`, 'session_ban', { sessionId: session, banned: false }],
    ]);
    expect((await ask('student', 'Back again')).status).toBe('visible');
  });

  it('keeps request roles from writing the Q&A tables directly, and checks the new session columns', async () => {
    const q = await ask('student', 'Direct?');
    expect(
      (await failure(() => as('instructor', 'update public.session_questions set pinned = true where id = $1', [q.id])))
        .code,
    ).toBe('42501');
    expect(
      (
        await failure(() =>
          as('student', 'insert into public.session_votes (question_id, user_id) values ($1, $2)', [
            q.id,
            USER.student,
          ]),
        )
      ).code,
    ).toBe('42501');
    const update = (role: Role, set: string) =>
      as<Row>(role, `update public.live_sessions set ${set} where id = $1 returning id`, [session]);
    expect(
      await update(
        'instructor',
        "description = 'Bring questions', duration_minutes = 90, slow_mode_seconds = 30, pre_moderation = true, meeting_url = 'https://meet.jit.si/free-course-abc'",
      ),
    ).toHaveLength(1);
    expect(await update('student', 'duration_minutes = 90')).toHaveLength(0);
    for (const bad of [
      'duration_minutes = 4',
      'duration_minutes = 601',
      'slow_mode_seconds = 3601',
      "meeting_url = 'http://x.test'",
      "meeting_url = 'javascript:alert(1)'",
      `description = '${'d'.repeat(2001)}'`,
    ]) {
      expect((await failure(() => update('instructor', bad))).code, bad).toBe('23514');
    }
  });
});
