import { Hono } from 'hono';
import type { Database } from '../../edge/db/port.ts';
import { robotsTxt } from './robots.ts';
import { cachedSitemap, SITEMAP_TTL_MS } from './sitemap.ts';

/** GET /robots.txt and GET /sitemap.xml, with absolute URLs from the site's configured origin (SITE_URL). */
export function seoRoutes(db: Database, siteUrl: string, ttlMs = SITEMAP_TTL_MS): Hono {
  const origin = new URL(siteUrl).origin;
  const app = new Hono();
  const robots = robotsTxt(origin);
  const sitemap = cachedSitemap(db, origin, ttlMs);
  const maxAge = `public, max-age=${Math.round(ttlMs / 1000)}`;
  app.get('/robots.txt', (c) =>
    c.body(robots, 200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' }),
  );
  app.get('/sitemap.xml', async (c) =>
    c.body(await sitemap(), 200, { 'content-type': 'application/xml; charset=utf-8', 'cache-control': maxAge }),
  );
  return app;
}
