import type { BlogCategoryList, BlogPost, BlogPostCard, BlogPostList } from '../../edge/contract/blog.ts';
import type { Sql } from '../../edge/db/port.ts';
import { blogPostPath, hasBlogFilters, parseBlogQuery, toBlogSearch } from '../../web/src/lib/blog-query.ts';
import { formatDate, plural } from '../../web/src/lib/format.ts';
import { coverSources } from '../../web/src/lib/thumbnail-srcset.ts';
import { ROUTES } from '../../web/src/routes.ts';
import { escapeHtml as h, plainText } from './escape.ts';
import { article, breadcrumbs, type Site } from './json-ld.ts';
import { markdownHtml } from './markdown-html.ts';
import type { PublicPage, SitemapUrl } from './pages.ts';

/**
 * The blog's public pages for crawlers and link previews (docs/blog.md): /blog (its filters are
 * facets: their canonical is /blog) and /blog/:slug (Article and BreadcrumbList JSON-LD, Open
 * Graph type article, the Markdown body as HTML through the app's sanitiser). Both link the RSS
 * feed. The sitemap lists the published posts whose time has come, read as an anonymous visitor.
 */

const RSS_TITLE = 'Blog (RSS)';
const rss = (site: Site) => [{ type: 'application/rss+xml', title: RSS_TITLE, href: `${site.origin}/blog/rss.xml` }];
const postApi = (slug: string) => `/api/blog/posts/${encodeURIComponent(slug)}`;
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

const link = (href: string, text: string, cls?: string) =>
  `<a href="${h(href)}"${cls ? ` class="${cls}"` : ''}>${h(text)}</a>`;

function meta(p: BlogPostCard): string {
  return h(
    [p.author.name, formatDate(p.publishedAt), `${p.readingMinutes} min read`, p.category?.name]
      .filter(Boolean)
      .join(' · '),
  );
}

function cover(p: BlogPostCard, sizes: string, cls: string): string {
  const src = coverSources(p.coverUrl, p.coverWidths);
  if (!src) return '';
  return (
    `<img class="${cls}" src="${h(src.src)}"${src.srcset ? ` srcset="${h(src.srcset)}" sizes="${h(sizes)}"` : ''}` +
    ` alt="${h(p.coverAlt)}" width="640" height="360" loading="lazy">`
  );
}

function card(p: BlogPostCard, level = 2): string {
  return (
    `<li><article class="blog-card">${cover(p, '(min-width: 48rem) 20rem, 100vw', 'blog-card-cover')}` +
    `<h${level} class="blog-card-title">${link(blogPostPath(p.slug), p.title)}</h${level}>` +
    `<p class="blog-meta">${meta(p)}</p>` +
    (p.excerpt ? `<p>${h(p.excerpt)}</p>` : '') +
    `</article></li>`
  );
}

export function blogBody(list: BlogPostList | undefined, categories: BlogCategoryList | undefined, search: string) {
  const state = parseBlogQuery(search);
  if (!list) return `<div class="container section blog"><h1>Blog</h1></div>`;
  const cats = categories?.items.length
    ? `<nav aria-label="Categories"><h2>Categories</h2><ul class="blog-categories">${categories.items
        .map((c) => `<li>${link(`/blog${toBlogSearch({ ...state, category: c.slug, page: 1 })}`, c.name)}</li>`)
        .join('')}</ul></nav>`
    : '';
  const tags = list.tags.length
    ? `<nav aria-label="Tags"><h2>Tags</h2><ul class="blog-tags">${list.tags
        .map((t) => `<li>${link(`/blog${toBlogSearch({ ...state, tag: t.tag, page: 1 })}`, `#${t.tag}`)}</li>`)
        .join('')}</ul></nav>`
    : '';
  const featured =
    !hasBlogFilters(state) && state.page === 1 && list.featured.length
      ? `<section aria-labelledby="featured-posts"><h2 id="featured-posts">Featured</h2><ul class="blog-grid">${list.featured
          .map((p) => card(p, 3))
          .join('')}</ul></section>`
      : '';
  const pager: string[] = [];
  if (state.page > 1) pager.push(link(`/blog${toBlogSearch({ ...state, page: state.page - 1 })}`, 'Newer posts'));
  if (state.page < list.pageCount) {
    pager.push(link(`/blog${toBlogSearch({ ...state, page: state.page + 1 })}`, 'Older posts'));
  }
  return (
    `<div class="container section blog"><h1>Blog</h1>` +
    featured +
    `<section aria-labelledby="latest-posts"><h2 id="latest-posts">${state.q ? `Results for “${h(state.q)}”` : 'Latest posts'}</h2>` +
    (list.items.length
      ? `<ul class="blog-grid">${list.items.map((p) => card(p, 3)).join('')}</ul>`
      : '<p class="empty-state">No posts match.</p>') +
    (pager.length ? `<nav class="pagination" aria-label="Pages">${pager.join(' ')}</nav>` : '') +
    `</section>${cats}${tags}` +
    `<p>${link('/blog/rss.xml', 'Follow the blog with RSS')}</p></div>`
  );
}

