import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import type { CourseReviews, Review, TeachReviewList } from '../api-types.ts';
import { review as reviewSchema, teachReviewList } from '../contract/reviews.ts';

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)> **bold**';

for (const engine of engines()) {
  describe(`reviews on ${engine}`, () => {
    let h: EdgeHarness;
    let database: TestDatabase;
    beforeAll(async () => {
      database = await fresh(engine);
      h = await makeEdgeHarness({ db: database.db });
      // The student is enrolled in the free course; "other" is not.
      await h.db.runScript(`
    insert into public.enrollments (user_id, course_id) values ('${ids.student}', '${ids.free}');
  `);
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

    let reviewId: string;

    it('an enrolled learner writes, then edits, their one review; the course figures follow', async () => {
      const before = (await (await call('GET', '/api/courses/intro-to-html/reviews', null)).json()) as CourseReviews;
      const res = await call('PUT', '/api/courses/intro-to-html/review', ids.student, { rating: 4, comment: XSS });
      expect(res.status).toBe(200);
      const review = reviewSchema.parse(((await res.json()) as { review: Review }).review);
      reviewId = review.id;
      // Plain text, kept as it was sent: the web app renders it as text.
      expect(review).toMatchObject({ rating: 4, comment: XSS, author: 'Stu D.', mine: true, reply: null });

      const again = await call('PUT', '/api/courses/intro-to-html/review', ids.student, {
        rating: 5,
        comment: 'Great',
      });
      expect(((await again.json()) as { review: Review }).review).toMatchObject({ id: reviewId, rating: 5 });

      const list = (await (
        await call('GET', '/api/courses/intro-to-html/reviews', ids.student)
      ).json()) as CourseReviews;
      expect(list.count).toBe(before.count + 1);
      expect(list.distribution[4]).toBe(before.distribution[4]! + 1);
      expect(list.items.map((r) => r.id)).toEqual([reviewId]);
      expect(list).toMatchObject({ canReview: true, canHide: false, page: 1, pageCount: 1 });
      expect(list.mine?.id).toBe(reviewId);
    });

    it('anyone reads the reviews without learning who wrote them beyond the display name', async () => {
      const res = await call('GET', '/api/courses/intro-to-html/reviews', null);
      expect(res.status).toBe(200);
      const body = (await res.json()) as CourseReviews;
      expect(body.items[0]).toMatchObject({ author: 'Stu D.', mine: false });
      expect(JSON.stringify(body)).not.toContain(ids.student);
      expect(body).toMatchObject({ canReview: false, mine: null });
    });

    it('refuses a learner who is not enrolled, and anonymous writers', async () => {
      const res = await call('PUT', '/api/courses/intro-to-html/review', ids.other, { rating: 1, comment: 'x' });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('not_reviewer');
      expect((await call('PUT', '/api/courses/intro-to-html/review', null, { rating: 1 })).status).toBe(401);
      expect((await call('DELETE', '/api/courses/intro-to-html/review', ids.other)).status).toBe(404);
    });

    it('the course instructor replies; nobody else may', async () => {
      const no = await call('POST', `/api/teach/reviews/${reviewId}/reply`, ids.student, { reply: 'Me too' });
      expect(no.status).toBe(403);
      const adminNo = await call('POST', `/api/teach/reviews/${reviewId}/reply`, ids.admin, { reply: 'Admin' });
      expect(adminNo.status).toBe(403);
      const res = await call('POST', `/api/teach/reviews/${reviewId}/reply`, ids.teacher, { reply: 'Thank you!' });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { review: Review }).review).toMatchObject({ reply: 'Thank you!' });

      const list = teachReviewList.parse(await (await call('GET', '/api/teach/reviews', ids.teacher)).json());
      expect(list.items[0]).toMatchObject({ id: reviewId, course: { slug: 'intro-to-html' }, reply: 'Thank you!' });
      expect(list.unreplied).toBe(0);
      const unreplied = (await (
        await call('GET', '/api/teach/reviews?filter=unreplied', ids.teacher)
      ).json()) as TeachReviewList;
      expect(unreplied.items).toEqual([]);
      expect((await call('GET', '/api/teach/reviews', ids.student)).status).toBe(403);
    });

    it('admins hide and show a review; a hidden one leaves the public list and the figures', async () => {
      const before = (await (await call('GET', '/api/courses/intro-to-html/reviews', null)).json()) as CourseReviews;
      expect((await call('POST', `/api/admin/reviews/${reviewId}/hide`, ids.teacher, { hidden: true })).status).toBe(
        403,
      );
      const res = await call('POST', `/api/admin/reviews/${reviewId}/hide`, ids.admin, { hidden: true });
      expect(res.status).toBe(200);
      const pub = (await (await call('GET', '/api/courses/intro-to-html/reviews', null)).json()) as CourseReviews;
      expect(pub.items).toEqual([]);
      expect(pub.count).toBe(before.count - 1);
      const admin = (await (
        await call('GET', '/api/courses/intro-to-html/reviews', ids.admin)
      ).json()) as CourseReviews;
      expect(admin).toMatchObject({ canHide: true });
      expect(admin.items[0]).toMatchObject({ id: reviewId, hidden: true });
      await call('POST', `/api/admin/reviews/${reviewId}/hide`, ids.admin, { hidden: false });
      const shown = (await (await call('GET', '/api/courses/intro-to-html/reviews', null)).json()) as CourseReviews;
      expect(shown.count).toBe(before.count);
    });

    it('the author deletes their review', async () => {
      expect((await call('DELETE', '/api/courses/intro-to-html/review', ids.student)).status).toBe(204);
      const list = (await (
        await call('GET', '/api/courses/intro-to-html/reviews', ids.student)
      ).json()) as CourseReviews;
      expect(list.items).toEqual([]);
      expect(list.mine).toBeNull();
    });

    it('answers bad input with 4xx JSON', async () => {
      const cases: [string, string, string | null, unknown, number][] = [
        ['PUT', '/api/courses/intro-to-html/review', ids.student, { rating: 6 }, 400],
        ['PUT', '/api/courses/intro-to-html/review', ids.student, { rating: 0 }, 400],
        ['PUT', '/api/courses/intro-to-html/review', ids.student, { rating: 3, comment: 'x'.repeat(5001) }, 400],
        ['PUT', '/api/courses/intro-to-html/review', ids.student, { rating: 3, userId: ids.other }, 400],
        ['PUT', '/api/courses/no-such-course/review', ids.student, { rating: 3 }, 404],
        ['GET', '/api/courses/intro-to-html/reviews?page=0', null, undefined, 400],
        ['GET', '/api/courses/intro-to-html/reviews?page=abc', null, undefined, 400],
        ['GET', '/api/courses/NOT_A_SLUG/reviews', null, undefined, 404],
        ['GET', '/api/courses/secret-draft/reviews', null, undefined, 404],
        ['POST', '/api/teach/reviews/not-a-uuid/reply', ids.teacher, { reply: 'x' }, 400],
        ['POST', '/api/teach/reviews/99999999-0000-4000-8000-000000000000/reply', ids.teacher, { reply: 'x' }, 404],
        ['POST', '/api/admin/reviews/99999999-0000-4000-8000-000000000000/hide', ids.admin, { hidden: 1 }, 400],
        ['POST', '/api/admin/reviews/99999999-0000-4000-8000-000000000000/hide', ids.admin, { hidden: true }, 404],
        ['GET', '/api/teach/reviews?filter=nope', ids.teacher, undefined, 400],
      ];
      for (const [method, path, user, body, status] of cases) {
        const res = await call(method, path, user, body);
        expect(res.status, `${method} ${path} ${JSON.stringify(body)?.slice(0, 40)}`).toBe(status);
        expect((await res.json()).error.code).toMatch(/^[a-z_]+$/);
      }
    });
  });
}
