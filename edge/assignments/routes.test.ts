import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import {
  assignmentDetail,
  assignmentList,
  gradebook,
  gradingQueue,
  gradingSubmission,
  submissionResponse,
  teachAssignment,
  teachAssignmentList,
} from '../contract/assignments.ts';
import { A, assignmentsFixture, outsider, RUBRIC } from './test-fixture.ts';

const { files, sql: ASSIGNMENTS_FIXTURE } = assignmentsFixture(ids);

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`assignments on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(ASSIGNMENTS_FIXTURE);
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    const get = async (path: string, userId: string | null) =>
      h.app.request(path, { headers: userId ? await h.as(userId) : {} });
    const send = async (method: string, path: string, userId: string, body?: unknown) =>
      h.app.request(path, {
        method,
        headers: { ...(await h.as(userId)), 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    describe('the learner', () => {
      it('lists the published assignments of a course they are enrolled in, without drafts', async () => {
        const res = await get('/api/assignments?course=intro-to-html', ids.student);
        expect(res.status).toBe(200);
        const list = assignmentList.parse(await res.json());
        expect(list.canManage).toBe(false);
        expect(list.items.map((a) => a.id)).toEqual([A.open, A.closed, A.penalty, A.textOnly]);
        expect(list.items.find((a) => a.id === A.closed)?.closed).toBe(true);
        expect(list.items.find((a) => a.id === A.penalty)?.closed).toBe(false);
        expect(list.items.every((a) => a.latest === null)).toBe(true);
      });

      it('answers 401 to visitors, 403 not_enrolled to outsiders, 404 for an unknown course, 400 without one', async () => {
        expect((await get('/api/assignments?course=intro-to-html', null)).status).toBe(401);
        const outside = await get('/api/assignments?course=intro-to-html', outsider);
        expect(outside.status).toBe(403);
        expect((await outside.json()).error.code).toBe('not_enrolled');
        expect((await get('/api/assignments?course=no-such-course', ids.student)).status).toBe(404);
        const missing = await get('/api/assignments', ids.student);
        expect(missing.status).toBe(400);
        expect((await missing.json()).error.code).toBe('bad_request');
      });

      it('reads one assignment with its rubric, markdown instructions and upload folder; drafts are 404', async () => {
        const res = await get(`/api/assignments/${A.open}`, ids.student);
        expect(res.status).toBe(200);
        const a = assignmentDetail.parse(await res.json());
        expect(a).toMatchObject({
          title: 'Write an essay',
          instructions: 'Write **500** words about *markup*.',
          maxPoints: 10,
          passingPoints: 5,
          allowedFileTypes: ['application/pdf', 'image/png'],
          maxFileBytes: 100000,
          rubric: RUBRIC,
          uploadFolder: `${ids.student}/${ids.free}/${A.open}`,
          course: { id: ids.free, slug: 'intro-to-html' },
          submissions: [],
        });
        const draft = await get(`/api/assignments/${A.draft}`, ids.student);
        expect(draft.status).toBe(404);
        expect((await draft.json()).error.code).toBe('assignment_not_found');
        expect((await get('/api/assignments/nope', ids.student)).status).toBe(400);
      });

      it('submits text and a file, then again: attempts count up and the history is newest first', async () => {
        const first = await send('POST', `/api/assignments/${A.open}/submissions`, ids.student, {
          text: 'My essay.',
          files: [files.essay],
        });
        expect(first.status).toBe(201);
        const { submission } = submissionResponse.parse(await first.json());
        expect(submission).toMatchObject({
          attemptNumber: 1,
          status: 'submitted',
          isLate: false,
          textContent: 'My essay.',
          points: null,
          finalPoints: null,
          files: [files.essay],
        });
        const second = await send('POST', `/api/assignments/${A.open}/submissions`, ids.student, { text: 'Better.' });
        expect(second.status).toBe(201);
        const detail = assignmentDetail.parse(await (await get(`/api/assignments/${A.open}`, ids.student)).json());
        expect(detail.submissions.map((s) => s.attemptNumber)).toEqual([2, 1]);
        expect(detail.latest).toMatchObject({ attemptNumber: 2, status: 'submitted' });
        const list = assignmentList.parse(
          await (await get('/api/assignments?course=intro-to-html', ids.student)).json(),
        );
        expect(list.items.find((a) => a.id === A.open)?.latest?.attemptNumber).toBe(2);
      });

      it('marks a submission after the due date late, with the penalty of the policy', async () => {
        const res = await send('POST', `/api/assignments/${A.penalty}/submissions`, ids.student, { text: 'Late.' });
        expect(res.status).toBe(201);
        const { submission } = submissionResponse.parse(await res.json());
        expect(submission).toMatchObject({ status: 'late', isLate: true, penaltyPercent: 20 });
      });

      it('refuses a text answer to a file-only kind and an empty submission (422), malformed bodies (400)', async () => {
        const empty = await send('POST', `/api/assignments/${A.textOnly}/submissions`, ids.student, { text: '  ' });
        expect(empty.status).toBe(422);
        expect((await empty.json()).error.code).toBe('invalid_submission');
        const fileToText = await send('POST', `/api/assignments/${A.textOnly}/submissions`, ids.student, {
          files: [files.essay],
        });
        expect(fileToText.status).toBe(422);
        const bad = await send('POST', `/api/assignments/${A.open}/submissions`, ids.student, { files: 'x' });
        expect(bad.status).toBe(400);
        const text = await h.app.request(`/api/assignments/${A.open}/submissions`, {
          method: 'POST',
          headers: { ...(await h.as(ids.student)), 'content-type': 'text/plain' },
          body: 'hi',
        });
        expect(text.status).toBe(415);
      });
    });

    describe('the instructor', () => {
      let created: string;

      it('lists every assignment of their course, drafts too, with submission counts', async () => {
        const res = await get(`/api/teach/courses/${ids.free}/assignments`, ids.teacher);
        expect(res.status).toBe(200);
        const list = teachAssignmentList.parse(await res.json());
        expect(list.items.map((a) => a.id)).toEqual([A.open, A.closed, A.penalty, A.draft, A.textOnly]);
        expect(list.items[0]).toMatchObject({ submissions: 2, ungraded: 2 });
        const learnerView = assignmentList.parse(
          await (await get('/api/assignments?course=intro-to-html', ids.teacher)).json(),
        );
        expect(learnerView.canManage).toBe(true);
        expect(learnerView.items).toHaveLength(5);
      });

      it('creates, edits and deletes an assignment; bad input is a 400', async () => {
        const res = await send('POST', `/api/teach/courses/${ids.free}/assignments`, ids.teacher, {
          title: 'Build a form',
          instructions: 'Use `<form>`.',
          dueAt: '2030-01-01T12:00:00.000Z',
          latePolicy: 'penalty',
          latePenaltyPercent: 10,
          rubric: [{ id: 'works', criterion: 'It works', points: 20 }],
        });
        expect(res.status).toBe(201);
        const a = teachAssignment.parse(await res.json());
        expect(a).toMatchObject({
          title: 'Build a form',
          status: 'draft',
          maxPoints: 100,
          submissionTypes: ['text', 'file'],
          dueAt: '2030-01-01T12:00:00.000Z',
          submissions: 0,
        });
        created = a.id;
        const patched = await send('PATCH', `/api/teach/assignments/${created}`, ids.teacher, {
          status: 'published',
          maxPoints: 20,
          submissionTypes: ['file'],
          allowedFileTypes: ['application/zip'],
          dueAt: null,
        });
        expect(patched.status).toBe(200);
        expect(teachAssignment.parse(await patched.json())).toMatchObject({
          status: 'published',
          maxPoints: 20,
          submissionTypes: ['file'],
          allowedFileTypes: ['application/zip'],
          dueAt: null,
          title: 'Build a form',
        });
        for (const body of [
          { maxPoints: 0 },
          { submissionTypes: [] },
          { rubric: [{ id: 'x y', criterion: 'c', points: 1 }] },
          { points: 5 },
          { allowedFileTypes: ['not a type'] },
          { maxFileBytes: 60 * 1024 * 1024 },
          // The rubric's points may not add up to more than the assignment's.
          { maxPoints: 10 },
          { maxPoints: 30, rubric: [{ id: 'a', criterion: 'A', points: 40 }] },
          { passingPoints: 500 },
        ]) {
          const bad = await send('PATCH', `/api/teach/assignments/${created}`, ids.teacher, body);
          expect(bad.status).toBe(400);
        }
        const badLesson = await send('PATCH', `/api/teach/assignments/${created}`, ids.teacher, {
          lessonId: ids.lPaid,
        });
        expect(badLesson.status).toBe(400);
        const linked = await send('PATCH', `/api/teach/assignments/${created}`, ids.teacher, { lessonId: ids.l3 });
        expect(teachAssignment.parse(await linked.json()).lessonId).toBe(ids.l3);
        expect((await send('DELETE', `/api/teach/assignments/${created}`, ids.teacher)).status).toBe(204);
        expect((await send('DELETE', `/api/teach/assignments/${created}`, ids.teacher)).status).toBe(404);
        const taken = await send('DELETE', `/api/teach/assignments/${A.open}`, ids.teacher);
        expect(taken.status).toBe(409);
        expect((await taken.json()).error.code).toBe('assignment_has_submissions');
      });

      it('gets a 404 for courses and assignments of other instructors; learners get a 403', async () => {
        // ids.other becomes an instructor with no courses of their own.
        await h.db.asOwner((sql) =>
          sql.query(`update public.profiles set role = 'instructor' where id = $1`, [ids.other]),
        );
        expect((await get(`/api/teach/courses/${ids.free}/assignments`, ids.other)).status).toBe(404);
        expect((await send('PATCH', `/api/teach/assignments/${A.open}`, ids.other, { title: 'Mine' })).status).toBe(
          404,
        );
        expect((await send('DELETE', `/api/teach/assignments/${A.open}`, ids.other)).status).toBe(404);
        expect(
          (await send('POST', `/api/teach/courses/${ids.free}/assignments`, ids.other, { title: 'Sneaky' })).status,
        ).toBe(404);
        await h.db.asOwner((sql) =>
          sql.query(`update public.profiles set role = 'student' where id = $1`, [ids.other]),
        );
        const learner = await get(`/api/teach/courses/${ids.free}/assignments`, ids.student);
        expect(learner.status).toBe(403);
        expect((await get(`/api/teach/courses/${ids.free}/assignments`, ids.admin)).status).toBe(200);
      });

      it('queues ungraded submissions oldest first, filtered by course', async () => {
        const res = await get(`/api/teach/grading?course=${ids.free}`, ids.teacher);
        expect(res.status).toBe(200);
        const { items } = gradingQueue.parse(await res.json());
        expect(items.map((i) => [i.assignmentId, i.attemptNumber])).toEqual([
          [A.open, 1],
          [A.open, 2],
          [A.penalty, 1],
        ]);
        expect(items[0]).toMatchObject({ learner: { id: ids.student }, courseTitle: 'Intro to HTML', maxPoints: 10 });
        // The grader sees the learner's name (public.learner_names), not their email.
        expect(items[0]!.learner.name).toBe('Stu Dent');
        expect(JSON.stringify(items)).not.toContain('@');
        const times = items.map((i) => Date.parse(i.submittedAt));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        const other = gradingQueue.parse(
          await (await get(`/api/teach/grading?course=${ids.paid}`, ids.teacher)).json(),
        );
        expect(other.items).toEqual([]);
        expect((await get('/api/teach/grading?status=some', ids.teacher)).status).toBe(400);
        expect((await get('/api/teach/grading?course=x', ids.teacher)).status).toBe(400);
      });

      it('opens a submission with its files and rubric, grades it with rubric marks, and the learner sees it', async () => {
        const queue = gradingQueue.parse(await (await get('/api/teach/grading', ids.teacher)).json());
        const first = queue.items.find((i) => i.assignmentId === A.open && i.attemptNumber === 1)!;
        const open = await get(`/api/teach/submissions/${first.id}`, ids.teacher);
        expect(open.status).toBe(200);
        const s = gradingSubmission.parse(await open.json());
        expect(s.submission.files).toEqual([files.essay]);
        expect(s.assignment.rubric).toEqual(RUBRIC);

        const graded = await send('POST', `/api/teach/submissions/${first.id}/grade`, ids.teacher, {
          rubricMarks: { clarity: 5, depth: 3 },
          feedback: 'Good structure.',
        });
        expect(graded.status).toBe(200);
        const { submission } = submissionResponse.parse(await graded.json());
        expect(submission).toMatchObject({ status: 'graded', points: 8, finalPoints: 8, feedback: 'Good structure.' });
        expect(submission.rubricMarks).toEqual({ clarity: 5, depth: 3 });

        // Marks beyond a criterion's points are refused.
        const over = await send('POST', `/api/teach/submissions/${first.id}/grade`, ids.teacher, {
          rubricMarks: { clarity: 7, depth: 0 },
          feedback: '',
        });
        expect(over.status).toBe(422);
        expect((await over.json()).error.code).toBe('invalid_grade');

        // The late one: 40 of 50, less 20%.
        const late = queue.items.find((i) => i.assignmentId === A.penalty)!;
        const penalised = await send('POST', `/api/teach/submissions/${late.id}/grade`, ids.teacher, {
          points: 40,
          feedback: 'Late, but solid.',
        });
        expect(submissionResponse.parse(await penalised.json()).submission).toMatchObject({
          points: 40,
          finalPoints: 32,
          penaltyPercent: 20,
        });
        const tooMany = await send('POST', `/api/teach/submissions/${late.id}/grade`, ids.teacher, { points: 51 });
        expect(tooMany.status).toBe(422);

        const detail = assignmentDetail.parse(await (await get(`/api/assignments/${A.open}`, ids.student)).json());
        expect(detail.submissions.find((x) => x.id === first.id)).toMatchObject({
          status: 'graded',
          finalPoints: 8,
          feedback: 'Good structure.',
        });
        const [note] = await h.db.asOwner((sql) =>
          sql.query<{ n: number }>('select count(*)::int as n from public.notifications where user_id = $1', [
            ids.student,
          ]),
        );
        expect(note!.n).toBeGreaterThan(0);

        const ungraded = gradingQueue.parse(await (await get('/api/teach/grading', ids.teacher)).json());
        expect(ungraded.items.map((i) => i.id)).not.toContain(first.id);
        const all = gradingQueue.parse(await (await get('/api/teach/grading?status=all', ids.teacher)).json());
        expect(all.items.map((i) => i.id)).toContain(first.id);
      });

      it("shows the learner's gradebook: lessons, quizzes, assignments and progress from the database", async () => {
        // A quiz with a failed and a passed attempt, and one still open (which does not count).
        const quiz = 'c1000000-0000-4000-8000-000000000001';
        await h.db.runScript(`
          insert into public.quizzes (id, course_id, title, passing_score, status, position)
            values ('${quiz}', '${ids.free}', 'Markup check', 70, 'published', 1);
          insert into public.quiz_attempts (quiz_id, course_id, user_id, attempt_number, question_ids, status,
                                            submitted_at, score_points, max_points, score_percent, passed) values
            ('${quiz}', '${ids.free}', '${ids.student}', 1, '{}', 'submitted', now(), 1, 2, 50, false),
            ('${quiz}', '${ids.free}', '${ids.student}', 2, '{}', 'submitted', now(), 2, 2, 100, true),
            ('${quiz}', '${ids.free}', '${ids.student}', 3, '{}', 'in_progress', null, null, 2, null, null),
            ('${quiz}', '${ids.free}', '${ids.other}', 1, '{}', 'submitted', now(), 0, 2, 0, false);
        `);
        const res = await get('/api/courses/intro-to-html/gradebook', ids.student);
        expect(res.status).toBe(200);
        const book = gradebook.parse(await res.json());
        expect(book.course.slug).toBe('intro-to-html');
        expect(book.lessons).toEqual({ done: 0, total: 4 });
        expect(book.quizzes).toEqual([
          {
            id: 'c1000000-0000-4000-8000-000000000001',
            title: 'Markup check',
            isRequired: true,
            passingScore: 70,
            attempts: 2,
            bestPercent: 100,
            passed: true,
          },
        ]);
        expect(book.assignments.map((a) => a.id)).toEqual([A.open, A.closed, A.penalty, A.textOnly]);
        // The newest attempt of the essay is not graded yet; the first one passed (8 >= 5).
        expect(book.assignments[0]).toMatchObject({ status: 'submitted', passed: true, finalPoints: null });
        expect(book.assignments[2]).toMatchObject({
          status: 'graded',
          points: 40,
          finalPoints: 32,
          feedback: 'Late, but solid.',
          passed: true,
        });
        expect(book.assignments[1]).toMatchObject({ status: null, passed: false });
        expect(book.progress.totalItems).toBeGreaterThan(0);
        expect(book.progress.completedItems).toBeGreaterThan(0);
        expect(book.progress.status).toBe('active');

        expect((await get('/api/courses/intro-to-html/gradebook', outsider)).status).toBe(403);
        expect((await get('/api/courses/no-such/gradebook', ids.student)).status).toBe(404);
        expect((await get('/api/courses/intro-to-html/gradebook', null)).status).toBe(401);
      });
    });
  });
}
