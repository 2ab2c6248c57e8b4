import { type Context, Hono } from 'hono';
import {
  DEFAULT_CATALOG_CACHE_ENTRIES,
  lruCache,
  markPrivate,
  type PublicCatalog,
  servePublic,
} from '../../catalog/cache.ts';
import { bundleSearch } from '../../contract/bundles.ts';
import type { Database, Sql } from '../../db/port.ts';
import { asCaller, type Env } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { param, queryParams, slug } from '../../http/validate.ts';
import { bundleBySlug, bundlesOfCourse, listBundles, seatTiers } from './queries.ts';

export interface BundleRouteOptions {
  /** Anonymous answers kept in process (LRU); 0 turns the in-process cache off. */
  cacheEntries?: number;
}

/**
 * What is sold beyond single courses, for anyone: bundle cards, one bundle, the bundles holding a
 * course ("See in bundle") and the per-seat tiers. Like the catalog (edge/catalog/cache.ts),
 * anonymous answers are cached in process for the catalog version (bundles, their courses and
 * pricing rules bump it), with a strong ETag and shared-cache headers; signed-in callers' answers
 * are read as them each time and marked private.
 */
export function bundleRoutes(db: Database, now: () => Date, opts: BundleRouteOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  const shared: PublicCatalog = { db, now, cache: lruCache(opts.cacheEntries ?? DEFAULT_CATALOG_CACHE_ENTRIES) };

  /** Serves `load` from the cache to visitors, as the caller to everyone else. */
  const serve = async (c: Context<Env>, key: string, load: (sql: Sql) => Promise<unknown>) => {
    if (c.get('caller').role === 'anon') return servePublic(c, shared, key, load);
    markPrivate(c);
    return c.json(await asCaller(db, c, load));
  };

  app.get('/bundles', (c) => {
    const query = queryParams(c, bundleSearch);
    return serve(c, `bundles?${JSON.stringify(query)}`, async (sql) => ({ items: await listBundles(sql, query) }));
  });

  app.get('/bundles/:slug', (c) => {
    const bundleSlug = param(c, 'slug', slug, notFound('bundle'));
    return serve(c, `bundle:${bundleSlug}`, async (sql) => {
      const bundle = await bundleBySlug(sql, bundleSlug, now());
      if (!bundle) throw notFound('bundle');
      return bundle;
    });
  });

  app.get('/courses/:slug/bundles', (c) => {
    const courseSlug = param(c, 'slug', slug, notFound('course'));
    return serve(c, `course-bundles:${courseSlug}`, async (sql) => {
      const items = await bundlesOfCourse(sql, courseSlug);
      if (!items) throw notFound('course');
      return { items };
    });
  });

  app.get('/pricing/seat-tiers', (c) => serve(c, 'seat-tiers', seatTiers));

  return app;
}
