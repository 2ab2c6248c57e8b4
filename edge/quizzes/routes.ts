import { Hono } from 'hono';
import { z } from 'zod';
import { submitAttemptRequest } from '../contract/quizzes.ts';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { AppError, badRequest, notFound } from '../http/errors.ts';
import { jsonBody, param, queryParams, slug, uuid } from '../http/validate.ts';
import { attemptReview, listQuizzes, quizDetail, startAttempt, submitAttempt } from './queries.ts';
import { quizTeachRoutes } from './teach-routes.ts';

const listQuery = z.strictObject({ course: slug });

/**
 * The learner side of quizzes. Every route runs as the caller; the definer functions
 * (start_quiz_attempt, submit_quiz_attempt, quiz_attempt_review) decide enrollment, limits,
 * deadlines and grades, and name their refusals (edge/http/errors.ts maps them to 4xx).
 * The builder's routes (teach-routes.ts) are mounted here too.
 */
export function quizRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  const quizId = (c: Parameters<typeof param>[0]) => param(c, 'id', uuid, badRequest('quiz id must be a UUID'));
  const attemptId = (c: Parameters<typeof param>[0]) => param(c, 'id', uuid, badRequest('attempt id must be a UUID'));

  app.get('/quizzes', async (c) => {
    requireUser(c);
    const { course } = queryParams(c, listQuery);
    const list = await asCaller(db, c, (sql) => listQuizzes(sql, course));
    if (list === 'no-course') throw notFound('course');
    if (list === 'not-enrolled') throw new AppError(403, 'not_enrolled', 'enroll in this course to take its quizzes');
    return c.json(list);
  });

  app.get('/quizzes/:id', async (c) => {
    requireUser(c);
    const id = quizId(c);
    const quiz = await asCaller(db, c, (sql) => quizDetail(sql, id));
    if (!quiz) throw new AppError(404, 'quiz_not_found', 'quiz not found');
    return c.json(quiz);
  });

  app.post('/quizzes/:id/attempts', async (c) => {
    requireUser(c);
    const id = quizId(c);
    const { body, created } = await asCaller(db, c, (sql) => startAttempt(sql, id));
    return c.json(body, created ? 201 : 200);
  });

  app.post('/attempts/:id/submit', async (c) => {
    requireUser(c);
    const id = attemptId(c);
    const { answers } = await jsonBody(c, submitAttemptRequest);
    // The transaction commits first: an expired attempt stays expired.
    const result = await asCaller(db, c, (sql) => submitAttempt(sql, id, answers));
    if (result.status === 'expired') {
      throw new AppError(409, 'time_limit_exceeded', 'the time limit passed before this attempt was submitted');
    }
    return c.json(result);
  });

  app.get('/attempts/:id/review', async (c) => {
    requireUser(c);
    const id = attemptId(c);
    return c.json(await asCaller(db, c, (sql) => attemptReview(sql, id)));
  });

  // The quiz builder and the question bank (/api/teach/...).
  app.route('/', quizTeachRoutes(db));

  return app;
}
