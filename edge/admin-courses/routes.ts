import { Hono } from 'hono';
import { courseDecisionInput } from '../contract/admin-courses.ts';
import { uuid } from '../contract/primitives.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { jsonBody, param } from '../http/validate.ts';
import { callerRole } from '../teaching/queries.ts';
import { decide, reviewQueue } from './queries.ts';

async function requireAdmin(sql: Sql, userId: string) {
  if ((await callerRole(sql, userId)) !== 'admin') throw forbidden('only admins review courses');
}

/** The admin's course approval queue (admins only: 401 for visitors, 403 for anyone else). */
export function adminCourseRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/admin/course-reviews', async (c) => {
    const userId = requireUser(c);
    const items = await asCaller(db, c, async (sql) => {
      await requireAdmin(sql, userId);
      return reviewQueue(sql);
    });
    return c.json({ items });
  });

  app.post('/admin/courses/:id/decision', async (c) => {
    const userId = requireUser(c);
    const id = param(c, 'id', uuid, badRequest('course id must be a UUID'));
    const body = await jsonBody(c, courseDecisionInput);
    const out = await asCaller(db, c, async (sql) => {
      await requireAdmin(sql, userId);
      return decide(sql, id, body.approve, body.reason ?? '');
    });
    return c.json(out);
  });

  return app;
}
