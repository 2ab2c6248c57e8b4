import { Hono } from 'hono';
import { videoProgressInput } from '../contract/player.ts';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { AppError, badRequest, notFound } from '../http/errors.ts';
import { jsonBody, param, slug, uuid } from '../http/validate.ts';
import { completeLesson, coursePlayer, lessonContent, recordVideoProgress } from './queries.ts';

const lessonId = (c: Parameters<typeof param>[0]) => param(c, 'id', uuid, badRequest('lesson id must be a UUID'));

export function progressRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/courses/:slug/player', async (c) => {
    const userId = requireUser(c);
    const courseSlug = param(c, 'slug', slug, notFound('course'));
    const player = await asCaller(db, c, (sql) => coursePlayer(sql, courseSlug, userId));
    if (player === 'no-course') throw notFound('course');
    if (player === 'not-enrolled') throw new AppError(403, 'not_enrolled', 'enroll in this course to open the player');
    return c.json(player);
  });

  app.get('/lessons/:id', async (c) => {
    const id = lessonId(c);
    const caller = c.get('caller');
    const result = await asCaller(db, c, (sql) =>
      lessonContent(sql, id, caller.role === 'authenticated' ? caller.claims.sub : null),
    );
    if (result === 'not-found') throw notFound('lesson');
    if (result === 'locked') {
      throw new AppError(403, 'lesson_locked', 'this lesson opens to enrolled learners (and on its drip date)');
    }
    return c.json(result);
  });

  app.post('/lessons/:id/complete', async (c) => {
    requireUser(c);
    const id = lessonId(c);
    const enrollment = await asCaller(db, c, (sql) => completeLesson(sql, id));
    return c.json({ enrollment });
  });

  // The database keeps the furthest point watched plausible and completes the lesson at its share.
  app.post('/lessons/:id/video-progress', async (c) => {
    requireUser(c);
    const id = lessonId(c);
    const body = await jsonBody(c, videoProgressInput);
    const progress = await asCaller(db, c, (sql) =>
      recordVideoProgress(sql, id, body.positionSeconds, body.durationSeconds),
    );
    return c.json(progress);
  });

  return app;
}
