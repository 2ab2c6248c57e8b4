import { Hono } from 'hono';
import { legalPageInput, legalSlug, siteHomeInput } from '../contract/site.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { jsonBody, param } from '../http/validate.ts';
import {
  adminHome,
  adminLegalPages,
  legalPage,
  requireSiteAdmin,
  saveHome,
  saveLegalPage,
  siteHome,
} from './queries.ts';

/**
 * Site content (docs/site-content.md): the homepage record and the legal pages for everyone, and
 * the admins' editor for both. Every change is audited by the database.
 */
export function siteRoutes(db: Database, now: () => Date): Hono<Env> {
  const app = new Hono<Env>();
  const slugOf = (c: Parameters<typeof param>[0]) => param(c, 'slug', legalSlug, notFound('page'));

  app.get('/site/home', async (c) => c.json(await asCaller(db, c, (sql) => siteHome(sql, now()))));

  app.get('/site/legal/:slug', async (c) => {
    const slug = slugOf(c);
    return c.json(await asCaller(db, c, (sql) => legalPage(sql, slug)));
  });

  const admin = <T>(c: Parameters<typeof requireUser>[0], fn: (sql: Sql) => Promise<T>) => {
    const userId = requireUser(c);
    return asCaller(db, c, async (sql) => {
      await requireSiteAdmin(sql, userId);
      return fn(sql);
    });
  };

  app.get('/admin/site/home', async (c) => c.json(await admin(c, adminHome)));

  app.put('/admin/site/home', async (c) => {
    requireUser(c);
    const body = await jsonBody(c, siteHomeInput);
    return c.json(await admin(c, (sql) => saveHome(sql, body)));
  });

  app.get('/admin/site/legal', async (c) => c.json({ items: await admin(c, adminLegalPages) }));

  app.put('/admin/site/legal/:slug', async (c) => {
    requireUser(c);
    const slug = slugOf(c);
    const body = await jsonBody(c, legalPageInput);
    return c.json(await admin(c, (sql) => saveLegalPage(sql, slug, body)));
  });

  return app;
}
