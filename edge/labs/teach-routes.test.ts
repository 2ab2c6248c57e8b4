import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { labDetail, teachLab, teachLabList } from '../contract/labs.ts';
import { HIDDEN_TESTS, LAB, labFixture, REFERENCE, VISIBLE_TESTS } from './test-fixture.ts';

/**
 * The lab editor without a runner (Node and Deno): create, read with secrets, edit, delete, and
 * the refusals. Publishing needs a reference run: with no runner it is a 503, and the lab stays a
 * draft. The reference check against the real pool is in routes.node.test.ts.
 */

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`the lab editor on ${engine}`, () => {
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
      const json: any = text ? JSON.parse(text) : null;
      return { status: res.status, json };
    }

    let created = '';

    it("lists a course's labs, drafts included, for its instructor and admins", async () => {
      for (const who of [ids.teacher, ids.admin]) {
        const r = await call('GET', `/api/teach/courses/${ids.free}/labs`, who);
        expect(r.status).toBe(200);
        const list = teachLabList.parse(r.json);
        expect(list.items.map((l) => l.slug)).toEqual(['sum', 'loose', 'unfinished']);
        expect(list.items[0]).toMatchObject({ submissionCount: 0, passedLearners: 0, status: 'published' });
      }
      expect((await call('GET', `/api/teach/courses/${ids.free}/labs`, ids.student)).status).toBe(403);
      expect(
        (await call('GET', '/api/teach/courses/00000000-0000-4000-8000-0000000000ff/labs', ids.teacher)).status,
      ).toBe(404);
      expect((await call('GET', '/api/teach/courses/nope/labs', ids.teacher)).status).toBe(400);
    });

    it('reads a lab with its hidden tests and reference solution', async () => {
      const r = await call('GET', `/api/teach/labs/${LAB.sum}`, ids.teacher);
      expect(r.status).toBe(200);
      const lab = teachLab.parse(r.json);
      expect(lab.hiddenTests).toBe(HIDDEN_TESTS);
      expect(lab.referenceSolution).toBe(REFERENCE);
      expect(lab.lessonId).toBe(LAB.lesson);
    });

    it('creates a draft lab, its slug from the title, and refuses bad input', async () => {
      const r = await call('POST', `/api/teach/courses/${ids.free}/labs`, ids.teacher, {
        title: 'Reverse a String!',
        language: 'typescript',
        visibleTests: VISIBLE_TESTS,
        hiddenTests: 'test("hidden", () => {});',
        referenceSolution: 'function sum(a: number, b: number) { return a + b; }',
        points: 20,
      });
      expect(r.status).toBe(201);
      const lab = teachLab.parse(r.json);
      created = lab.id;
      expect(lab).toMatchObject({
        slug: 'reverse-a-string',
        status: 'draft',
        language: 'typescript',
        points: 20,
        timeLimitMs: 1000,
        memoryLimitMb: 32,
        hiddenTests: 'test("hidden", () => {});',
      });
      const again = await call('POST', `/api/teach/courses/${ids.free}/labs`, ids.teacher, {
        title: 'Reverse a string',
      });
      expect(again.status).toBe(201);
      expect(again.json.slug).toMatch(/^reverse-a-string-[0-9a-f]{6}$/);
      const taken = await call('POST', `/api/teach/courses/${ids.free}/labs`, ids.teacher, { title: 'X', slug: 'sum' });
      expect(taken.status).toBe(409);
      expect(taken.json.error.code).toBe('slug_taken');
      const textLesson = await call('POST', `/api/teach/courses/${ids.free}/labs`, ids.teacher, {
        title: 'X',
        lessonId: ids.l1,
      });
      expect(textLesson.status).toBe(422);
      for (const bad of [
        {},
        { title: '' },
        { title: 'X', timeLimitMs: 10 },
        { title: 'X', memoryLimitMb: 512 },
        { title: 'X', points: 0 },
        { title: 'X', slug: 'Not A Slug' },
        { title: 'X', language: 'python' },
        { title: 'X', courseId: ids.paid },
        { title: 'X', hiddenTests: 'x'.repeat(50_001) },
      ]) {
        const res = await call('POST', `/api/teach/courses/${ids.free}/labs`, ids.teacher, bad);
        expect(res.status).toBe(400);
      }
      expect((await call('POST', `/api/teach/courses/${ids.free}/labs`, ids.student, { title: 'X' })).status).toBe(403);
    });

    it('edits every field, secrets included, with bodies larger than the API-wide limit', async () => {
      const big = 'x'.repeat(49_000);
      const r = await call('PATCH', `/api/teach/labs/${created}`, ids.teacher, {
        title: 'Reverse',
        instructionsMd: `# Reverse\n${big}`,
        starterCode: `// ${big}`,
        hiddenTests: `// ${big}`,
        referenceSolution: 'function sum(a, b) { return a + b; }',
        timeLimitMs: 2000,
        memoryLimitMb: 64,
        isRequired: false,
        position: 9,
      });
      expect(r.status).toBe(200);
      const lab = teachLab.parse(r.json);
      expect(lab).toMatchObject({ title: 'Reverse', timeLimitMs: 2000, memoryLimitMb: 64, isRequired: false });
      expect(lab.hiddenTests.length).toBe(49_003);
      const empty = await call('PATCH', `/api/teach/labs/${created}`, ids.teacher, {});
      expect(empty.status).toBe(200);
      expect((await call('PATCH', `/api/teach/labs/${created}`, ids.teacher, { status: 'archived' })).status).toBe(400);
      expect((await call('PATCH', `/api/teach/labs/${created}`, ids.teacher, { slug: 'loose' })).status).toBe(409);
      expect((await call('PATCH', `/api/teach/labs/${LAB.paid}`, ids.student, { title: 'Mine' })).status).toBe(404);
    });

    it('refuses to publish without a runner to check the reference solution, and keeps the draft', async () => {
      const r = await call('PATCH', `/api/teach/labs/${created}`, ids.teacher, { status: 'published' });
      expect(r.status).toBe(503);
      expect(r.json.error.code).toBe('labs_unavailable');
      const lab = teachLab.parse((await call('GET', `/api/teach/labs/${created}`, ids.teacher)).json);
      expect(lab.status).toBe('draft');
      // A draft is invisible to learners.
      expect((await call('GET', `/api/labs/${created}`, ids.student)).status).toBe(404);
      // Unpublishing needs no check.
      const down = await call('PATCH', `/api/teach/labs/${LAB.loose}`, ids.teacher, { status: 'draft' });
      expect(down.status).toBe(200);
      expect((await call('GET', `/api/labs/${LAB.loose}`, ids.student)).status).toBe(404);
      // A published lab's title changes without a check too.
      expect((await call('PATCH', `/api/teach/labs/${LAB.sum}`, ids.teacher, { title: 'Sum it' })).status).toBe(200);
      expect(labDetail.parse((await call('GET', `/api/labs/${LAB.sum}`, ids.student)).json).title).toBe('Sum it');
    });

    it('deletes a lab', async () => {
      expect((await call('DELETE', `/api/teach/labs/${created}`, ids.student)).status).toBe(404);
      expect((await call('DELETE', `/api/teach/labs/${created}`, ids.teacher)).status).toBe(204);
      expect((await call('GET', `/api/teach/labs/${created}`, ids.teacher)).status).toBe(404);
      expect((await call('DELETE', `/api/teach/labs/${created}`, ids.teacher)).status).toBe(404);
    });
  });
}
