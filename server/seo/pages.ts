import type {
  BundleDetail,
  BundleList,
  CategoryList,
  CourseDetail,
  CourseList,
  CourseReviews,
  FaqCenter,
  FaqList,
  LegalPage,
  SiteHome,
} from '../../edge/api-types.ts';
import type { BlogPostList } from '../../edge/contract/blog.ts';
import type { Sql } from '../../edge/db/port.ts';
import { parseBundleQuery, toBundleSearch } from '../../web/src/lib/bundle-query.ts';
import { parseCatalogQuery } from '../../web/src/lib/catalog-query.ts';
import { firstDataFor } from '../../web/src/lib/first-data.ts';
import { formatMoney, plural } from '../../web/src/lib/format.ts';
import { ROUTES } from '../../web/src/routes.ts';
import { BLOG_PAGES } from './blog.ts';
import { plainText } from './escape.ts';
import type { PageHead } from './head.ts';
import { breadcrumbs, course, coverImage, faqPage, organization, type Site, webSite } from './json-ld.ts';
import { bundleBody, bundlesBody, catalogBody, courseBody, faqCenterBody, homeBody, legalBody } from './prerender.ts';

/**
 * The public pages, one entry each: which anonymous API answers the page needs, its head
 * (title, description, canonical, preview card, JSON-LD) and its content as HTML for crawlers
 * without JavaScript, and what it adds to sitemap.xml. A route that is in no entry is not
 * public: robots.txt disallows it (robots.ts). The blog and the FAQ center add one entry each.
 */

export interface PageContext {
  site: Site;
  url: URL;
  /** The `:name` segments of the route, decoded. */
  params: Record<string, string>;
  /** The API's 200 answer for `path` (one of the entry's `api` paths), if it came in time. */
  answer<T>(path: string): T | undefined;
  /** Whether the API answered `path` with 404. */
  missing(path: string): boolean;
}

export interface RenderedPage {
  /** The head without the site name (the host adds it). */
  head: Omit<PageHead, 'siteName'>;
  /** The main content as HTML, or nothing for a page whose app alone shows it. */
  body?: string;
}

export interface SitemapUrl {
  /** The path on the site ("/courses/html-css-foundations"). */
  path: string;
  /** The last change (ISO 8601). */
  lastmod?: string;
}

export interface PublicPage {
  /** The route's pattern (web/src/routes.ts). */
  route: string;
  /** The anonymous API GETs the page is built from. */
  api(url: URL, params: Record<string, string>): string[];
  /** The page; 'not-found' when what it shows does not exist (the host answers 404, noindex). */
  render(ctx: PageContext): RenderedPage | 'not-found';
  /**
   * Its URLs in sitemap.xml: 'static' is the route's own path; a function lists the pages a
   * pattern stands for, read as an anonymous visitor (RLS decides what is public).
   */
  sitemap?: 'static' | ((sql: Sql) => Promise<SitemapUrl[]>);
}

/** The description index.html carries: every page without its own. */
export const DEFAULT_DESCRIPTION =
  'Practical online courses with progress tracking: browse the catalog, enroll in free courses and learn at your own pace.';

const canonical = (site: Site, path: string) => `${site.origin}${path}`;
const courseApi = (slug: string) => `/api/courses/${encodeURIComponent(slug)}`;
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

const home: PublicPage = {
  route: ROUTES.home,
  api: (url) => firstDataFor(url.pathname, url.search).api,
  render: ({ site, url, answer }) => {
    const [popular, newest, categories, , siteHome, blog] = firstDataFor(url.pathname, url.search).api;
    return {
      head: {
        title: 'Practical online courses',
        description: DEFAULT_DESCRIPTION,
        canonical: canonical(site, '/'),
        jsonLd: [organization(site), webSite(site)],
      },
      body: homeBody(
        answer<CourseList>(popular!),
        answer<CourseList>(newest!),
        answer<CategoryList>(categories!),
        answer<SiteHome>(siteHome!),
        answer<BlogPostList>(blog!),
      ),
    };
  },
  sitemap: 'static',
};

