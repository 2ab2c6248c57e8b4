import { Hono } from 'hono';
import { latestPosts } from '../../edge/blog/queries.ts';
import type { Database } from '../../edge/db/port.ts';
import { robotsTxt } from './robots.ts';
import { RSS_ITEMS, rssXml } from './rss.ts';
import { SITE_NAME } from './site.ts';
import { cachedSitemap, SITEMAP_TTL_MS } from './sitemap.ts';

/** GET /robots.txt, GET /sitemap.xml and GET /blog/rss.xml, with absolute URLs from the site's configured origin (SITE_URL). */
export function seoRoutes(db: Database, siteUrl: string, ttlMs = SITEMAP_TTL_MS): Hono {
  const origin = new URL(siteUrl).origin;
  const app = new Hono();
  const robots = robotsTxt(origin);
  const sitemap = cachedSitemap(db, origin, ttlMs);
  const maxAge = `public, max-age=${Math.round(ttlMs / 1000)}`;
  app.get('/robots.txt', (c) =>
    c.body(robots, 200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' }),
  );
  // The blog's RSS feed: the latest public posts, read as an anonymous visitor.
  app.get('/blog/rss.xml', async (c) => {
    const posts = await db.asCaller({ role: 'anon' }, (sql) => latestPosts(sql, RSS_ITEMS, ''));
    return c.body(rssXml({ origin, name: SITE_NAME }, posts), 200, {
      'content-type': 'application/rss+xml; charset=utf-8',
      'cache-control': maxAge,
    });
  });
  app.get('/sitemap.xml', async (c) =>
    c.body(await sitemap(), 200, { 'content-type': 'application/xml; charset=utf-8', 'cache-control': maxAge }),
  );
  return app;
}
