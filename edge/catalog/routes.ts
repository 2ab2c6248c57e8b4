import { Hono } from 'hono';
import type { Database } from '../db/port.ts';
import { type Env, asCaller } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { param, queryParams, slug } from '../http/validate.ts';
import { catalogQuery } from './filters.ts';
import { courseBySlug, listCategories, listCourses } from './queries.ts';

export function catalogRoutes(db: Database, now: () => Date): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/courses', async (c) => {
    const query = queryParams(c, catalogQuery);
    return c.json(await asCaller(db, c, (sql) => listCourses(sql, query, now())));
  });

  app.get('/categories', async (c) => {
    const items = await asCaller(db, c, listCategories);
    return c.json({ items: items.map((i) => ({ slug: i.slug, name: i.name, count: Number(i.count) })) });
  });

  app.get('/courses/:slug', async (c) => {
    const courseSlug = param(c, 'slug', slug, notFound('course'));
    const caller = c.get('caller');
    const userId = caller.role === 'authenticated' ? caller.claims.sub : null;
    const course = await asCaller(db, c, (sql) => courseBySlug(sql, courseSlug, userId, now()));
    if (!course) throw notFound('course');
    return c.json(course);
  });

  return app;
}