const catalog: PublicPage = {
  route: ROUTES.catalog,
  api: (url) => firstDataFor(url.pathname, url.search).api,
  render: ({ site, url, answer }) => {
    const state = parseCatalogQuery(url.search);
    const list = answer<CourseList>(firstDataFor(url.pathname, url.search).api[0]!);
    const filtered = state.q || state.categories.length || state.difficulty || state.price || state.sort;
    // Filtered views are the catalog's facets: their canonical is the catalog (its page kept).
    const path = state.page > 1 && !filtered ? `/courses?page=${state.page}` : '/courses';
    const count = list ? `${plural(list.total, 'practical online course', 'practical online courses')}` : 'Courses';
    return {
      head: {
        title: state.q ? `“${state.q}”: courses` : 'Courses',
        description: `${count}: filter by category, level and price, read the syllabus and reviews, and start learning.`,
        canonical: canonical(site, path),
        jsonLd: [
          breadcrumbs(site, [
            ['Home', '/'],
            ['Courses', '/courses'],
          ]),
        ],
      },
      body: catalogBody(list, state.page),
    };
  },
  sitemap: 'static',
};

const coursePage: PublicPage = {
  route: ROUTES.course,
  api: (url) => firstDataFor(url.pathname, url.search).api,
  render: ({ site, params, answer, missing }) => {
    const path = courseApi(params.slug!);
    if (missing(path)) return 'not-found';
    const c = answer<CourseDetail>(path);
    const reviews = answer<CourseReviews>(`${path}/reviews`);
    const faq = answer<FaqList>(`${path}/faq`);
    const self = `/courses/${encodeURIComponent(params.slug!)}`;
    if (!c) return { head: { title: 'Course', description: DEFAULT_DESCRIPTION, canonical: canonical(site, self) } };
    const trail: [string, string][] = [
      ['Home', '/'],
      ['Courses', '/courses'],
    ];
    if (c.category) trail.push([c.category.name, `/courses?category=${encodeURIComponent(c.category.slug)}`]);
    trail.push([c.title, `/courses/${encodeURIComponent(c.slug)}`]);
    const faqLd = faq ? faqPage(faq.items) : undefined;
    return {
      head: {
        title: c.title,
        description:
          plainText(c.subtitle || c.description, 160) || `${c.title}: a course by ${c.instructor.displayName}.`,
        canonical: canonical(site, `/courses/${encodeURIComponent(c.slug)}`),
        type: 'website',
        image: coverImage(site, c.thumbnailUrl, c.thumbnailWidths),
        jsonLd: [course(site, c), breadcrumbs(site, trail), ...(faqLd ? [faqLd] : [])],
      },
      body: courseBody(c, reviews, faq),
    };
  },
  sitemap: async (sql) =>
    (
      await sql.query<{ slug: string; updated_at: unknown }>(
        "select slug, updated_at from public.courses where status = 'published' order by published_at desc, slug",
      )
    ).map((r) => ({ path: `/courses/${encodeURIComponent(r.slug)}`, lastmod: iso(r.updated_at) })),
};

const bundles: PublicPage = {
  route: ROUTES.bundles,
  api: (url) => [`/api/bundles${toBundleSearch(parseBundleQuery(url.search))}`],
  render: ({ site, url, answer }) => {
    const list = answer<BundleList>(`/api/bundles${toBundleSearch(parseBundleQuery(url.search))}`);
    return {
      head: {
        title: 'Course bundles',
        description: 'Courses that belong together, for less than buying them one by one.',
        canonical: canonical(site, '/bundles'),
        jsonLd: [
          breadcrumbs(site, [
            ['Home', '/'],
            ['Bundles', '/bundles'],
          ]),
        ],
      },
      body: bundlesBody(list),
    };
  },
  sitemap: 'static',
};

