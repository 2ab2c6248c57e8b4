/**
 * A page's first data, in the HTML. The Node host knows which API answers the home page, the
 * catalog and a course page start with (`firstDataFor`); it asks its own API for them as an
 * anonymous visitor (the catalog cache answers) and writes them into index.html as a JSON data
 * block, with a modulepreload of the page's code. The app then renders the page with its data in
 * the same task as its first paint: no request after the script, no skeleton that data replaces.
 *
 * Plain functions, no Solid: the host imports this file (and catalog-query.ts, routes.ts) as it is.
 * The same answers come from the API when the block is missing (Vite's dev server, a static host).
 */

import { matchesRoute, ROUTES } from '../routes.ts';
import { parseBlogQuery, toBlogSearch } from './blog-query.ts';
import { parseCatalogQuery, toApiQuery } from './catalog-query.ts';

/** The id of the `<script type="application/json">` block the host writes. */
export const FIRST_DATA_ID = 'first-data';

/** The app's config: the first thing every page reads. */
export const CONFIG_PATH = '/api/config';

/** The home page's shelves (Home.tsx reads them with these queries). */
export const HOME_POPULAR = '?sort=popular&page=1&pageSize=6';
export const HOME_NEWEST = '?sort=newest&page=1&pageSize=3';
/** The homepage record the admins manage (edge/site; lib/site-api.ts SITE_HOME_PATH). */
export const HOME_SITE = '/api/site/home';
/** The latest blog posts (edge/blog; lib/blog-api.ts asks the same path for the first page). */
export const HOME_BLOG = '/api/blog/posts';

export interface FirstData {
  /** The page's module under web/src (as Vite's manifest names it), to modulepreload. */
  page?: string;
  /** The API GETs the page starts with, as the app's API client spells them. */
  api: string[];
}

/** What a page at `pathname` + `search` loads first (the route preloads of App.tsx). */
export function firstDataFor(pathname: string, search: string): FirstData {
  if (matchesRoute(ROUTES.home, pathname)) {
    // The FAQ teaser (pages/Home.tsx) reads /api/faq; the hero, featured items and testimonials /api/site/home.
    return {
      api: [
        `/api/courses${HOME_POPULAR}`,
        `/api/courses${HOME_NEWEST}`,
        '/api/categories',
        '/api/faq',
        HOME_SITE,
        // "From the blog" (components/blog/BlogHighlights.tsx).
        HOME_BLOG,
      ],
    };
  }
  if (matchesRoute(ROUTES.faq, pathname)) return { page: 'src/pages/Faq.tsx', api: ['/api/faq'] };
  if (matchesRoute(ROUTES.blog, pathname)) {
    const posts = `/api/blog/posts${toBlogSearch(parseBlogQuery(search))}`;
    return { page: 'src/pages/Blog.tsx', api: [posts, '/api/blog/categories'] };
  }
  if (matchesRoute(ROUTES.blogConfirm, pathname)) return { page: 'src/pages/BlogConfirm.tsx', api: [] };
  if (matchesRoute(ROUTES.blogPost, pathname)) {
    const slug = pathname.split('/').filter(Boolean)[1]!;
    return { page: 'src/pages/BlogPost.tsx', api: [`/api/blog/posts/${encodeURIComponent(slug)}`] };
  }
  if (matchesRoute(ROUTES.legal, pathname)) {
    const slug = pathname.split('/').filter(Boolean)[1]!;
    return { page: 'src/pages/Legal.tsx', api: [`/api/site/legal/${encodeURIComponent(slug)}`] };
  }
  if (matchesRoute(ROUTES.catalog, pathname)) {
    return {
      page: 'src/pages/Catalog.tsx',
      api: [`/api/courses${toApiQuery(parseCatalogQuery(search))}`, '/api/categories'],
    };
  }
  if (matchesRoute(ROUTES.course, pathname)) {
    const slug = pathname.split('/').filter(Boolean)[1]!;
    const course = `/api/courses/${encodeURIComponent(slug)}`;
    // The course, its "See in bundle" list (components/InBundles.tsx), its reviews and its FAQ
    // (components/reviews/).
    return {
      page: 'src/pages/CourseDetails.tsx',
      api: [course, `${course}/bundles`, `${course}/reviews`, `${course}/faq`],
    };
  }
  return { api: [] };
}

/**
 * The block's text: JSON that cannot end the script element early (`<` escaped, so a course
 * title holding `</script>` stays data) and reads the same with JSON.parse.
 */
export function serializeFirstData(answers: Record<string, unknown>): string {
  return JSON.stringify(answers).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Whether a Cookie header carries a Supabase session (`sb-<ref>-auth-token`, or its chunks). */
export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  return !!cookieHeader && /(?:^|;)\s*sb-[^=;\s]+-auth-token(?:\.\d+)?=[^;\s]/.test(cookieHeader);
}

/**
 * The answers in the page's block, each handed out once: a later read (a retry, a revalidation
 * after sign-in) goes to the API. `drop()` forgets what the first page did not use.
 */
export function firstDataStore(doc: Pick<Document, 'getElementById'> | undefined) {
  let answers: Map<string, unknown> | undefined;
  const load = () => {
    if (answers) return answers;
    answers = new Map();
    const text = doc?.getElementById(FIRST_DATA_ID)?.textContent;
    if (!text) return answers;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') for (const [k, v] of Object.entries(parsed)) answers.set(k, v);
    } catch {
      // A broken block: the app asks the API instead.
    }
    return answers;
  };
  return {
    take(path: string): unknown {
      const all = load();
      const value = all.get(path);
      all.delete(path);
      return value;
    },
    drop(): void {
      load().clear();
    },
  };
}

export type FirstDataStore = ReturnType<typeof firstDataStore>;
