import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ids as seedIds } from '../../seed/ids.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import {
  assignmentDetail,
  assignmentList,
  gradebook,
  gradingQueue,
  gradingSubmission,
  teachAssignmentList,
} from '../contract/assignments.ts';

/**
 * The assignment routes' answers over the demo seed (its assignment with a rubric on
 * html-css-foundations, the graded brief of the demo student's completed course) parse against
 * the strict response schemas: producer and contract cannot drift.
 */

const student = seedIds.user('student@demo.test');
const instructor = seedIds.user('instructor@demo.test');
const admin = seedIds.user('admin@demo.test');

function parses<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${what} does not match the contract:\n${issues}`);
  }
  return result.data;
}

for (const engine of engines()) {
  describe(`assignment answers over the demo seed on ${engine} match the contract`, () => {
    let database: TestDatabase;
    let h: EdgeHarness;

    beforeAll(async () => {
      database = await fresh(engine);
      h = await makeEdgeHarness({ db: database.db, data: 'demo' });
    }, 180_000);
    afterAll(async () => {
      await h?.close();
      await database?.drop();
    });

    async function get(path: string, userId: string): Promise<unknown> {
      const res = await h.app.request(path, { headers: await h.as(userId) });
      expect(res.status, path).toBe(200);
      return res.json();
    }

    it("serves the learner's assignments, one assignment and the gradebooks", async () => {
      const list = parses(assignmentList, await get('/api/assignments?course=html-css-foundations', student), 'list');
      expect(list.items.length).toBeGreaterThan(0);
      const withRubric = list.items[0]!;
      const detail = parses(assignmentDetail, await get(`/api/assignments/${withRubric.id}`, student), 'detail');
      expect(detail.rubric.length).toBeGreaterThan(0);
      const open = parses(gradebook, await get('/api/courses/html-css-foundations/gradebook', student), 'gradebook');
      expect(open.quizzes.length).toBeGreaterThan(0);
      const done = parses(
        gradebook,
        await get('/api/courses/product-management-essentials/gradebook', student),
        'completed gradebook',
      );
      expect(done.progress.status).toBe('completed');
      expect(done.assignments.some((a) => a.status === 'graded' && a.passed)).toBe(true);
    });

    it("serves the instructor's assignment list, the queue and a submission", async () => {
      const course = seedIds.course('html-css-foundations');
      const teach = parses(
        teachAssignmentList,
        await get(`/api/teach/courses/${course}/assignments`, instructor),
        'teach list',
      );
      expect(teach.items.length).toBeGreaterThan(0);
      const all = parses(gradingQueue, await get('/api/teach/grading?status=all', admin), 'queue');
      expect(all.items.length).toBeGreaterThan(0);
      const one = parses(gradingSubmission, await get(`/api/teach/submissions/${all.items[0]!.id}`, admin), 'one');
      expect(one.submission.status).toBe('graded');
      // The queue names the learner (public.learner_names).
      expect(one.learner.name).toBeTruthy();
    });
  });
}