const bundle: PublicPage = {
  route: ROUTES.bundle,
  api: (_url, params) => [`/api/bundles/${encodeURIComponent(params.slug!)}`],
  render: ({ site, params, answer, missing }) => {
    const path = `/api/bundles/${encodeURIComponent(params.slug!)}`;
    if (missing(path)) return 'not-found';
    const b = answer<BundleDetail>(path);
    const self = `/bundles/${encodeURIComponent(params.slug!)}`;
    if (!b) return { head: { title: 'Bundle', description: DEFAULT_DESCRIPTION, canonical: canonical(site, self) } };
    const price = formatMoney({ amount: b.bundlePrice, currency: b.currency });
    return {
      head: {
        title: b.title,
        description: plainText(b.description, 160) || `${plural(b.courses.length, 'course', 'courses')} for ${price}.`,
        canonical: canonical(site, `/bundles/${encodeURIComponent(b.slug)}`),
        image: coverImage(site, b.imageUrl, []),
        jsonLd: [
          breadcrumbs(site, [
            ['Home', '/'],
            ['Bundles', '/bundles'],
            [b.title, `/bundles/${encodeURIComponent(b.slug)}`],
          ]),
        ],
      },
      body: bundleBody(b),
    };
  },
  sitemap: async (sql) =>
    (
      await sql.query<{ slug: string; updated_at: unknown }>(
        "select slug, updated_at from public.bundles where status = 'published' order by slug",
      )
    ).map((r) => ({ path: `/bundles/${encodeURIComponent(r.slug)}`, lastmod: iso(r.updated_at) })),
};

const faqCenter: PublicPage = {
  route: ROUTES.faq,
  api: () => ['/api/faq'],
  render: ({ site, answer }) => {
    const center = answer<FaqCenter>('/api/faq');
    const ld = center ? faqPage(center.themes.flatMap((t) => t.articles)) : undefined;
    return {
      head: {
        title: 'Help & FAQ',
        description: 'Answers about courses, payments, accounts, companies and certificates, and a form to reach us.',
        canonical: canonical(site, '/faq'),
        jsonLd: ld ? [ld] : [],
      },
      body: faqCenterBody(center),
    };
  },
  sitemap: 'static',
};

/** /legal/:slug: the terms, privacy policy and refund policy (edge/site), readable without JavaScript. */
const legal: PublicPage = {
  route: ROUTES.legal,
  api: (_url, params) => [`/api/site/legal/${encodeURIComponent(params.slug!)}`],
  render: ({ site, params, answer, missing }) => {
    const path = `/api/site/legal/${encodeURIComponent(params.slug!)}`;
    if (missing(path)) return 'not-found';
    const page = answer<LegalPage>(path);
    const self = `/legal/${encodeURIComponent(params.slug!)}`;
    return {
      head: {
        title: page?.title ?? 'Legal',
        description: page ? plainText(page.body, 160) : DEFAULT_DESCRIPTION,
        canonical: canonical(site, self),
      },
      body: page ? legalBody(page) : undefined,
    };
  },
  sitemap: async (sql) =>
    (
      await sql.query<{ slug: string; updated_at: unknown }>(
        'select slug, updated_at from public.legal_pages where published order by slug',
      )
    ).map((r) => ({ path: `/legal/${encodeURIComponent(r.slug)}`, lastmod: iso(r.updated_at) })),
};

/** A page whose head is fixed and whose content the app alone shows. */
const fixed = (route: string, title: string, description: string): PublicPage => ({
  route,
  api: () => [],
  render: ({ site }) => ({ head: { title, description, canonical: canonical(site, route) } }),
  sitemap: 'static',
});

export const PUBLIC_PAGES: PublicPage[] = [
  home,
  catalog,
  coursePage,
  bundles,
  bundle,
  fixed(
    ROUTES.forCompanies,
    'Company packages',
    'Train your team: seats for every course, volume discounts, progress reports and one invoice.',
  ),
  fixed(ROUTES.about, 'About', 'Who we are, how our courses work, and answers to common questions.'),
  faqCenter,
  legal,
  ...BLOG_PAGES,
];
