import { Hono } from 'hono';
import { faqInput, faqPatch, faqReorder } from '../contract/faq.ts';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { jsonBody, param, slug, uuid } from '../http/validate.ts';
import { addFaq, courseFaq, deleteFaq, managedFaq, reorderFaq, updateFaq } from './queries.ts';

/** Course FAQ: read by anyone on published courses, edited by the course's instructor and admins. */
export function faqRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  const courseId = (c: Parameters<typeof param>[0]) =>
    param(c, 'courseId', uuid, badRequest('course id must be a UUID'));
  const faqId = (c: Parameters<typeof param>[0]) => param(c, 'id', uuid, badRequest('question id must be a UUID'));

  app.get('/courses/:slug/faq', async (c) => {
    const s = param(c, 'slug', slug, notFound('course'));
    const items = await asCaller(db, c, (sql) => courseFaq(sql, s));
    if (!items) throw notFound('course');
    return c.json({ items });
  });

  app.get('/teach/courses/:courseId/faq', async (c) => {
    const userId = requireUser(c);
    const id = courseId(c);
    const items = await asCaller(db, c, (sql) => managedFaq(sql, id, userId));
    return c.json({ items });
  });

  app.post('/teach/courses/:courseId/faq', async (c) => {
    const userId = requireUser(c);
    const id = courseId(c);
    const body = await jsonBody(c, faqInput);
    const item = await asCaller(db, c, (sql) => addFaq(sql, id, userId, body));
    return c.json({ item }, 201);
  });

  app.post('/teach/courses/:courseId/faq/reorder', async (c) => {
    const userId = requireUser(c);
    const id = courseId(c);
    const { ids } = await jsonBody(c, faqReorder);
    const items = await asCaller(db, c, (sql) => reorderFaq(sql, id, userId, ids));
    return c.json({ items });
  });

  app.patch('/teach/faq/:id', async (c) => {
    const userId = requireUser(c);
    const id = faqId(c);
    const body = await jsonBody(c, faqPatch);
    const item = await asCaller(db, c, (sql) => updateFaq(sql, id, userId, body));
    return c.json({ item });
  });

  app.delete('/teach/faq/:id', async (c) => {
    const userId = requireUser(c);
    const id = faqId(c);
    await asCaller(db, c, (sql) => deleteFaq(sql, id, userId));
    return c.body(null, 204);
  });

  return app;
}
