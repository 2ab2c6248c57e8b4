import { ROUTES } from '../../web/src/routes.ts';
import { PUBLIC_PAGES, type PublicPage } from './pages.ts';

/**
 * robots.txt: everything public may be crawled; the services and every page that is not public
 * (a route in no PUBLIC_PAGES entry: sign-in, checkout, learning, teaching, admin ...) may not.
 * The disallowed prefixes come from the routes, so a new private page is covered as it lands.
 * Public storage objects (course covers, which previews show) stay allowed.
 */

/** The host's service prefixes: data, not pages. */
const SERVICES = ['/api/', '/auth/', '/storage/', '/realtime/', '/labs/', '/dev/'];

const firstSegment = (pattern: string) => pattern.split('/').filter(Boolean)[0] ?? '';

/** The first path segments of private routes that no public page shares, as `/segment`. */
export function privatePrefixes(pages: PublicPage[] = PUBLIC_PAGES): string[] {
  const publicFirst = new Set(pages.map((p) => firstSegment(p.route)));
  const out = new Set<string>();
  for (const pattern of Object.values(ROUTES)) {
    const first = firstSegment(pattern);
    if (!first || first.startsWith(':') || publicFirst.has(first)) continue;
    out.add(`/${first}`);
  }
  return [...out].sort();
}

export function robotsTxt(origin: string, pages: PublicPage[] = PUBLIC_PAGES): string {
  const lines = [
    'User-agent: *',
    'Allow: /',
    'Allow: /storage/v1/object/public/',
    ...[...SERVICES, ...privatePrefixes(pages)].map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ];
  return lines.join('\n');
}
