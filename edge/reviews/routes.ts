import { Hono } from 'hono';
import {
  reviewHideInput,
  reviewInput,
  reviewReplyInput,
  reviewsQuery,
  teachReviewsQuery,
} from '../contract/reviews.ts';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { AppError, badRequest, notFound } from '../http/errors.ts';
import { jsonBody, param, queryParams, slug, uuid } from '../http/validate.ts';
import {
  courseIdBySlug,
  courseReviews,
  deleteReview,
  hideReview,
  replyToReview,
  saveReview,
  teachReviews,
} from './queries.ts';

const notReviewer = () => new AppError(403, 'not_reviewer', 'only learners enrolled in this course can review it');

/** Course reviews: public reads, the learner's own review, the instructor's replies, admin hiding. */
export function reviewRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  const courseSlug = (c: Parameters<typeof param>[0]) => param(c, 'slug', slug, notFound('course'));
  const reviewId = (c: Parameters<typeof param>[0]) => param(c, 'id', uuid, badRequest('review id must be a UUID'));

  app.get('/courses/:slug/reviews', async (c) => {
    const s = courseSlug(c);
    const { page } = queryParams(c, reviewsQuery);
    const caller = c.get('caller');
    const userId = caller.role === 'authenticated' ? caller.claims.sub : null;
    const result = await asCaller(db, c, (sql) => courseReviews(sql, s, userId, page));
    if (!result) throw notFound('course');
    return c.json(result);
  });

  app.put('/courses/:slug/review', async (c) => {
    const userId = requireUser(c);
    const s = courseSlug(c);
    const body = await jsonBody(c, reviewInput);
    const review = await asCaller(db, c, async (sql) => {
      const courseId = await courseIdBySlug(sql, s);
      if (!courseId) throw notFound('course');
      const saved = await saveReview(sql, courseId, userId, body.rating, body.comment);
      if (saved === 'not-enrolled') throw notReviewer();
      return saved;
    });
    return c.json({ review });
  });

  app.delete('/courses/:slug/review', async (c) => {
    const userId = requireUser(c);
    const s = courseSlug(c);
    await asCaller(db, c, async (sql) => {
      const courseId = await courseIdBySlug(sql, s);
      if (!courseId) throw notFound('course');
      if (!(await deleteReview(sql, courseId, userId))) throw notFound('review');
    });
    return c.body(null, 204);
  });

  app.get('/teach/reviews', async (c) => {
    const userId = requireUser(c);
    const q = queryParams(c, teachReviewsQuery);
    const list = await asCaller(db, c, async (sql) => {
      const [p] = await sql.query<{ role: string }>('select role::text as role from public.profiles where id = $1', [
        userId,
      ]);
      if (p?.role !== 'instructor' && p?.role !== 'admin') {
        throw new AppError(403, 'forbidden', 'only instructors and admins read course reviews here');
      }
      return teachReviews(sql, userId, p.role === 'admin', q);
    });
    return c.json(list);
  });

  app.post('/teach/reviews/:id/reply', async (c) => {
    const userId = requireUser(c);
    const id = reviewId(c);
    const { reply } = await jsonBody(c, reviewReplyInput);
    const result = await asCaller(db, c, (sql) => replyToReview(sql, id, userId, reply));
    if (result === 'not-found') throw notFound('review');
    if (result === 'refused')
      throw new AppError(403, 'forbidden', "only the course's instructor replies to its reviews");
    return c.json({ review: result });
  });

  app.post('/admin/reviews/:id/hide', async (c) => {
    const userId = requireUser(c);
    const id = reviewId(c);
    const { hidden } = await jsonBody(c, reviewHideInput);
    const result = await asCaller(db, c, (sql) => hideReview(sql, id, userId, hidden));
    if (result === 'not-admin') throw new AppError(403, 'not_admin', 'only admins hide reviews');
    if (result === 'not-found') throw notFound('review');
    return c.json({ review: result });
  });

  return app;
}
