import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { attemptReview, quizDetail, quizList, startedAttempt, submitAttemptResult } from '../contract/quizzes.ts';
import { Q, QQ, quizFixture, RIGHT, SECRET_VALUES, WRONG } from './fixture.ts';

/**
 * The learner side of quizzes over the real definer functions, and the attacks that must fail:
 * answers before a submit, a submit after the deadline or beyond the attempt limit, someone
 * else's attempt, a course the caller is not enrolled in, a draft quiz.
 */

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`quizzes for learners on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(quizFixture(ids));
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    const bodies: string[] = [];
    /** Every learner answer body before a submit is kept and searched for answer-key values. */
    async function call(method: string, path: string, userId: string | null, body?: unknown) {
      const headers: Record<string, string> = userId ? await h.as(userId) : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await h.app.request(path, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, text, json: (text ? JSON.parse(text) : null) as Record<string, unknown> };
    }
    const learner = async (method: string, path: string, userId: string | null, body?: unknown) => {
      const r = await call(method, path, userId, body);
      bodies.push(r.text);
      return r;
    };
    const code = (r: { json: Record<string, unknown> }) => (r.json.error as { code: string }).code;

    it('lists the published quizzes of a course the learner is enrolled in', async () => {
      const r = await learner('GET', '/api/quizzes?course=intro-to-html', ids.student);
      expect(r.status).toBe(200);
      const list = quizList.parse(r.json);
      expect(list.canManage).toBe(false);
      expect(list.items.map((q) => q.title)).toEqual(['HTML basics check', 'Speed round', 'Closed book']);
      expect(list.items[0]).toMatchObject({ questionCount: 5, totalPoints: 6, attemptsUsed: 0, passed: false });
    });

    it('lists drafts too for the course instructor', async () => {
      const r = await call('GET', '/api/quizzes?course=intro-to-html', ids.teacher);
      const list = quizList.parse(r.json);
      expect(list.canManage).toBe(true);
      expect(list.items.map((q) => q.status)).toContain('draft');
    });

    it('describes a quiz without its questions or answers', async () => {
      const r = await learner('GET', `/api/quizzes/${Q.main}`, ids.student);
      expect(r.status).toBe(200);
      const quiz = quizDetail.parse(r.json);
      expect(quiz).toMatchObject({
        maxAttempts: 2,
        attemptsLeft: 2,
        openAttemptId: null,
        reviewPolicy: 'after_submit',
      });
      expect(quiz.description).toBe('Five questions on **markup**.');
    });

    let firstAttempt = '';
    it('starts an attempt: every question, options in the attempt order, no answers; a second call resumes it', async () => {
      const r = await learner('POST', `/api/quizzes/${Q.main}/attempts`, ids.student);
      expect(r.status).toBe(201);
      const started = startedAttempt.parse(r.json);
      expect(started.attempt.number).toBe(1);
      expect(started.attempt.deadlineAt).toBeNull();
      expect(started.questions.map((q) => q.id).sort()).toEqual(Object.values(QQ).slice(0, 5).sort());
      const single = started.questions.find((q) => q.id === QQ.single)!;
      expect(single.options.map((o) => o.id).sort()).toEqual(['a', 'b', 'c']);
      expect(started.questions.find((q) => q.id === QQ.match)!.options).toContainEqual({
        id: 'l1',
        text: '<p>',
        side: 'left',
      });
      for (const q of started.questions)
        expect(Object.keys(q).sort()).toEqual(['id', 'options', 'points', 'prompt', 'type']);
      firstAttempt = started.attempt.id;

      const again = await learner('POST', `/api/quizzes/${Q.main}/attempts`, ids.student);
      expect(again.status).toBe(200);
      expect(startedAttempt.parse(again.json).attempt.id).toBe(firstAttempt);
      const detail = quizDetail.parse((await learner('GET', `/api/quizzes/${Q.main}`, ids.student)).json);
      expect(detail.openAttemptId).toBe(firstAttempt);
    });

    it('never sends an answer key value to a learner before the submit', () => {
      expect(bodies.length).toBeGreaterThan(4);
      for (const body of bodies) {
        for (const secret of SECRET_VALUES) expect(body).not.toContain(secret);
        expect(body).not.toContain('explanation');
        expect(body).not.toContain('It is an element.');
      }
    });

    it('no one reviews an attempt in progress, and nobody else may submit or review it', async () => {
      expect(code(await call('GET', `/api/attempts/${firstAttempt}/review`, ids.student))).toBe('review_not_allowed');
      const theirs = await call('POST', `/api/attempts/${firstAttempt}/submit`, ids.other, { answers: RIGHT });
      expect(theirs.status).toBe(404);
      expect(code(theirs)).toBe('attempt_not_found');
      expect((await call('GET', `/api/attempts/${firstAttempt}/review`, ids.other)).status).toBe(404);
      expect((await call('POST', `/api/attempts/${firstAttempt}/submit`, null, { answers: {} })).status).toBe(401);
    });

    it('refuses answers of the wrong shape (400) or for unknown questions (422), keeping the attempt open', async () => {
      const cases: [unknown, number][] = [
        [{ answers: { [QQ.single]: 12 } }, 400],
        [{ answers: { 'not-a-uuid': 'a' } }, 400],
        [{ answers: RIGHT, score: 100 }, 400],
        [{ passed: true }, 400],
        ['{"answers":', 400],
        [{ answers: { [QQ.timed]: true } }, 422],
        [{ answers: { [QQ.single]: 'zz' } }, 422],
        [{ answers: { [QQ.tf]: 'false' } }, 422],
      ];
      for (const [body, status] of cases) {
        const r = await call('POST', `/api/attempts/${firstAttempt}/submit`, ids.student, body);
        expect(r.status, JSON.stringify(body)).toBe(status);
        if (status === 422) expect(code(r)).toBe('invalid_answers');
      }
      expect((await call('POST', '/api/attempts/nope/submit', ids.student, { answers: {} })).status).toBe(400);
    });

    it('fails, then passes, then has no attempts left; the review shows the answers after each submit', async () => {
      const fail = await call('POST', `/api/attempts/${firstAttempt}/submit`, ids.student, { answers: WRONG });
      expect(fail.status).toBe(200);
      expect(submitAttemptResult.parse(fail.json)).toMatchObject({
        status: 'submitted',
        score: 1,
        maxScore: 6,
        passed: false,
        reviewAvailable: true,
        attemptsLeft: 1,
      });
      const again = await call('POST', `/api/attempts/${firstAttempt}/submit`, ids.student, { answers: RIGHT });
      expect(again.status).toBe(409);
      expect(code(again)).toBe('already_submitted');

      const review = attemptReview.parse((await call('GET', `/api/attempts/${firstAttempt}/review`, ids.student)).json);
      const single = review.questions.find((q) => q.id === QQ.single)!;
      expect(single).toMatchObject({ correct: false, yourAnswer: 'a', correctAnswer: 'b', points: 0, maxPoints: 2 });
      expect(single.explanation).toBe('It is an element.');
      expect(review.questions.find((q) => q.id === QQ.match)!.correct).toBe(true);

      const second = startedAttempt.parse((await learner('POST', `/api/quizzes/${Q.main}/attempts`, ids.student)).json);
      expect(second.attempt.number).toBe(2);
      const pass = await call('POST', `/api/attempts/${second.attempt.id}/submit`, ids.student, { answers: RIGHT });
      expect(submitAttemptResult.parse(pass.json)).toMatchObject({ percent: 100, passed: true, attemptsLeft: 0 });

      const third = await call('POST', `/api/quizzes/${Q.main}/attempts`, ids.student);
      expect(third.status).toBe(409);
      expect(code(third)).toBe('attempts_exhausted');
      const detail = quizDetail.parse((await call('GET', `/api/quizzes/${Q.main}`, ids.student)).json);
      expect(detail).toMatchObject({ attemptsUsed: 2, attemptsLeft: 0, passed: true, bestPercent: 100 });
      expect(detail.attempts.map((a) => [a.number, a.passed])).toEqual([
        [2, true],
        [1, false],
      ]);
    });

    it('a submit after the deadline is refused with 409 and the attempt stays expired with no score', async () => {
      const started = startedAttempt.parse(
        (await learner('POST', `/api/quizzes/${Q.timed}/attempts`, ids.student)).json,
      );
      const deadline = Date.parse(started.attempt.deadlineAt!);
      expect(deadline - Date.parse(started.attempt.startedAt)).toBe(30_000);
      await h.db.runScript(
        `update public.quiz_attempts set deadline_at = now() - interval '1 minute' where id = '${started.attempt.id}'`,
      );
      const late = await call('POST', `/api/attempts/${started.attempt.id}/submit`, ids.student, {
        answers: { [QQ.timed]: true },
      });
      expect(late.status).toBe(409);
      expect(code(late)).toBe('time_limit_exceeded');
      const detail = quizDetail.parse((await call('GET', `/api/quizzes/${Q.timed}`, ids.student)).json);
      expect(detail.attempts[0]).toMatchObject({ status: 'expired', score: 0, passed: false });
      expect(detail.passed).toBe(false);
      const retry = await call('POST', `/api/attempts/${started.attempt.id}/submit`, ids.student, {
        answers: { [QQ.timed]: true },
      });
      expect(retry.status).toBe(409);
    });

    it('a quiz that never shows answers refuses the review to the learner, not to the instructor', async () => {
      const started = startedAttempt.parse(
        (await learner('POST', `/api/quizzes/${Q.never}/attempts`, ids.student)).json,
      );
      const done = await call('POST', `/api/attempts/${started.attempt.id}/submit`, ids.student, {
        answers: { [QQ.never]: 'x' },
      });
      expect(submitAttemptResult.parse(done.json)).toMatchObject({ passed: true, reviewAvailable: false });
      const r = await call('GET', `/api/attempts/${started.attempt.id}/review`, ids.student);
      expect(r.status).toBe(403);
      expect(code(r)).toBe('review_not_allowed');
      const teacher = await call('GET', `/api/attempts/${started.attempt.id}/review`, ids.teacher);
      expect(attemptReview.parse(teacher.json).questions[0]).toMatchObject({ correctAnswer: 'x', correct: true });
    });

    it('drafts, unknown quizzes and courses the learner is not enrolled in stay closed', async () => {
      for (const path of [`/api/quizzes/${Q.draft}`, `/api/quizzes/${Q.paid}`]) {
        const r = await call('GET', path, ids.student);
        expect(r.status, path).toBe(404);
      }
      const draft = await call('POST', `/api/quizzes/${Q.draft}/attempts`, ids.student);
      expect([draft.status, code(draft)]).toEqual([404, 'quiz_not_found']);
      const paid = await call('POST', `/api/quizzes/${Q.paid}/attempts`, ids.student);
      expect([paid.status, code(paid)]).toEqual([403, 'not_enrolled']);
      const list = await call('GET', '/api/quizzes?course=pandas-in-practice', ids.student);
      expect([list.status, code(list)]).toEqual([403, 'not_enrolled']);
      expect((await call('GET', '/api/quizzes?course=secret-draft', ids.student)).status).toBe(404);
      expect((await call('GET', '/api/quizzes?course=no-such-course', ids.student)).status).toBe(404);
      expect((await call('POST', `/api/quizzes/${Q.main}/attempts`, ids.other)).status).toBe(403);
      expect((await call('GET', '/api/quizzes/99999999-0000-4000-8000-000000000000', ids.student)).status).toBe(404);
    });

    it('the database refuses a learner who goes around the API', async () => {
      const student = { role: 'authenticated' as const, claims: { sub: ids.student, role: 'authenticated' as const } };
      const as = <T>(text: string) =>
        h.db
          .asCaller(student, (sql) => sql.query<T>(text))
          .then(
            (rows) => ({ rows, code: null as string | null }),
            (err: { code?: string }) => ({ rows: [] as T[], code: err.code ?? 'error' }),
          );
      // No answer key is readable, not even of the quiz the learner is taking.
      expect((await as('select * from public.quiz_answer_keys')).rows).toEqual([]);
      // Attempts are written only by the definer functions: no insert, update or delete grant.
      for (const text of [
        'update public.quiz_attempts set passed = true, score_percent = 100',
        `insert into public.quiz_attempts (quiz_id, course_id, user_id, attempt_number, question_ids, passed)
           values ('${Q.main}', '${ids.free}', '${ids.student}', 9, '{}', true)`,
        'delete from public.quiz_attempts',
      ]) {
        expect((await as(text)).code, text).toBe('42501');
      }
      // Nor may a learner write a quiz, a question or a key of a course they learn in.
      for (const text of [
        `update public.quizzes set passing_score = 0 where id = '${Q.main}'`,
        `insert into public.quiz_answer_keys (question_id, course_id, answer) values ('${QQ.timed}', '${ids.free}', '{"correct":false}')`,
      ]) {
        const r = await as(text);
        expect(r.code === '42501' || r.rows.length === 0, text).toBe(true);
      }
      const [quiz] = await h.db.asOwner((sql) =>
        sql.query<{ passing_score: number }>('select passing_score from public.quizzes where id = $1', [Q.main]),
      );
      expect(quiz!.passing_score).toBe(70);
    });

    it('answers bad input and anonymous callers with 4xx JSON', async () => {
      const cases: [string, string, number][] = [
        ['GET', '/api/quizzes', 400],
        ['GET', '/api/quizzes?course=Bad%20Slug', 400],
        ['GET', '/api/quizzes?course=a&course=b', 400],
        ['GET', '/api/quizzes/not-a-uuid', 400],
        ['POST', '/api/quizzes/not-a-uuid/attempts', 400],
        ['GET', '/api/attempts/not-a-uuid/review', 400],
        ['GET', '/api/attempts/99999999-0000-4000-8000-000000000000/review', 404],
      ];
      for (const [method, path, status] of cases) {
        const r = await call(method, path, ids.student);
        expect(r.status, path).toBe(status);
        expect(code(r)).toMatch(/^[a-z_]+$/);
      }
      expect((await call('GET', '/api/quizzes?course=intro-to-html', null)).status).toBe(401);
      expect((await call('POST', `/api/quizzes/${Q.main}/attempts`, null)).status).toBe(401);
      const text = await h.app.request(`/api/attempts/${firstAttempt}/submit`, {
        method: 'POST',
        headers: { ...(await h.as(ids.student)), 'content-type': 'text/plain' },
        body: 'answers',
      });
      expect(text.status).toBe(415);
    });
  });
}
