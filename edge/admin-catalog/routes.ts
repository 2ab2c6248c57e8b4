import { Hono } from 'hono';
import {
  adminCourseQuery,
  courseCategoryDeleteQuery,
  courseCategoryInput,
  courseCategoryPatch,
  courseStatusInput,
  featureCoursesInput,
  tagQuery,
  tagRenameInput,
} from '../contract/admin-catalog.ts';
import { uuid } from '../contract/primitives.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { jsonBody, param, queryParams } from '../http/validate.ts';
import { callerRole } from '../teaching/queries.ts';
import { createCategory, deleteCategory, listCategories, listTags, renameTag, updateCategory } from './categories.ts';
import { featureCourses, listCourses, setCourseStatus } from './courses.ts';

/**
 * The admin's courses screen, categories and tags (docs/admin.md). Admins only: 401 for visitors,
 * 403 for anyone else; the database checks again in every definer function and policy, and
 * audits each change in the same transaction.
 */
export function adminCatalogRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();

  const admin = <T>(c: Parameters<typeof requireUser>[0], fn: (sql: Sql) => Promise<T>) => {
    const me = requireUser(c);
    return asCaller(db, c, async (sql) => {
      if ((await callerRole(sql, me)) !== 'admin') throw forbidden('only admins manage courses');
      return fn(sql);
    });
  };
  const categoryId = (c: Parameters<typeof param>[0]) => param(c, 'id', uuid, badRequest('category id must be a UUID'));

  app.get('/admin/courses', async (c) => {
    requireUser(c);
    const query = queryParams(c, adminCourseQuery);
    return c.json(await admin(c, (sql) => listCourses(sql, query)));
  });

  app.post('/admin/courses/feature', async (c) => {
    requireUser(c);
    const body = await jsonBody(c, featureCoursesInput);
    return c.json(await admin(c, (sql) => featureCourses(sql, body.ids, body.featured)));
  });

  app.post('/admin/courses/status', async (c) => {
    requireUser(c);
    const body = await jsonBody(c, courseStatusInput);
    return c.json(await admin(c, (sql) => setCourseStatus(sql, body.ids, body.action, body.reason ?? '')));
  });

  app.get('/admin/course-categories', async (c) => c.json({ items: await admin(c, listCategories) }));

  app.post('/admin/course-categories', async (c) => {
    requireUser(c);
    const body = await jsonBody(c, courseCategoryInput);
    return c.json({ item: await admin(c, (sql) => createCategory(sql, body)) }, 201);
  });

  app.patch('/admin/course-categories/:id', async (c) => {
    requireUser(c);
    const id = categoryId(c);
    const body = await jsonBody(c, courseCategoryPatch);
    return c.json({ item: await admin(c, (sql) => updateCategory(sql, id, body)) });
  });

  app.delete('/admin/course-categories/:id', async (c) => {
    requireUser(c);
    const id = categoryId(c);
    const { moveTo } = queryParams(c, courseCategoryDeleteQuery);
    await admin(c, (sql) => deleteCategory(sql, id, moveTo));
    return c.body(null, 204);
  });

  app.get('/admin/tags', async (c) => {
    requireUser(c);
    const { q } = queryParams(c, tagQuery);
    return c.json(await admin(c, (sql) => listTags(sql, q)));
  });

  app.post('/admin/tags/rename', async (c) => {
    requireUser(c);
    const body = await jsonBody(c, tagRenameInput);
    return c.json(await admin(c, (sql) => renameTag(sql, body.from, body.to)));
  });

  return app;
}
