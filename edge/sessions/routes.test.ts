import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { apiErrorBody } from '../contract/index.ts';
import {
  sessionBanList,
  sessionBanResult,
  sessionDetail,
  sessionList,
  sessionQuestion,
  sessionQuestionList,
  sessionVoteResult,
} from '../contract/sessions.ts';

/**
 * Live sessions over HTTP (Node and Deno, PGlite and PostgreSQL): the schedule, the .ics, the
 * instructor's scheduling, questions, votes, moderation and bans. The student and a peer are
 * enrolled in the free course, the teacher teaches it, the admin is a platform admin; "other" is
 * a stranger to it and gets the same 404 as for a session that does not exist.
 */

const PEER = '00000000-0000-4000-8000-000000000005';
const MISSING = '00000000-0000-4000-8000-0000000000ff';
const FIXTURE = `
insert into auth.users (id, email, raw_user_meta_data) values
  ('${PEER}', 'peer@test.local', '{"first_name":"Pe","last_name":"Er"}');
insert into public.enrollments (user_id, course_id) values ('${ids.student}', '${ids.free}'), ('${PEER}', '${ids.free}');
`;

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`live sessions on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(FIXTURE);
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    async function call(method: string, path: string, userId: string | null, body?: unknown) {
      const headers: Record<string, string> = userId ? await h.as(userId) : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await h.app.request(path, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
      const json: any =
        text && res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : null;
      return { status: res.status, json, text, headers: res.headers };
    }
    /** A refusal: the status, the one error shape and its code. */
    async function refused(
      method: string,
      path: string,
      userId: string | null,
      status: number,
      code?: string,
      body?: unknown,
    ) {
      const r = await call(method, path, userId, body);
      expect({ path, status: r.status }).toEqual({ path, status });
      apiErrorBody.parse(r.json);
      if (code) expect(r.json.error.code).toBe(code);
    }

    let live = '';
    let past = '';
    let later = '';
    let asked = '';

    it('schedules sessions for the course instructor, with a Jitsi room when no link is given', async () => {
      const path = `/api/teach/courses/${ids.free}/sessions`;
      const r = await call('POST', path, ids.teacher, { title: ' Office hours ', startsAt: minutes(-10) });
      expect(r.status).toBe(201);
      const s = sessionDetail.parse(r.json);
      live = s.id;
      expect(s).toMatchObject({
        title: 'Office hours',
        durationMinutes: 60,
        status: 'scheduled',
        live: true,
        role: 'moderator',
        banned: false,
        slowModeSeconds: 0,
        preModeration: false,
        course: { id: ids.free, slug: 'intro-to-html' },
      });
      expect(s.meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\/intro-to-html-[a-z2-7]{12}$/);
      expect(Date.parse(s.endsAt) - Date.parse(s.startsAt)).toBe(60 * 60_000);

      const p = await call('POST', path, ids.admin, {
        title: 'Kick-off',
        description: 'Welcome, all; see you\nthere',
        startsAt: minutes(-3 * 24 * 60),
        durationMinutes: 90,
        meetingUrl: 'https://video.example/room-1',
      });
      expect(p.status).toBe(201);
      past = sessionDetail.parse(p.json).id;
      expect(p.json).toMatchObject({ meetingUrl: 'https://video.example/room-1', live: false, durationMinutes: 90 });
      const l = await call('POST', path, ids.teacher, { title: 'Next week', startsAt: minutes(7 * 24 * 60) });
      later = sessionDetail.parse(l.json).id;
    });

    it('refuses scheduling to learners, strangers, signed-out callers and bad input', async () => {
      const path = `/api/teach/courses/${ids.free}/sessions`;
      const ok = { title: 'x', startsAt: minutes(60) };
      await refused('POST', path, ids.student, 403, 'not_moderator', ok);
      await refused('POST', path, ids.other, 404, 'course_not_found', ok);
      await refused('POST', `/api/teach/courses/${MISSING}/sessions`, ids.teacher, 404, 'course_not_found', ok);
      await refused('POST', '/api/teach/courses/nope/sessions', ids.teacher, 404, 'course_not_found', ok);
      await refused('POST', path, null, 401, 'unauthorized', ok);
      for (const bad of [
        { title: '', startsAt: minutes(60) },
        { title: 'x', startsAt: 'tomorrow' },
        { ...ok, durationMinutes: 4 },
        { ...ok, durationMinutes: 601 },
        { ...ok, meetingUrl: 'http://insecure.example' },
        { ...ok, meetingUrl: 'https://a.example/x y' },
        { ...ok, extra: 1 },
        { ...ok, title: 'x'.repeat(201) },
      ]) {
        await refused('POST', path, ids.teacher, 400, 'bad_request', bad);
      }
      await refused('POST', path, ids.teacher, 400, 'bad_request', '{"title":');
    });

    it('shows a session to its participants only', async () => {
      for (const [who, role] of [
        [ids.student, 'participant'],
        [ids.teacher, 'moderator'],
        [ids.admin, 'moderator'],
      ] as const) {
        const r = await call('GET', `/api/sessions/${live}`, who);
        expect(r.status).toBe(200);
        expect(sessionDetail.parse(r.json)).toMatchObject({ id: live, role, banned: false });
      }
      await refused('GET', `/api/sessions/${live}`, ids.other, 404, 'session_not_found');
      await refused('GET', `/api/sessions/${MISSING}`, ids.student, 404, 'session_not_found');
      await refused('GET', '/api/sessions/not-a-uuid', ids.student, 404, 'session_not_found');
      await refused('GET', `/api/sessions/${live}`, null, 401);
    });

    it("lists a course's sessions, upcoming first, and the caller's upcoming ones", async () => {
      const r = await call('GET', '/api/courses/intro-to-html/sessions', ids.student);
      expect(r.status).toBe(200);
      expect(sessionList.parse(r.json).items.map((s) => s.id)).toEqual([live, later, past]);
      await refused('GET', '/api/courses/intro-to-html/sessions', ids.other, 404, 'course_not_found');
      await refused('GET', '/api/courses/no-such-course/sessions', ids.student, 404, 'course_not_found');
      await refused('GET', '/api/courses/Bad_Slug/sessions', ids.student, 404);

      const mine = await call('GET', '/api/me/sessions', ids.student);
      expect(sessionList.parse(mine.json).items.map((s) => s.id)).toEqual([live, later]);
      expect((await call('GET', '/api/me/sessions', ids.other)).json).toEqual({ items: [] });
      await refused('GET', '/api/me/sessions', null, 401);
    });

    it('downloads a session as an .ics file', async () => {
      const r = await call('GET', `/api/sessions/${past}/session.ics`, ids.student);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(r.headers.get('content-disposition')).toBe('attachment; filename="intro-to-html.ics"');
      const lines = r.text.split('\r\n');
      expect(lines[0]).toBe('BEGIN:VCALENDAR');
      expect(lines).toContain(`UID:${past}@localhost:8787`);
      expect(lines).toContain('SUMMARY:Kick-off');
      expect(lines).toContain('URL:https://video.example/room-1');
      expect(lines.find((l) => l.startsWith('DTSTART:'))).toMatch(/^DTSTART:\d{8}T\d{6}Z$/);
      expect(r.text.replaceAll('\r\n ', '')).toContain('DESCRIPTION:Welcome\\, all\\; see you\\nthere');
      await refused('GET', `/api/sessions/${past}/session.ics`, ids.other, 404, 'session_not_found');
    });

    it('lets moderators change a session and nobody else', async () => {
      const path = `/api/teach/sessions/${live}`;
      const r = await call('PATCH', path, ids.teacher, { preModeration: true, description: 'Ask away' });
      expect(r.status).toBe(200);
      expect(sessionDetail.parse(r.json)).toMatchObject({ preModeration: true, description: 'Ask away' });
      const moved = await call('PATCH', `/api/teach/sessions/${later}`, ids.admin, {
        startsAt: minutes(8 * 24 * 60),
        durationMinutes: 30,
      });
      expect(moved.json).toMatchObject({ durationMinutes: 30 });
      expect(Date.parse(moved.json.endsAt) - Date.parse(moved.json.startsAt)).toBe(30 * 60_000);
      // A new link is kept; an emptied one gets a Jitsi room again, as when scheduling.
      const linked = await call('PATCH', path, ids.teacher, { meetingUrl: 'https://meet.example.test/room-1' });
      expect(linked.json).toMatchObject({ meetingUrl: 'https://meet.example.test/room-1' });
      const emptied = await call('PATCH', path, ids.teacher, { meetingUrl: '' });
      expect(emptied.json.meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\/[A-Za-z0-9-]+$/);
      await refused('PATCH', path, ids.student, 403, 'not_moderator', { title: 'Mine now' });
      await refused('PATCH', path, ids.other, 404, 'session_not_found', { title: 'Mine now' });
      await refused('PATCH', path, ids.teacher, 400, 'bad_request', {});
      await refused('PATCH', path, ids.teacher, 400, 'bad_request', { status: 'paused' });
      await refused('PATCH', path, ids.teacher, 400, 'bad_request', { slowModeSeconds: 3601 });
    });

    it('holds questions for moderation, and shows the queue to moderators only', async () => {
      const r = await call('POST', `/api/sessions/${live}/questions`, ids.student, { body: '  What is HTML?  ' });
      expect(r.status).toBe(201);
      const q = sessionQuestion.parse(r.json);
      asked = q.id;
      expect(q).toMatchObject({ body: 'What is HTML?', status: 'pending', mine: true, votes: 0 });
      expect(q.author).toEqual({ id: ids.student, name: 'Stu Dent' });

      // The author sees their own pending question; the peer does not; moderators see it queued.
      const own = sessionQuestionList.parse((await call('GET', `/api/sessions/${live}/questions`, ids.student)).json);
      expect(own.items.map((i) => i.id)).toEqual([asked]);
      expect((await call('GET', `/api/sessions/${live}/questions`, PEER)).json).toEqual({ items: [], myVotes: [] });
      const queue = await call('GET', `/api/sessions/${live}/questions?view=queue`, ids.teacher);
      expect(sessionQuestionList.parse(queue.json).items.map((i) => i.id)).toEqual([asked]);
      await refused('GET', `/api/sessions/${live}/questions?view=queue`, ids.student, 403, 'not_moderator');
      await refused('GET', `/api/sessions/${live}/questions?view=hidden`, PEER, 403, 'not_moderator');
      await refused('GET', `/api/sessions/${live}/questions`, ids.other, 404, 'session_not_found');
      await refused('GET', `/api/sessions/${live}/questions?sort=random`, ids.student, 400, 'bad_request');
      await refused('POST', `/api/sessions/${live}/questions`, ids.other, 404, 'session_not_found', { body: 'hi' });
      await refused('POST', `/api/sessions/${live}/questions`, ids.student, 400, 'bad_request', { body: '   ' });
      await refused('POST', `/api/sessions/${live}/questions`, ids.student, 400, 'bad_request', {
        body: 'x'.repeat(501),
      });

      const approved = await call('POST', `/api/sessions/${live}/questions/${asked}/moderation`, ids.teacher, {
        action: 'approve',
      });
      expect(approved.status).toBe(200);
      expect(sessionQuestion.parse(approved.json)).toMatchObject({ status: 'visible', mine: false });
      const seen = sessionQuestionList.parse((await call('GET', `/api/sessions/${live}/questions`, PEER)).json);
      expect(seen.items).toEqual([
        expect.objectContaining({ id: asked, mine: false, author: { id: ids.student, name: 'Stu Dent' } }),
      ]);
    });

    it('counts one vote per user, undoes it, and refuses strangers', async () => {
      const path = `/api/sessions/${live}/questions/${asked}/votes`;
      for (let i = 0; i < 2; i++) {
        const r = await call('POST', path, PEER);
        expect(r.status).toBe(200);
        expect(sessionVoteResult.parse(r.json)).toEqual({ questionId: asked, votes: 1, voted: true });
      }
      const list = sessionQuestionList.parse((await call('GET', `/api/sessions/${live}/questions`, PEER)).json);
      expect(list.myVotes).toEqual([asked]);
      expect(list.items[0]!.votes).toBe(1);
      const down = await call('DELETE', path, PEER);
      expect(down.json).toEqual({ questionId: asked, votes: 0, voted: false });
      await refused('POST', path, ids.other, 404, 'question_not_found');
      await refused('POST', `/api/sessions/${later}/questions/${asked}/votes`, PEER, 404, 'question_not_found');
      await refused('POST', `/api/sessions/${live}/questions/not-a-uuid/votes`, PEER, 404, 'question_not_found');
      expect((await call('POST', path, PEER)).json.votes).toBe(1);
    });

    it('lets moderators answer, pin, hide and restore; participants may not', async () => {
      const path = `/api/sessions/${live}/questions/${asked}/moderation`;
      await call('PATCH', `/api/teach/sessions/${live}`, ids.teacher, { preModeration: false });
      const second = await call('POST', `/api/sessions/${live}/questions`, PEER, { body: 'Second question' });
      expect(second.json).toMatchObject({ status: 'visible' });

      await refused('POST', path, ids.student, 403, 'not_moderator', { action: 'pin' });
      await refused('POST', path, ids.other, 404, 'question_not_found', { action: 'pin' });
      await refused('POST', path, ids.teacher, 400, 'bad_request', { action: 'delete' });
      await refused('POST', path, ids.teacher, 422, 'invalid_answer', { action: 'answer', answer: '  ' });

      const answered = await call('POST', path, ids.teacher, { action: 'answer', answer: 'Markup.' });
      expect(answered.json).toMatchObject({ answered: true, answer: 'Markup.' });
      expect(answered.json.answeredAt).toEqual(expect.any(String));
      expect((await call('POST', path, ids.teacher, { action: 'pin' })).json).toMatchObject({ pinned: true });

      // Votes order: the pinned question first (1 vote), then the unvoted second one. Newest: the second first.
      const byVotes = sessionQuestionList.parse((await call('GET', `/api/sessions/${live}/questions`, PEER)).json);
      expect(byVotes.items.map((q) => q.id)).toEqual([asked, second.json.id]);
      const newest = await call('GET', `/api/sessions/${live}/questions?sort=newest`, PEER);
      expect(newest.json.items.map((q: { id: string }) => q.id)).toEqual([second.json.id, asked]);

      expect((await call('POST', path, ids.admin, { action: 'hide' })).json).toMatchObject({ status: 'hidden' });
      const afterHide = await call('GET', `/api/sessions/${live}/questions`, PEER);
      expect(afterHide.json.items.map((q: { id: string }) => q.id)).toEqual([second.json.id]);
      const hidden = await call('GET', `/api/sessions/${live}/questions?view=hidden`, ids.teacher);
      expect(hidden.json.items.map((q: { id: string }) => q.id)).toEqual([asked]);
      expect((await call('POST', path, ids.teacher, { action: 'restore' })).json).toMatchObject({ status: 'visible' });

      // Every change went out on the session's topics (realtime.messages rows).
      const messages = await h.db.asOwner((sql) =>
        sql.query<{ topic: string; event: string }>(
          'select topic, event from realtime.messages where topic in ($1, $2)',
          [`session:${live}`, `session-mod:${live}`],
        ),
      );
      expect(messages.some((m) => m.topic === `session:${live}` && m.event === 'question_removed')).toBe(true);
      expect(messages.some((m) => m.topic === `session-mod:${live}` && m.event === 'question')).toBe(true);
    });

    it('bans and unbans a participant (moderators only), and keeps slow mode', async () => {
      const bans = `/api/sessions/${live}/bans`;
      const r = await call('POST', bans, ids.teacher, { userId: PEER, reason: 'Spam' });
      expect(r.status).toBe(201);
      expect(sessionBanResult.parse(r.json)).toEqual({ sessionId: live, userId: PEER, banned: true });
      await refused('POST', `/api/sessions/${live}/questions`, PEER, 403, 'banned', { body: 'Let me in' });
      await refused('POST', `/api/sessions/${live}/questions/${asked}/votes`, PEER, 403, 'banned');
      expect((await call('GET', `/api/sessions/${live}`, PEER)).json).toMatchObject({ banned: true });

      const list = await call('GET', bans, ids.teacher);
      expect(sessionBanList.parse(list.json).items).toEqual([
        { userId: PEER, name: 'Pe Er', reason: 'Spam', createdAt: expect.any(String) },
      ]);
      await refused('GET', bans, ids.student, 403, 'not_moderator');
      await refused('GET', bans, ids.other, 404, 'session_not_found');
      await refused('POST', bans, ids.student, 403, 'not_moderator', { userId: PEER });
      await refused('POST', bans, ids.other, 404, 'session_not_found', { userId: PEER });
      await refused('POST', bans, ids.teacher, 422, 'cannot_ban', { userId: ids.teacher });
      await refused('POST', bans, ids.teacher, 400, 'bad_request', { userId: 'nope' });
      await refused('POST', bans, ids.teacher, 400, 'bad_request', { userId: PEER, reason: 'x'.repeat(501) });
      await refused('DELETE', `${bans}/${PEER}`, ids.student, 403, 'not_moderator');
      await refused('DELETE', `${bans}/not-a-uuid`, ids.teacher, 404, 'member_not_found');

      const lifted = await call('DELETE', `${bans}/${PEER}`, ids.teacher);
      expect(lifted.status).toBe(200);
      expect(lifted.json).toEqual({ sessionId: live, userId: PEER, banned: false });

      // The peer asked a few seconds ago: slow mode says how long to wait. Moderators are exempt.
      await call('PATCH', `/api/teach/sessions/${live}`, ids.teacher, { slowModeSeconds: 600 });
      const slow = await call('POST', `/api/sessions/${live}/questions`, PEER, { body: 'Again' });
      expect(slow.status).toBe(429);
      expect(slow.json.error).toMatchObject({ code: 'slow_mode', message: expect.stringMatching(/wait \d+ seconds/) });
      for (const body of ['Note one', 'Note two']) {
        expect((await call('POST', `/api/sessions/${live}/questions`, ids.teacher, { body })).status).toBe(201);
      }
    });

    it('refuses questions once a session has ended, and deletes sessions for moderators only', async () => {
      await call('PATCH', `/api/teach/sessions/${past}`, ids.teacher, { status: 'ended' });
      await refused('POST', `/api/sessions/${past}/questions`, ids.student, 409, 'session_ended', { body: 'Late' });

      await refused('DELETE', `/api/teach/sessions/${later}`, ids.student, 403, 'not_moderator');
      await refused('DELETE', `/api/teach/sessions/${later}`, ids.other, 404, 'session_not_found');
      const r = await call('DELETE', `/api/teach/sessions/${later}`, ids.teacher);
      expect(r.status).toBe(204);
      await refused('GET', `/api/sessions/${later}`, ids.teacher, 404, 'session_not_found');
    });
  });
}
