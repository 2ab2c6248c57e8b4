import { Hono } from 'hono';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { param, queryParams, slug } from '../http/validate.ts';
import { DEFAULT_CATALOG_CACHE_ENTRIES, lruCache, markPrivate, type PublicCatalog, servePublic } from './cache.ts';
import { catalogQuery } from './filters.ts';
import { courseBySlug, listCategories, listCourses } from './queries.ts';

export interface CatalogOptions {
  /** Anonymous answers kept in process (LRU); 0 turns the in-process cache off. */
  cacheEntries?: number;
}

/**
 * The public catalog. Anonymous reads go through the catalog cache (cache.ts: in-process LRU
 * checked against the catalog version, ETag/304, shared-cache headers); signed-in reads run
 * as the caller every time and are marked private.
 */
export function catalogRoutes(db: Database, now: () => Date, opts: CatalogOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  const shared: PublicCatalog = { db, now, cache: lruCache(opts.cacheEntries ?? DEFAULT_CATALOG_CACHE_ENTRIES) };

  app.get('/courses', async (c) => {
    const query = queryParams(c, catalogQuery);
    const load = (sql: Sql) => listCourses(sql, query, now());
    // Keyed by the parsed query, so `?page=1` and `` (or reordered parameters) share an entry.
    if (c.get('caller').role === 'anon') return servePublic(c, shared, `courses?${JSON.stringify(query)}`, load);
    markPrivate(c);
    return c.json(await asCaller(db, c, load));
  });

  app.get('/categories', async (c) => {
    const load = async (sql: Sql) => {
      const items = await listCategories(sql);
      return { items: items.map((i) => ({ slug: i.slug, name: i.name, count: Number(i.count) })) };
    };
    if (c.get('caller').role === 'anon') return servePublic(c, shared, 'categories', load);
    markPrivate(c);
    return c.json(await asCaller(db, c, load));
  });

  app.get('/courses/:slug', async (c) => {
    const courseSlug = param(c, 'slug', slug, notFound('course'));
    const caller = c.get('caller');
    const load = async (sql: Sql, userId: string | null) => {
      const course = await courseBySlug(sql, courseSlug, userId, now());
      if (!course) throw notFound('course');
      return course;
    };
    if (caller.role === 'anon') return servePublic(c, shared, `course:${courseSlug}`, (sql) => load(sql, null));
    markPrivate(c);
    return c.json(await asCaller(db, c, (sql) => load(sql, caller.claims.sub)));
  });

  return app;
}
