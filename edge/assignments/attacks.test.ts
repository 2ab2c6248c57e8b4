import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { assignmentDetail, submissionResponse } from '../contract/assignments.ts';
import { A, assignmentsFixture, outsider } from './test-fixture.ts';

const { files, sql: ASSIGNMENTS_FIXTURE } = assignmentsFixture(ids);

/** What a learner may try against submissions and grades, and the answer each gets. */
for (const engine of engines()) {
  describe(`attacks on assignments on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    let mine: string;
    let theirs: string;
    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(ASSIGNMENTS_FIXTURE);
      mine = (await submit(ids.student, A.open, { text: 'Mine.', files: [files.essay] })).id;
      theirs = (await submit(ids.other, A.open, { text: 'Theirs.', files: [files.others] })).id;
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    async function post(userId: string, path: string, body: unknown) {
      return h.app.request(path, {
        method: 'POST',
        headers: { ...(await h.as(userId)), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    }
    async function submit(userId: string, assignment: string, body: unknown) {
      const res = await post(userId, `/api/assignments/${assignment}/submissions`, body);
      expect(res.status).toBe(201);
      return submissionResponse.parse(await res.json()).submission;
    }
    async function refused(res: Response, status: number, code: string) {
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    }
    const grades = async () =>
      h.db.asOwner((sql) =>
        sql.query<{ n: number }>(
          "select count(*)::int as n from public.assignment_submissions where points is not null or status = 'graded'",
        ),
      );

    it('a student grading their own submission or another learner’s gets a 403, and nothing changes', async () => {
      for (const id of [mine, theirs]) {
        const res = await post(ids.student, `/api/teach/submissions/${id}/grade`, { points: 10, feedback: 'A+' });
        expect(res.status).toBe(403);
      }
      expect((await grades())[0]!.n).toBe(0);
    });

    it('an instructor grading their own submission gets 403 own_submission', async () => {
      // The teacher enrolls in their own course and hands something in.
      await h.db.asOwner((sql) =>
        sql.query(`insert into public.enrollments (user_id, course_id, source) values ($1, $2, 'free')`, [
          ids.teacher,
          ids.free,
        ]),
      );
      const own = await submit(ids.teacher, A.textOnly, { text: 'Grading myself.' });
      await refused(
        await post(ids.teacher, `/api/teach/submissions/${own.id}/grade`, { points: 100 }),
        403,
        'own_submission',
      );
    });

    it('a student reading another learner’s submission gets a 404; their own history holds only theirs', async () => {
      const res = await h.app.request(`/api/teach/submissions/${theirs}`, { headers: await h.as(ids.student) });
      await refused(res, 404, 'submission_not_found');
      const own = await h.app.request(`/api/teach/submissions/${mine}`, { headers: await h.as(ids.student) });
      expect(own.status).toBe(404);
      const detail = assignmentDetail.parse(
        await (await h.app.request(`/api/assignments/${A.open}`, { headers: await h.as(ids.student) })).json(),
      );
      expect(detail.submissions.map((s) => s.id)).toEqual([mine]);
    });

    it('submitting to a course the learner is not enrolled in is a 403', async () => {
      await refused(
        await post(outsider, `/api/assignments/${A.open}/submissions`, { text: 'Let me in.' }),
        403,
        'not_enrolled',
      );
      await refused(
        await post(ids.student, `/api/assignments/${A.paid}/submissions`, { text: 'Not bought.' }),
        403,
        'not_enrolled',
      );
    });

    it('a file outside the learner’s folder, of a refused type, too big or never uploaded is a 422', async () => {
      for (const file of [files.others, files.wrongFolder, files.gif, files.huge, files.missing]) {
        await refused(
          await post(ids.student, `/api/assignments/${A.open}/submissions`, { files: [file] }),
          422,
          'invalid_submission',
        );
      }
      // Lying about the size or the type does not help: the database reads storage's own record.
      await refused(
        await post(ids.student, `/api/assignments/${A.open}/submissions`, {
          files: [{ ...files.huge, size: 10 }],
        }),
        422,
        'invalid_submission',
      );
      await refused(
        await post(ids.student, `/api/assignments/${A.open}/submissions`, {
          files: [{ ...files.gif, type: 'application/pdf' }],
        }),
        422,
        'invalid_submission',
      );
    });

    it('an assignment tied to a drip-locked lesson is hidden and refuses submissions until the lesson opens', async () => {
      const locked = 'a1000000-0000-4000-8000-0000000000d1';
      await h.db.runScript(`
        insert into public.assignments (id, course_id, lesson_id, title, submission_types, status)
          values ('${locked}', '${ids.free}', '${ids.lDrip}', 'Later task', '{text}', 'published');
      `);
      const read = await h.app.request(`/api/assignments/${locked}`, { headers: await h.as(ids.student) });
      await refused(read, 404, 'assignment_not_found');
      await refused(
        await post(ids.student, `/api/assignments/${locked}/submissions`, { text: 'Early bird.' }),
        403,
        'assignment_locked',
      );
    });

    it('a submission after the due date under the reject policy is a 409', async () => {
      await refused(
        await post(ids.student, `/api/assignments/${A.closed}/submissions`, { text: 'Sorry I am late.' }),
        409,
        'assignment_closed',
      );
    });

    it('points, a status or a grade in the submit body are ignored', async () => {
      const s = await submit(ids.student, A.textOnly, {
        text: 'Grade me well.',
        points: 100,
        finalPoints: 100,
        status: 'graded',
        isLate: false,
        feedback: 'Perfect',
        attemptNumber: 99,
      });
      expect(s).toMatchObject({
        status: 'submitted',
        points: null,
        finalPoints: null,
        feedback: null,
        attemptNumber: 1,
      });
    });

    it('a student cannot reach the teaching routes or write assignments', async () => {
      await refused(await h.app.request('/api/teach/grading', { headers: await h.as(ids.student) }), 403, 'forbidden');
      await refused(
        await post(ids.student, `/api/teach/courses/${ids.free}/assignments`, { title: 'Mine' }),
        403,
        'forbidden',
      );
      // Straight to the database as the student: RLS and grants refuse every write.
      for (const statement of [
        `update public.assignment_submissions set points = 100, status = 'graded' where id = '${mine}'`,
        `insert into public.assignment_submissions (assignment_id, course_id, user_id, attempt_number, status, points)
           values ('${A.open}', '${ids.free}', '${ids.student}', 9, 'graded', 100)`,
        `update public.assignments set max_points = 1 where id = '${A.open}'`,
      ]) {
        const outcome = await h.db
          .asCaller({ role: 'authenticated', claims: { sub: ids.student, role: 'authenticated' } }, async (sql) => {
            const rows = await sql.query(`${statement} returning id`);
            return rows.length;
          })
          .catch((err: { code?: string }) => err.code ?? 'error');
        expect([0, '42501']).toContain(outcome);
      }
      expect((await grades())[0]!.n).toBe(0);
    });
  });
}
