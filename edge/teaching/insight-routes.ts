import { Hono } from 'hono';
import { uuid } from '../contract/primitives.ts';
import { studentsQuery, teachingBundlesInput } from '../contract/teaching.ts';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { badRequest } from '../http/errors.ts';
import { jsonBody, param, queryParams } from '../http/validate.ts';
import { requireManagedCourse, requireTeacher } from './access.ts';
import { courseBundles, earnings, overview, setCourseBundles, students } from './insights-queries.ts';

/** The dashboard's overview and earnings, a course's students, and bundle tagging. */
export function insightRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/teach/overview', async (c) => {
    const userId = requireUser(c);
    const out = await asCaller(db, c, async (sql) => {
      await requireTeacher(sql, userId);
      return overview(sql);
    });
    return c.json(out);
  });

  app.get('/teach/earnings', async (c) => {
    const userId = requireUser(c);
    const items = await asCaller(db, c, async (sql) => {
      await requireTeacher(sql, userId);
      return earnings(sql);
    });
    return c.json({ items });
  });

  app.get('/teach/courses/:id/students', async (c) => {
    const userId = requireUser(c);
    const courseId = param(c, 'id', uuid, badRequest('course id must be a UUID'));
    const q = queryParams(c, studentsQuery);
    const out = await asCaller(db, c, async (sql) => {
      await requireManagedCourse(sql, await requireTeacher(sql, userId), courseId);
      return students(sql, courseId, q);
    });
    return c.json(out);
  });

  app.get('/teach/courses/:id/bundles', async (c) => {
    const userId = requireUser(c);
    const courseId = param(c, 'id', uuid, badRequest('course id must be a UUID'));
    const items = await asCaller(db, c, async (sql) => {
      await requireManagedCourse(sql, await requireTeacher(sql, userId), courseId);
      return courseBundles(sql, courseId);
    });
    return c.json({ items });
  });

  app.put('/teach/courses/:id/bundles', async (c) => {
    const userId = requireUser(c);
    const courseId = param(c, 'id', uuid, badRequest('course id must be a UUID'));
    const body = await jsonBody(c, teachingBundlesInput);
    const items = await asCaller(db, c, async (sql) => {
      await requireManagedCourse(sql, await requireTeacher(sql, userId), courseId);
      return setCourseBundles(sql, courseId, body.bundleIds);
    });
    return c.json({ items });
  });

  return app;
}
