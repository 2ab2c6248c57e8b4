import { Hono } from 'hono';
import { uuid } from '../contract/primitives.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
import { param } from '../http/validate.ts';
import { callerRole, teachingCourse, teachingCourses } from './queries.ts';

/** The instructor side's reads (course media and, later, the authoring screens start here). */
export function teachingRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();

  /** The caller's role, refused unless they teach. */
  const teacher = async (sql: Sql, userId: string) => {
    const role = await callerRole(sql, userId);
    if (role !== 'instructor' && role !== 'admin') throw forbidden('only instructors and admins teach courses');
    return { isAdmin: role === 'admin' };
  };

  app.get('/teach/courses', async (c) => {
    const userId = requireUser(c);
    const items = await asCaller(db, c, async (sql) => teachingCourses(sql, (await teacher(sql, userId)).isAdmin));
    return c.json({ items });
  });

  app.get('/teach/courses/:id', async (c) => {
    const userId = requireUser(c);
    const id = param(c, 'id', uuid, badRequest('course id must be a UUID'));
    const course = await asCaller(db, c, async (sql) => teachingCourse(sql, (await teacher(sql, userId)).isAdmin, id));
    if (!course) throw notFound('course');
    return c.json(course);
  });

  return app;
}
