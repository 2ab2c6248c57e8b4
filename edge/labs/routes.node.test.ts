import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabPool } from '../../sandbox/pool.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import {
  labDetail,
  labList,
  labQueueStats,
  labRunResult,
  labSubmissionList,
  labSubmissionResult,
  teachLab,
} from '../contract/labs.ts';
import type { LabRunner } from './runner.ts';
import {
  HIDDEN_CANARY,
  HIDDEN_TESTS,
  INTEGER_ONLY,
  LAB,
  labFixture,
  REFERENCE,
  REFERENCE_CANARY,
} from './test-fixture.ts';

/**
 * Code labs through the API with the real sandbox pool (Node only: isolated-vm does not load
 * on Deno, so scripts/test-deno.mjs leaves *.node.test.ts out). Runs, graded submissions that
 * move progress, the per-user rate limit, the editor's reference check and publishing.
 */

const WRONG = 'function sum(a, b) { return a - b; }';

// A loop, not describe.each (as in the other edge tests).
for (const engine of engines()) {
  describe(`labs with the sandbox pool on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    // One pool per engine, so one engine's rate-limit buckets do not drain the other's.
    let pool: LabRunner;
    beforeAll(async () => {
      pool = createLabPool({ workers: 1, maxQueue: 50, perUser: { burst: 20, perSecond: 1 } });
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db, labs: pool });
      await h.db.runScript(labFixture(ids));
    }, 120_000);
    afterAll(async () => {
      await pool?.close();
      await h?.close();
      await t?.drop();
    });

    const learnerBodies: string[] = [];
    async function call(method: string, path: string, userId: string | null, body?: unknown) {
      const headers: Record<string, string> = userId ? await h.as(userId) : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await h.app.request(path, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      if (userId === ids.student) learnerBodies.push(text);
      // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
      return { status: res.status, json: (text ? JSON.parse(text) : null) as any, headers: res.headers };
    }

    it('runs the visible tests only, storing nothing', async () => {
      const wrong = await call('POST', `/api/labs/${LAB.sum}/runs`, ids.student, { code: WRONG });
      expect(wrong.status).toBe(200);
      const result = labRunResult.parse(wrong.json);
      expect(result.status).toBe('failed');
      expect(result.tests).toEqual([
        { name: 'sum(1, 2) is 3', passed: false, message: expect.stringMatching(/3/), hidden: false },
      ]);
      const right = labRunResult.parse(
        (await call('POST', `/api/labs/${LAB.sum}/runs`, ids.student, { code: REFERENCE })).json,
      );
      expect(right).toMatchObject({ status: 'passed', score: 100 });
      expect(right.tests).toHaveLength(1);
      expect(labDetail.parse((await call('GET', `/api/labs/${LAB.sum}`, ids.student)).json).history).toEqual([]);
    });

    it('transpiles TypeScript labs', async () => {
      const r = await call('POST', `/api/labs/${LAB.loose}/runs`, ids.student, {
        code: 'function sum(a: number, b: number): number { return a + b; }',
      });
      expect(r.status).toBe(200);
      expect(r.json.status).toBe('passed');
    });

    it('grades a submission on hidden tests without revealing them, and stores it', async () => {
      const r = await call('POST', `/api/labs/${LAB.sum}/submissions`, ids.student, { code: INTEGER_ONLY });
      expect(r.status).toBe(200);
      const sub = labSubmissionResult.parse(r.json);
      expect(sub).toMatchObject({ status: 'failed', score: 66.67, points: 7, maxPoints: 10 });
      expect(sub.tests.map((x) => [x.name, x.passed, x.hidden])).toEqual([
        ['sum(1, 2) is 3', true, false],
        ['adds negative numbers', true, true],
        ['adds floats', false, true],
      ]);
      expect(sub.tests[2]!.message).toBe('Hidden test failed');
      expect(sub.progress?.completedItems).toBe(0);
    });

    it('a passing submission completes the lab and moves course progress', async () => {
      const r = await call('POST', `/api/labs/${LAB.sum}/submissions`, ids.student, {
        code: 'function sum(a, b) { return a + b; }',
      });
      expect(r.status).toBe(200);
      const sub = labSubmissionResult.parse(r.json);
      expect(sub).toMatchObject({ status: 'passed', score: 100, points: 10 });
      expect(sub.progress?.completedItems).toBe(1);
      expect(sub.progress?.percentage).toBeGreaterThan(0);
      const list = labList.parse((await call('GET', '/api/labs?course=intro-to-html', ids.student)).json);
      expect(list[0]).toMatchObject({ passed: true, attempts: 2, best: { status: 'passed', score: 100, points: 10 } });
      const detail = labDetail.parse((await call('GET', `/api/labs/${LAB.sum}`, ids.student)).json);
      expect(detail.passed).toBe(true);
      expect(detail.history.map((a) => a.status)).toEqual(['passed', 'failed']);
      const history = labSubmissionList.parse(
        (await call('GET', `/api/labs/${LAB.sum}/submissions`, ids.student)).json,
      );
      expect(history[1]!.code).toBe(INTEGER_ONLY);
      expect(history[1]!.tests[2]).toEqual({
        name: 'adds floats',
        passed: false,
        message: 'Hidden test failed',
        hidden: true,
      });
      const [row] = await h.db.asOwner((sql) =>
        sql.query<{ status: string }>(
          `select status::text from public.lesson_progress where user_id = $1 and lesson_id = $2`,
          [ids.student, LAB.lesson],
        ),
      );
      expect(row?.status).toBe('completed');
    });

    it("refuses other courses' labs, drafts and locked doors before running anything", async () => {
      const paid = await call('POST', `/api/labs/${LAB.paid}/submissions`, ids.student, { code: REFERENCE });
      expect(paid.status).toBe(403);
      expect(paid.json.error.code).toBe('not_enrolled');
      for (const id of [LAB.draft, LAB.hidden, '00000000-0000-4000-8000-0000000000aa']) {
        for (const path of [`/api/labs/${id}/runs`, `/api/labs/${id}/submissions`]) {
          const r = await call('POST', path, ids.student, { code: REFERENCE });
          expect(r.status).toBe(404);
          expect(r.json.error.code).toBe('lab_not_found');
        }
      }
      expect((await call('POST', `/api/labs/${LAB.sum}/submissions`, null, { code: REFERENCE })).status).toBe(401);
    });

    it('contains hostile code: a loop times out, scores nothing', async () => {
      const r = await call('POST', `/api/labs/${LAB.sum}/submissions`, ids.student, { code: 'while (true) {}' });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ status: 'timeout', score: 0, points: 0 });
    });

    it('answers 429 with Retry-After past the per-user burst', async () => {
      const runs = await Promise.all(
        Array.from({ length: 30 }, () =>
          call('POST', `/api/labs/${LAB.sum}/runs`, ids.admin, { code: 'function sum(a, b) { return a + b; }' }),
        ),
      );
      const limited = runs.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(limited[0]!.json.error.code).toBe('rate_limited');
      expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(runs.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    });

    it('checks the reference solution for the instructor, hidden messages shown', async () => {
      const ref = await call('POST', `/api/teach/labs/${LAB.sum}/check`, ids.teacher);
      expect(ref.status).toBe(200);
      expect(labRunResult.parse(ref.json)).toMatchObject({ status: 'passed', score: 100 });
      const wrong = labRunResult.parse(
        (await call('POST', `/api/teach/labs/${LAB.sum}/check`, ids.teacher, { code: WRONG })).json,
      );
      expect(wrong.status).toBe('failed');
      expect(wrong.tests.map((x) => x.hidden)).toEqual([false, true, true]);
      expect(wrong.tests[1]!.message).not.toBe('Hidden test failed');
      expect(wrong.tests[1]!.message).toMatch(/-2/);
      expect((await call('POST', `/api/teach/labs/${LAB.sum}/check`, ids.student)).status).toBe(403);
    });

    it('refuses to publish a lab whose reference solution fails (409 reference_fails), then publishes it', async () => {
      const patch = { visibleTests: 'test("one", () => { expect(sum(1, 1)).toBe(2); });', hiddenTests: HIDDEN_TESTS };
      expect((await call('PATCH', `/api/teach/labs/${LAB.draft}`, ids.teacher, patch)).status).toBe(200);
      const refused = await call('PATCH', `/api/teach/labs/${LAB.draft}`, ids.teacher, {
        status: 'published',
        referenceSolution: WRONG,
      });
      expect(refused.status).toBe(409);
      expect(refused.json.error.code).toBe('reference_fails');
      expect(labRunResult.parse(refused.json.error.details).status).toBe('failed');
      const still = teachLab.parse((await call('GET', `/api/teach/labs/${LAB.draft}`, ids.teacher)).json);
      expect(still.status).toBe('draft');
      expect(still.referenceSolution).toBe(REFERENCE);
      const ok = await call('PATCH', `/api/teach/labs/${LAB.draft}`, ids.teacher, {
        status: 'published',
        referenceSolution: REFERENCE,
      });
      expect(ok.status).toBe(200);
      expect(ok.json.status).toBe('published');
      // Changing a published lab's tests is checked again.
      const broken = await call('PATCH', `/api/teach/labs/${LAB.draft}`, ids.teacher, {
        hiddenTests: 'test("never", () => { expect(1).toBe(2); });',
      });
      expect(broken.status).toBe(409);
      // Creating a published lab is checked too.
      const created = await call('POST', `/api/teach/courses/${ids.free}/labs`, ids.teacher, {
        title: 'Published at once',
        status: 'published',
        visibleTests: 'test("t", () => { expect(sum(2, 2)).toBe(4); });',
        referenceSolution: REFERENCE,
      });
      expect(created.status).toBe(201);
      expect(created.json.status).toBe('published');
    });

    it('shows admins the queue', async () => {
      const r = await call('GET', '/api/admin/labs/queue', ids.admin);
      expect(r.status).toBe(200);
      const stats = labQueueStats.parse(r.json);
      expect(stats.workers).toBe(1);
      expect(stats.completed).toBeGreaterThan(0);
      expect((await call('GET', '/api/admin/labs/queue', ids.teacher)).status).toBe(403);
    });

    it("refuses a suspended learner's still-valid token: no run, no stored submission", async () => {
      await h.db.asOwner((sql) =>
        sql.query('insert into public.enrollments (user_id, course_id) values ($1, $2)', [ids.other, ids.free]),
      );
      await h.db.asOwner((sql) =>
        sql.query('update public.profiles set suspended_at = now() where id = $1', [ids.other]),
      );
      for (const kind of ['runs', 'submissions']) {
        const r = await call('POST', `/api/labs/${LAB.sum}/${kind}`, ids.other, { code: REFERENCE });
        expect(r.status).toBe(401);
        expect(r.json.error.code).toBe('account_suspended');
      }
      const [stored] = await h.db.asOwner((sql) =>
        sql.query<{ n: number }>('select count(*)::int as n from public.lab_submissions where user_id = $1', [
          ids.other,
        ]),
      );
      expect(stored?.n).toBe(0);
    });

    it('never shows a learner a hidden test or a reference solution', () => {
      expect(learnerBodies.length).toBeGreaterThan(10);
      for (const body of learnerBodies) {
        expect(body).not.toContain(HIDDEN_CANARY);
        expect(body).not.toContain(REFERENCE_CANARY);
        expect(body).not.toContain('expect(sum(-5, 3))');
      }
    });
  });
}