export function blogPostBody(p: BlogPost): string {
  return (
    `<article class="container section blog-post"><h1>${h(p.title)}</h1>` +
    `<p class="blog-meta">${meta(p)}</p>` +
    cover(p, '(min-width: 60rem) 60rem, 100vw', 'blog-post-cover') +
    `<div class="prose">${markdownHtml(p.bodyMd, 2)}</div>` +
    (p.tags.length
      ? `<ul class="blog-tags">${p.tags.map((t) => `<li>${link(`/blog?tag=${encodeURIComponent(t)}`, `#${t}`)}</li>`).join('')}</ul>`
      : '') +
    (p.related.length
      ? `<section aria-labelledby="related-posts"><h2 id="related-posts">Related posts</h2><ul class="blog-grid">${p.related
          .map((r) => card(r, 3))
          .join('')}</ul></section>`
      : '') +
    `</article>`
  );
}

const blog: PublicPage = {
  route: ROUTES.blog,
  api: (url) => [`/api/blog/posts${toBlogSearch(parseBlogQuery(url.search))}`, '/api/blog/categories'],
  render: ({ site, url, answer }) => {
    const state = parseBlogQuery(url.search);
    const list = answer<BlogPostList>(`/api/blog/posts${toBlogSearch(state)}`);
    const categories = answer<BlogCategoryList>('/api/blog/categories');
    const path = state.page > 1 && !hasBlogFilters(state) ? `/blog?page=${state.page}` : '/blog';
    return {
      head: {
        title: state.q ? `“${state.q}”: blog` : 'Blog',
        description: list
          ? `${plural(list.total, 'article', 'articles')} on learning well and the skills our courses teach.`
          : 'Articles on learning well and the skills our courses teach.',
        canonical: `${site.origin}${path}`,
        alternates: rss(site),
        jsonLd: [
          breadcrumbs(site, [
            ['Home', '/'],
            ['Blog', '/blog'],
          ]),
        ],
      },
      body: blogBody(list, categories, url.search),
    };
  },
  sitemap: 'static',
};

const post: PublicPage = {
  route: ROUTES.blogPost,
  // /blog/confirm (the newsletter's confirm page) matches the pattern too: it is not a post.
  api: (_url, params) => (params.slug === 'confirm' ? [] : [postApi(params.slug!)]),
  render: ({ site, params, answer, missing }) => {
    if (params.slug === 'confirm') {
      return { head: { title: 'Confirm your subscription', description: 'The blog newsletter.', noindex: true } };
    }
    const path = postApi(params.slug!);
    if (missing(path)) return 'not-found';
    const p = answer<BlogPost>(path);
    const self = `${site.origin}${blogPostPath(params.slug!)}`;
    if (!p) return { head: { title: 'Blog', description: 'The blog.', canonical: self, alternates: rss(site) } };
    const image = article(site, p).image as string | undefined;
    return {
      head: {
        title: p.title,
        description: plainText(p.excerpt || p.bodyMd, 160) || p.title,
        canonical: `${site.origin}${blogPostPath(p.slug)}`,
        type: 'article',
        image,
        alternates: rss(site),
        jsonLd: [
          article(site, p),
          breadcrumbs(site, [
            ['Home', '/'],
            ['Blog', '/blog'],
            [p.title, blogPostPath(p.slug)],
          ]),
        ],
      },
      body: blogPostBody(p),
    };
  },
  sitemap: async (sql: Sql): Promise<SitemapUrl[]> =>
    (
      await sql.query<{ slug: string; updated_at: unknown }>(
        `select slug, updated_at from public.blog_posts where status = 'published' and published_at <= now()
         order by published_at desc, slug`,
      )
    ).map((r) => ({ path: blogPostPath(r.slug), lastmod: iso(r.updated_at) })),
};

export const BLOG_PAGES: PublicPage[] = [blog, post];
