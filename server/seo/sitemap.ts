import type { Database } from '../../edge/db/port.ts';
import { escapeHtml } from './escape.ts';
import { PUBLIC_PAGES, type PublicPage, type SitemapUrl } from './pages.ts';

/**
 * sitemap.xml from the data: each public page's own URL ('static' entries) and the pages its
 * pattern stands for (published courses and bundles, with their last change), read as an
 * anonymous visitor in one transaction, so RLS decides what is listed: drafts, courses in
 * review, archived ones and everything private never are. The answer is kept in process for
 * SITEMAP_TTL_MS: crawlers ask often, and a new course may wait a minute to appear.
 */

export const SITEMAP_TTL_MS = 60_000;
/** The protocol's limit per file; past it a sitemap index would be needed. */
export const SITEMAP_MAX_URLS = 50_000;

export async function sitemapUrls(db: Database, pages: PublicPage[] = PUBLIC_PAGES): Promise<SitemapUrl[]> {
  return db.asCaller({ role: 'anon' }, async (sql) => {
    const urls: SitemapUrl[] = [];
    for (const page of pages) {
      if (page.sitemap === 'static') urls.push({ path: page.route });
      else if (page.sitemap) urls.push(...(await page.sitemap(sql)));
    }
    return urls.slice(0, SITEMAP_MAX_URLS);
  });
}

export function sitemapXml(origin: string, urls: SitemapUrl[]): string {
  const body = urls
    .map(
      (u) =>
        `<url><loc>${escapeHtml(`${origin}${u.path}`)}</loc>${u.lastmod ? `<lastmod>${escapeHtml(u.lastmod)}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/** sitemap.xml, computed at most once per TTL (concurrent askers share one computation). */
export function cachedSitemap(db: Database, origin: string, ttlMs = SITEMAP_TTL_MS, now = () => Date.now()) {
  let cached: { at: number; xml: Promise<string> } | undefined;
  return (): Promise<string> => {
    const t = now();
    if (!cached || t - cached.at >= ttlMs || t < cached.at) {
      const xml = sitemapUrls(db).then((urls) => sitemapXml(origin, urls));
      cached = { at: t, xml };
      // A failure is not kept: the next asker tries again.
      xml.catch(() => {
        if (cached?.xml === xml) cached = undefined;
      });
    }
    return cached.xml;
  };
}
