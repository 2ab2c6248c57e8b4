import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import {
  bankQuestion,
  bankQuestionList,
  startedAttempt,
  submitAttemptResult,
  teachQuestion,
  teachQuestionList,
  teachQuiz,
  teachQuizDetail,
  teachQuizList,
} from '../contract/quizzes.ts';

/**
 * The quiz builder and the question bank: the course's instructor (and admins) write quizzes,
 * questions and their answer keys in one request each; learners and strangers cannot.
 */

const choice = [
  { id: 'a', text: 'Alpha' },
  { id: 'b', text: 'Beta' },
];

for (const engine of engines()) {
  describe(`the quiz builder on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(
        `insert into public.enrollments (user_id, course_id) values ('${ids.student}', '${ids.free}');`,
      );
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
      return { status: res.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown> };
    }
    const code = (r: { json: Record<string, unknown> }) => (r.json.error as { code: string }).code;

    let quizId = '';
    const questionIds: string[] = [];

    it('creates a quiz with defaults and lists it', async () => {
      const r = await call('POST', `/api/teach/courses/${ids.free}/quizzes`, ids.teacher, {
        title: 'Built quiz',
        maxAttempts: 3,
        timeLimitSeconds: 600,
      });
      expect(r.status).toBe(201);
      const quiz = teachQuiz.parse(r.json);
      expect(quiz).toMatchObject({ status: 'draft', passingScore: 70, reviewPolicy: 'after_submit', questionCount: 0 });
      quizId = quiz.id;
      const list = teachQuizList.parse((await call('GET', `/api/teach/courses/${ids.free}/quizzes`, ids.teacher)).json);
      expect(list.items.map((q) => q.id)).toEqual([quizId]);
    });

    it('adds a question of every type with its answer key', async () => {
      const inputs = [
        { type: 'single_choice', prompt: 'One?', options: choice, answer: { correct: 'a' }, points: 2 },
        { type: 'multiple_choice', prompt: 'Some?', options: choice, answer: { correct: ['a', 'b'] } },
        { type: 'true_false', prompt: 'True?', answer: { correct: true }, explanation: 'Because.' },
        { type: 'fill_blank', prompt: 'Fill ___', answer: { accepted: ['word'] } },
        {
          type: 'matching',
          prompt: 'Match',
          options: [
            { id: 'l', text: 'Left', side: 'left' },
            { id: 'r', text: 'Right', side: 'right' },
          ],
          answer: { pairs: { l: 'r' } },
        },
      ];
      for (const input of inputs) {
        const r = await call('POST', `/api/teach/quizzes/${quizId}/questions`, ids.teacher, input);
        expect(r.status, input.type).toBe(201);
        const q = teachQuestion.parse(r.json);
        questionIds.push(q.id);
        expect(q.type).toBe(input.type);
      }
      const detail = teachQuizDetail.parse((await call('GET', `/api/teach/quizzes/${quizId}`, ids.teacher)).json);
      expect(detail.quiz).toMatchObject({ questionCount: 5, totalPoints: 6 });
      expect(detail.questions.map((q) => q.position)).toEqual([1, 2, 3, 4, 5]);
      expect(detail.questions[3]!.answer).toEqual({ accepted: ['word'], caseSensitive: false });
    });

    it('refuses keys that do not fit the options with 422, and shapes that do not parse with 400', async () => {
      const bad: [unknown, number][] = [
        [{ type: 'single_choice', prompt: 'X', options: choice, answer: { correct: 'z' } }, 422],
        [{ type: 'single_choice', prompt: 'X', options: [choice[0]], answer: { correct: 'a' } }, 422],
        [{ type: 'true_false', prompt: 'X', options: choice, answer: { correct: true } }, 422],
        [{ type: 'matching', prompt: 'X', options: choice, answer: { pairs: { a: 'b' } } }, 422],
        [{ type: 'true_false', prompt: '', answer: { correct: true } }, 400],
        [{ type: 'essay', prompt: 'X', answer: { correct: true } }, 400],
        [{ type: 'true_false', prompt: 'X' }, 400],
        [{ type: 'true_false', prompt: 'X', answer: { correct: true }, points: 0 }, 400],
      ];
      for (const [body, status] of bad) {
        const r = await call('POST', `/api/teach/quizzes/${quizId}/questions`, ids.teacher, body);
        expect(r.status, JSON.stringify(body)).toBe(status);
      }
    });

    it('edits a question and its key together, even across types', async () => {
      const r = await call('PATCH', `/api/teach/quizzes/${quizId}/questions/${questionIds[0]}`, ids.teacher, {
        type: 'true_false',
        options: [],
        answer: { correct: false },
      });
      expect(r.status).toBe(200);
      expect(teachQuestion.parse(r.json)).toMatchObject({
        type: 'true_false',
        prompt: 'One?',
        answer: { correct: false },
      });
      const partial = await call('PATCH', `/api/teach/quizzes/${quizId}/questions/${questionIds[1]}`, ids.teacher, {
        options: [{ id: 'q', text: 'Q' }, ...choice],
      });
      expect(teachQuestion.parse(partial.json).options).toHaveLength(3);
      const broken = await call('PATCH', `/api/teach/quizzes/${quizId}/questions/${questionIds[1]}`, ids.teacher, {
        options: [
          { id: 'x', text: 'X' },
          { id: 'y', text: 'Y' },
        ],
      });
      expect([broken.status, code(broken)]).toEqual([422, 'invalid_question']);
    });

    it('reorders questions (only a full list) and deletes one', async () => {
      const order = [...questionIds].reverse();
      const r = await call('POST', `/api/teach/quizzes/${quizId}/questions/reorder`, ids.teacher, { ids: order });
      expect(teachQuestionList.parse(r.json).items.map((q) => q.id)).toEqual(order);
      const part = await call('POST', `/api/teach/quizzes/${quizId}/questions/reorder`, ids.teacher, {
        ids: order.slice(1),
      });
      expect(part.status).toBe(422);
      const del = await call('DELETE', `/api/teach/quizzes/${quizId}/questions/${questionIds[4]}`, ids.teacher);
      expect(del.status).toBe(204);
      const again = await call('DELETE', `/api/teach/quizzes/${quizId}/questions/${questionIds[4]}`, ids.teacher);
      expect(again.status).toBe(404);
    });

    it('keeps a question bank and adds from it', async () => {
      const created = await call('POST', '/api/teach/question-bank', ids.teacher, {
        type: 'single_choice',
        prompt: 'Banked?',
        options: choice,
        answer: { correct: 'b' },
        tags: ['html'],
        courseId: ids.free,
      });
      expect(created.status).toBe(201);
      const banked = bankQuestion.parse(created.json);
      const list = bankQuestionList.parse((await call('GET', '/api/teach/question-bank?tag=html', ids.teacher)).json);
      expect(list.items.map((b) => b.id)).toEqual([banked.id]);
      expect(
        bankQuestionList.parse((await call('GET', '/api/teach/question-bank?q=nothing', ids.teacher)).json).items,
      ).toEqual([]);
      const patched = await call('PATCH', `/api/teach/question-bank/${banked.id}`, ids.teacher, { points: 3 });
      expect(bankQuestion.parse(patched.json).points).toBe(3);

      const added = await call('POST', `/api/teach/quizzes/${quizId}/questions/from-bank`, ids.teacher, {
        ids: [banked.id],
      });
      expect(added.status).toBe(201);
      const [copy] = teachQuestionList.parse(added.json).items;
      expect(copy).toMatchObject({ prompt: 'Banked?', points: 3, answer: { correct: 'b' }, position: 6 });

      // The student has no bank and cannot read the teacher's.
      expect((await call('GET', '/api/teach/question-bank', ids.student)).json).toEqual({ items: [] });
      expect((await call('PATCH', `/api/teach/question-bank/${banked.id}`, ids.student, { points: 1 })).status).toBe(
        404,
      );
      expect(
        (
          await call('POST', '/api/teach/question-bank', ids.student, {
            type: 'true_false',
            prompt: 'X',
            answer: { correct: true },
          })
        ).status,
      ).toBe(403);
      const gone = await call('DELETE', `/api/teach/question-bank/${banked.id}`, ids.teacher);
      expect(gone.status).toBe(204);
    });

    it('publishes the quiz and a learner can take it; settings are checked', async () => {
      const bad = await call('PATCH', `/api/teach/quizzes/${quizId}`, ids.teacher, { passingScore: 101 });
      expect(bad.status).toBe(400);
      const wrongLesson = await call('PATCH', `/api/teach/quizzes/${quizId}`, ids.teacher, { lessonId: ids.lPaid });
      expect(wrongLesson.status).toBe(422);
      const pub = await call('PATCH', `/api/teach/quizzes/${quizId}`, ids.teacher, {
        status: 'published',
        reviewPolicy: 'after_pass',
        lessonId: ids.l1,
      });
      expect(teachQuiz.parse(pub.json)).toMatchObject({
        status: 'published',
        reviewPolicy: 'after_pass',
        lessonId: ids.l1,
      });

      const started = startedAttempt.parse((await call('POST', `/api/quizzes/${quizId}/attempts`, ids.student)).json);
      expect(started.questions).toHaveLength(5);
      expect(JSON.stringify(started)).not.toContain('"answer"');
      const done = await call('POST', `/api/attempts/${started.attempt.id}/submit`, ids.student, { answers: {} });
      expect(submitAttemptResult.parse(done.json)).toMatchObject({ passed: false, reviewAvailable: false });
      const detail = teachQuizDetail.parse((await call('GET', `/api/teach/quizzes/${quizId}`, ids.teacher)).json);
      expect(detail.quiz.attemptCount).toBe(1);
    });

    it('learners and strangers cannot build: 403 for the course, 404 for what they cannot see', async () => {
      const cases: [string, string, unknown, number][] = [
        ['GET', `/api/teach/courses/${ids.free}/quizzes`, undefined, 403],
        ['POST', `/api/teach/courses/${ids.free}/quizzes`, { title: 'Mine' }, 403],
        ['GET', `/api/teach/quizzes/${quizId}`, undefined, 403],
        ['PATCH', `/api/teach/quizzes/${quizId}`, { title: 'Mine' }, 403],
        ['DELETE', `/api/teach/quizzes/${quizId}`, undefined, 403],
        [
          'POST',
          `/api/teach/quizzes/${quizId}/questions`,
          { type: 'true_false', prompt: 'X', answer: { correct: true } },
          403,
        ],
        ['GET', `/api/teach/courses/${ids.draft}/quizzes`, undefined, 404],
        ['GET', `/api/teach/courses/not-a-uuid/quizzes`, undefined, 400],
        ['PATCH', `/api/teach/quizzes/${quizId}`, { title: 'Mine', extra: 1 }, 400],
      ];
      for (const [method, path, body, status] of cases) {
        const r = await call(method, path, ids.student, body);
        expect(r.status, `${method} ${path}`).toBe(status);
        expect(code(r)).toMatch(/^[a-z_]+$/);
      }
      expect((await call('GET', `/api/teach/quizzes/${quizId}`, ids.other)).status).toBe(404);
      expect((await call('GET', `/api/teach/courses/${ids.free}/quizzes`, null)).status).toBe(401);
    });

    it('an admin manages any course; deleting a quiz takes its questions and attempts along', async () => {
      const list = await call('GET', `/api/teach/courses/${ids.free}/quizzes`, ids.admin);
      expect(list.status).toBe(200);
      expect((await call('DELETE', `/api/teach/quizzes/${quizId}`, ids.teacher)).status).toBe(204);
      expect((await call('GET', `/api/teach/quizzes/${quizId}`, ids.teacher)).status).toBe(404);
    });
  });
}
