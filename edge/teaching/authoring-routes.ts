import { Hono } from 'hono';
import { uuid } from '../contract/primitives.ts';
import { coursePatch, newCourseInput } from '../contract/teaching.ts';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { AppError, badRequest, notFound } from '../http/errors.ts';
import { jsonBody, param } from '../http/validate.ts';
import { requireManagedCourse, requireTeacher } from './access.ts';
import { createCourse, patchCourse, setCourseStatus } from './course-queries.ts';
import { courseEditor } from './editor-queries.ts';

/** The wizard's course-level calls: create, read for editing, basic info and pricing, submit and withdraw. */
export function authoringRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  const courseId = (c: Parameters<typeof requireUser>[0]) =>
    param(c, 'id', uuid, badRequest('course id must be a UUID'));

  app.post('/teach/courses', async (c) => {
    const userId = requireUser(c);
    const body = await jsonBody(c, newCourseInput);
    const course = await asCaller(db, c, async (sql) => {
      await requireTeacher(sql, userId);
      return createCourse(sql, body.title, body.categoryId ?? null);
    });
    return c.json(course, 201);
  });

  app.get('/teach/courses/:id/editor', async (c) => {
    const userId = requireUser(c);
    const id = courseId(c);
    const editor = await asCaller(db, c, async (sql) => {
      await requireManagedCourse(sql, await requireTeacher(sql, userId), id);
      return courseEditor(sql, id);
    });
    if (!editor) throw notFound('course');
    return c.json(editor);
  });

  app.patch('/teach/courses/:id', async (c) => {
    const userId = requireUser(c);
    const id = courseId(c);
    const body = await jsonBody(c, coursePatch);
    const course = await asCaller(db, c, async (sql) => {
      await requireManagedCourse(sql, await requireTeacher(sql, userId), id);
      return patchCourse(sql, id, body);
    });
    return c.json(course);
  });

  app.post('/teach/courses/:id/submit', async (c) => {
    const userId = requireUser(c);
    const id = courseId(c);
    const editor = await asCaller(db, c, async (sql) => {
      const { status } = await requireManagedCourse(sql, await requireTeacher(sql, userId), id);
      if (status !== 'draft') throw new AppError(409, 'not_draft', 'only a draft can be submitted for review');
      const before = (await courseEditor(sql, id))!;
      if (before.missing.length) {
        throw new AppError(422, 'course_incomplete', 'the course is not ready for review', before.missing);
      }
      await setCourseStatus(sql, id, 'pending_review');
      return (await courseEditor(sql, id))!;
    });
    return c.json(editor);
  });

  app.post('/teach/courses/:id/withdraw', async (c) => {
    const userId = requireUser(c);
    const id = courseId(c);
    const editor = await asCaller(db, c, async (sql) => {
      const { status } = await requireManagedCourse(sql, await requireTeacher(sql, userId), id);
      if (status !== 'pending_review') throw new AppError(409, 'not_in_review', 'the course is not waiting for review');
      await setCourseStatus(sql, id, 'draft');
      return (await courseEditor(sql, id))!;
    });
    return c.json(editor);
  });

  return app;
}
