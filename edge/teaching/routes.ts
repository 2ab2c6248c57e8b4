import { Hono } from 'hono';
import { uuid } from '../contract/primitives.ts';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { param } from '../http/validate.ts';
import { requireTeacher } from './access.ts';
import { authoringRoutes } from './authoring-routes.ts';
import { curriculumRoutes } from './curriculum-routes.ts';
import { insightRoutes } from './insight-routes.ts';
import { teachingCourse, teachingCourses } from './queries.ts';

/**
 * The instructor side under /api/teach (instructors and admins; 403 for learners, 401 for
 * visitors, 404 for a course the caller does not manage). Everything runs as the caller.
 */
export function teachingRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/teach/courses', async (c) => {
    const userId = requireUser(c);
    const items = await asCaller(db, c, async (sql) =>
      teachingCourses(sql, (await requireTeacher(sql, userId)).isAdmin),
    );
    return c.json({ items });
  });

  app.get('/teach/courses/:id', async (c) => {
    const userId = requireUser(c);
    const id = param(c, 'id', uuid, badRequest('course id must be a UUID'));
    const course = await asCaller(db, c, async (sql) =>
      teachingCourse(sql, (await requireTeacher(sql, userId)).isAdmin, id),
    );
    if (!course) throw notFound('course');
    return c.json(course);
  });

  app.route('/', authoringRoutes(db));
  app.route('/', curriculumRoutes(db));
  app.route('/', insightRoutes(db));
  return app;
}
