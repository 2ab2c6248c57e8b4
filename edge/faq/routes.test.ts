import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import type { FaqEntry, FaqList } from '../api-types.ts';
import { faqList } from '../contract/faq.ts';

const base = `/api/teach/courses/${ids.free}/faq`;

for (const engine of engines()) {
  describe(`course FAQ on ${engine}`, () => {
    let h: EdgeHarness;
    let database: TestDatabase;
    beforeAll(async () => {
      database = await fresh(engine);
      h = await makeEdgeHarness({ db: database.db });
    });
    afterAll(async () => {
      await h?.close();
      await database?.drop();
    });

    async function call(method: string, path: string, userId: string | null, body?: unknown) {
      const headers: Record<string, string> = userId ? await h.as(userId) : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      return h.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    }

    const added: FaqEntry[] = [];

    it('the instructor adds questions at the end; anyone reads them in order', async () => {
      for (const [question, answer] of [
        ['Do I need to install anything?', 'No: a **browser** is enough.'],
        ['How long does it take?', 'About two hours.'],
        ['Is there a certificate?', 'Yes, when you complete every lesson.'],
      ]) {
        const res = await call('POST', base, ids.teacher, { question, answer });
        expect(res.status).toBe(201);
        added.push(((await res.json()) as { item: FaqEntry }).item);
      }
      expect(added.map((f) => f.position)).toEqual([1, 2, 3]);
      const pub = faqList.parse(await (await call('GET', '/api/courses/intro-to-html/faq', null)).json());
      expect(pub.items.map((f) => f.question)).toEqual([
        'Do I need to install anything?',
        'How long does it take?',
        'Is there a certificate?',
      ]);
    });

    it('edits, reorders and deletes', async () => {
      const patched = await call('PATCH', `/api/teach/faq/${added[1]!.id}`, ids.teacher, { answer: 'An afternoon.' });
      expect(patched.status).toBe(200);
      expect(((await patched.json()) as { item: FaqEntry }).item).toMatchObject({
        question: 'How long does it take?',
        answer: 'An afternoon.',
      });

      const order = [added[2]!.id, added[0]!.id, added[1]!.id];
      const res = await call('POST', `${base}/reorder`, ids.teacher, { ids: order });
      expect(res.status).toBe(200);
      expect(((await res.json()) as FaqList).items.map((f) => f.id)).toEqual(order);

      expect((await call('DELETE', `/api/teach/faq/${added[0]!.id}`, ids.teacher)).status).toBe(204);
      const list = (await (await call('GET', base, ids.teacher)).json()) as FaqList;
      expect(list.items.map((f) => f.id)).toEqual([added[2]!.id, added[1]!.id]);
    });

    it('refuses learners, other users and anonymous callers', async () => {
      expect((await call('POST', base, ids.student, { question: 'Q?', answer: 'A' })).status).toBe(403);
      expect((await call('GET', base, ids.student)).status).toBe(403);
      expect((await call('PATCH', `/api/teach/faq/${added[1]!.id}`, ids.other, { answer: 'hacked' })).status).toBe(403);
      expect((await call('DELETE', `/api/teach/faq/${added[1]!.id}`, ids.student)).status).toBe(403);
      expect((await call('POST', `${base}/reorder`, ids.other, { ids: [added[1]!.id] })).status).toBe(403);
      expect((await call('POST', base, null, { question: 'Q?', answer: 'A' })).status).toBe(401);
      // A draft's FAQ is not public, and the draft itself is invisible to others.
      expect((await call('GET', '/api/courses/secret-draft/faq', null)).status).toBe(404);
      expect((await call('GET', `/api/teach/courses/${ids.draft}/faq`, ids.other)).status).toBe(404);
    });

    it('answers bad input with 4xx JSON', async () => {
      const cases: [string, string, unknown, number][] = [
        ['POST', base, { question: '', answer: 'A' }, 400],
        ['POST', base, { question: 'Q', answer: '   ' }, 400],
        ['POST', base, { question: 'x'.repeat(501), answer: 'A' }, 400],
        ['POST', base, { question: 'Q', answer: 'A', position: 1 }, 400],
        ['POST', '/api/teach/courses/not-a-uuid/faq', { question: 'Q', answer: 'A' }, 400],
        ['POST', '/api/teach/courses/99999999-0000-4000-8000-000000000000/faq', { question: 'Q', answer: 'A' }, 404],
        ['PATCH', `/api/teach/faq/${added[1]!.id}`, {}, 400],
        ['PATCH', '/api/teach/faq/99999999-0000-4000-8000-000000000000', { answer: 'A' }, 404],
        ['POST', `${base}/reorder`, { ids: [added[1]!.id] }, 422],
        ['POST', `${base}/reorder`, { ids: [added[1]!.id, added[1]!.id, added[2]!.id] }, 422],
        ['POST', `${base}/reorder`, { ids: ['nope'] }, 400],
      ];
      for (const [method, path, body, status] of cases) {
        const res = await call(method, path, ids.teacher, body);
        expect(res.status, `${method} ${path} ${JSON.stringify(body).slice(0, 40)}`).toBe(status);
        expect((await res.json()).error.code).toMatch(/^[a-z_]+$/);
      }
    });
  });
}
