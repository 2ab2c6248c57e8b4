import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { labDetail, labDraftSaved, labLanguage, labList, labRunStatus, labSubmissionList } from '../contract/labs.ts';
import { HIDDEN_CANARY, HIDDEN_TESTS, LAB, labFixture, REFERENCE, REFERENCE_CANARY } from './test-fixture.ts';

/**
 * The learner side of code labs without a runner (this file runs on Node and on Deno, where
 * isolated-vm cannot load): listing, the workspace, drafts, validation and the refusals. Runs
 * against the real pool are in routes.node.test.ts. No learner answer ever holds a hidden test
 * or a reference solution.
 */

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`labs for learners on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(labFixture(ids));
    }, 120_000);
    afterAll(async () => {
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
      // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
      let json: any = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = text;
      }
      if (userId === ids.student || userId === ids.other) learnerBodies.push(text);
      return { status: res.status, json, headers: res.headers };
    }

    it('lists the open labs of a course the learner is enrolled in, by position', async () => {
      const r = await call('GET', '/api/labs?course=intro-to-html', ids.student);
      expect(r.status).toBe(200);
      const list = labList.parse(r.json);
      expect(list.map((l) => l.slug)).toEqual(['sum', 'loose']);
      expect(list[0]).toMatchObject({
        id: LAB.sum,
        title: 'Add two numbers',
        language: 'javascript',
        lessonId: LAB.lesson,
        points: 10,
        status: 'published',
        best: null,
        attempts: 0,
        passed: false,
      });
    });

    it('lists drafts too for the course instructor', async () => {
      const r = await call('GET', '/api/labs?course=intro-to-html', ids.teacher);
      expect(r.status).toBe(200);
      expect(labList.parse(r.json).map((l) => l.slug)).toEqual(['sum', 'loose', 'unfinished']);
    });

    it('refuses the list: 401 signed out, 403 not enrolled, 404 unknown course, 400 bad query', async () => {
      expect((await call('GET', '/api/labs?course=intro-to-html', null)).status).toBe(401);
      const notEnrolled = await call('GET', '/api/labs?course=pandas-in-practice', ids.student);
      expect(notEnrolled.status).toBe(403);
      expect(notEnrolled.json.error.code).toBe('not_enrolled');
      const missing = await call('GET', '/api/labs?course=no-such-course', ids.student);
      expect(missing.status).toBe(404);
      expect(missing.json.error.code).toBe('course_not_found');
      expect((await call('GET', '/api/labs?course=secret-draft', ids.student)).json.error.code).toBe(
        'course_not_found',
      );
      expect((await call('GET', '/api/labs', ids.student)).status).toBe(400);
      expect((await call('GET', '/api/labs?course=Bad%20Slug', ids.student)).status).toBe(400);
    });

    it('opens the workspace without hidden tests or the reference solution', async () => {
      const r = await call('GET', `/api/labs/${LAB.sum}`, ids.student);
      expect(r.status).toBe(200);
      const lab = labDetail.parse(r.json);
      expect(lab).toMatchObject({
        courseId: ids.free,
        courseSlug: 'intro-to-html',
        slug: 'sum',
        draft: null,
        history: [],
        passed: false,
        timeLimitMs: 1000,
        memoryLimitMb: 32,
      });
      expect(lab.visibleTests).toContain('sum(1, 2)');
      expect(lab.starterCode).toContain('function sum');
    });

    it("answers 404 for another course's lab, a draft lab and a draft course's lab (no IDOR)", async () => {
      for (const id of [LAB.paid, LAB.draft, LAB.hidden]) {
        const r = await call('GET', `/api/labs/${id}`, ids.student);
        expect(r.status).toBe(404);
        expect(r.json.error.code).toBe('lab_not_found');
        expect((await call('GET', `/api/labs/${id}/submissions`, ids.student)).status).toBe(404);
        expect((await call('PUT', `/api/labs/${id}/draft`, ids.student, { code: 'x' })).status).toBe(404);
      }
      expect((await call('GET', `/api/labs/${LAB.sum}`, ids.other)).status).toBe(404);
      expect((await call('GET', '/api/labs/not-a-uuid', ids.student)).status).toBe(400);
      expect((await call('GET', `/api/labs/${LAB.sum}`, null)).status).toBe(401);
    });

    it('saves, replaces and deletes the learner’s draft', async () => {
      const first = await call('PUT', `/api/labs/${LAB.sum}/draft`, ids.student, { code: 'function sum() {}' });
      expect(first.status).toBe(200);
      labDraftSaved.parse(first.json);
      const second = await call('PUT', `/api/labs/${LAB.sum}/draft`, ids.student, { code: 'let draft = 2;' });
      expect(second.status).toBe(200);
      const open = labDetail.parse((await call('GET', `/api/labs/${LAB.sum}`, ids.student)).json);
      expect(open.draft?.code).toBe('let draft = 2;');
      // Another learner never sees it.
      await call('PUT', `/api/labs/${LAB.sum}/draft`, ids.other, { code: 'mine' });
      expect((await call('DELETE', `/api/labs/${LAB.sum}/draft`, ids.student)).status).toBe(204);
      expect(labDetail.parse((await call('GET', `/api/labs/${LAB.sum}`, ids.student)).json).draft).toBeNull();
      // Deleting again is fine.
      expect((await call('DELETE', `/api/labs/${LAB.sum}/draft`, ids.student)).status).toBe(204);
    });

    it('lists the learner’s own submissions (none yet)', async () => {
      const r = await call('GET', `/api/labs/${LAB.sum}/submissions`, ids.student);
      expect(r.status).toBe(200);
      expect(labSubmissionList.parse(r.json)).toEqual([]);
    });

    it('validates code bodies: 400 malformed or tampered, 413 oversized', async () => {
      for (const path of [
        `/api/labs/${LAB.sum}/runs`,
        `/api/labs/${LAB.sum}/submissions`,
        `/api/labs/${LAB.sum}/draft`,
      ]) {
        const method = path.endsWith('draft') ? 'PUT' : 'POST';
        expect((await call(method, path, ids.student, '{not json')).status).toBe(400);
        expect((await call(method, path, ids.student, {})).status).toBe(400);
        expect((await call(method, path, ids.student, { code: 42 })).status).toBe(400);
        expect((await call(method, path, ids.student, { code: 'a\u0000b' })).status).toBe(400);
        // A client cannot grade itself: score and status are unknown fields.
        const tampered = await call(method, path, ids.student, { code: 'x', score: 100, status: 'passed' });
        expect(tampered.status).toBe(400);
        expect(tampered.json.error.code).toBe('bad_request');
        const big = await call(method, path, ids.student, { code: 'x'.repeat(100_001) });
        expect(big.status).toBe(413);
        expect(big.json.error.code).toBe('code_too_large');
        const huge = await call(method, path, ids.student, { code: 'x'.repeat(300_000) });
        expect(huge.status).toBe(413);
        expect(huge.json.error.code).toBe('payload_too_large');
      }
      // 100,000 characters is allowed (and needs more than the API-wide 64 KiB).
      const max = await call('PUT', `/api/labs/${LAB.sum}/draft`, ids.student, { code: 'y'.repeat(100_000) });
      expect(max.status).toBe(200);
    });

    it('keeps the API-wide body limit on every other route', async () => {
      const r = await call('PATCH', '/api/profile', ids.student, { first_name: 'x'.repeat(100_000) });
      expect(r.status).toBe(413);
      expect(r.json.error.code).toBe('payload_too_large');
      const other = await call('POST', `/api/labs/${LAB.sum}/other`, ids.student, { code: 'x'.repeat(100_000) });
      expect(other.status).toBe(413);
    });

    it('answers 503 labs_unavailable with Retry-After when the host has no runner', async () => {
      for (const path of [`/api/labs/${LAB.sum}/runs`, `/api/labs/${LAB.sum}/submissions`]) {
        const r = await call('POST', path, ids.student, { code: REFERENCE });
        expect(r.status).toBe(503);
        expect(r.json.error.code).toBe('labs_unavailable');
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    });

    it('keeps the editor and the queue from learners', async () => {
      const teach = await call('GET', `/api/teach/labs/${LAB.sum}`, ids.student);
      expect(teach.status).toBe(403);
      expect((await call('GET', `/api/teach/labs/${LAB.paid}`, ids.student)).status).toBe(404);
      expect((await call('GET', `/api/teach/courses/${ids.free}/labs`, ids.student)).status).toBe(403);
      expect((await call('POST', `/api/teach/labs/${LAB.sum}/check`, ids.student)).status).toBe(403);
      expect((await call('PATCH', `/api/teach/labs/${LAB.sum}`, ids.student, { title: 'Mine' })).status).toBe(403);
      expect((await call('DELETE', `/api/teach/labs/${LAB.sum}`, ids.student)).status).toBe(403);
      expect((await call('GET', '/api/admin/labs/queue', ids.student)).status).toBe(403);
      expect((await call('GET', '/api/admin/labs/queue', ids.teacher)).status).toBe(403);
      expect((await call('GET', '/api/admin/labs/queue', null)).status).toBe(401);
      const admin = await call('GET', '/api/admin/labs/queue', ids.admin);
      expect(admin.status).toBe(503);
      expect(admin.json.error.code).toBe('labs_unavailable');
    });

    it('names the same vocabularies as the database enums', async () => {
      const labels = async (type: string) => {
        const rows = await h.db.asOwner((sql) =>
          sql.query<{ label: string }>(
            `select e.enumlabel as label from pg_enum e join pg_type t on t.oid = e.enumtypid
             join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public' and t.typname = $1
             order by e.enumsortorder`,
            [type],
          ),
        );
        return rows.map((r) => r.label);
      };
      expect(await labels('lab_language')).toEqual(labLanguage.options);
      expect(await labels('lab_status')).toEqual(labRunStatus.options);
    });

    it('never shows a learner a hidden test or a reference solution', () => {
      expect(learnerBodies.length).toBeGreaterThan(20);
      const hiddenLine = HIDDEN_TESTS.split('\n')[1]!;
      for (const body of learnerBodies) {
        expect(body).not.toContain(HIDDEN_CANARY);
        expect(body).not.toContain(REFERENCE_CANARY);
        expect(body).not.toContain(hiddenLine);
      }
    });
  });
}
