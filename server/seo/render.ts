import { matchesRoute } from '../../web/src/routes.ts';
import { applyHead, type PageHead } from './head.ts';
import type { Site } from './json-ld.ts';
import { DEFAULT_DESCRIPTION, PUBLIC_PAGES, type PublicPage } from './pages.ts';
import { frame } from './prerender.ts';
import { SITE_NAME } from './site.ts';

/**
 * What the host (server/static.ts) asks of SEO for each page it serves: the API paths the page's
 * head and content are built from, then index.html with that head, and the content inside #root.
 */

export interface ApiAnswer {
  status: number;
  /** The JSON body of a 200. */
  body?: unknown;
}

export interface SeoResult {
  /** index.html with the page's head and content. */
  apply(html: string): string;
  /** What the page shows does not exist: the host answers 404. */
  notFound: boolean;
}

/** The route's `:name` segments of `pathname`, decoded. */
export function routeParams(pattern: string, pathname: string): Record<string, string> {
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  want.forEach((w, i) => {
    if (!w.startsWith(':') || got[i] === undefined) return;
    try {
      params[w.slice(1).replace(/\?$/, '')] = decodeURIComponent(got[i]!);
    } catch {
      params[w.slice(1).replace(/\?$/, '')] = got[i]!;
    }
  });
  return params;
}

/** The content inside #root; the no-script notice then says only what does need JavaScript. */
const withRoot = (html: string, body: string) =>
  html
    .replace(/<div id="root"><\/div>/, () => `<div id="root">${body}</div>`)
    .replace(
      /(<noscript>\s*<p[^>]*>)[^<]*(<\/p>)/,
      (_m, open: string, close: string) => `${open}Signing in, enrolling and learning need JavaScript.${close}`,
    );

export function pageSeo(siteUrl: string, pages: PublicPage[] = PUBLIC_PAGES) {
  const site: Site = { origin: new URL(siteUrl).origin, name: SITE_NAME };
  const find = (pathname: string) => pages.find((p) => matchesRoute(p.route, pathname));
  const full = (head: Omit<PageHead, 'siteName'>): PageHead => ({
    ...head,
    title: `${head.title} · ${SITE_NAME}`,
    siteName: SITE_NAME,
  });
  const notFoundHead = full({ title: 'Page not found', description: DEFAULT_DESCRIPTION, noindex: true });

  return {
    /** The anonymous API GETs the page at `url` is built from (none for a page that is not public). */
    api(url: URL): string[] {
      const page = find(url.pathname);
      return page ? page.api(url, routeParams(page.route, url.pathname)) : [];
    },

    /** The page's head and content; `found`: the path is one of the app's routes. */
    render(url: URL, found: boolean, answers: Record<string, ApiAnswer>): SeoResult {
      const page = found ? find(url.pathname) : undefined;
      if (!found) return { apply: (html) => applyHead(html, notFoundHead), notFound: true };
      if (!page) return { apply: (html) => html, notFound: false };
      const out = page.render({
        site,
        url,
        params: routeParams(page.route, url.pathname),
        answer: <T>(path: string) => (answers[path]?.status === 200 ? (answers[path]?.body as T) : undefined),
        missing: (path) => answers[path]?.status === 404,
      });
      if (out === 'not-found') return { apply: (html) => applyHead(html, notFoundHead), notFound: true };
      const head = full(out.head);
      return {
        apply: (html) => {
          const withHead = applyHead(html, head);
          return out.body ? withRoot(withHead, frame(SITE_NAME, out.body)) : withHead;
        },
        notFound: false,
      };
    },
  };
}

export type PageSeo = ReturnType<typeof pageSeo>;
