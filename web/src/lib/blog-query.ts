import type { BlogQuery } from '../../../edge/contract/blog.ts';

/**
 * The blog page's filters (search, category, tag, page) live in the URL query string; these
 * functions are the only translation both ways, and the page's query string is also the one
 * GET /api/blog/posts is asked with (the server's prerender uses them too).
 */
export interface BlogState {
  q: string;
  category: string | null;
  tag: string | null;
  page: number;
}

export const EMPTY_BLOG_STATE: BlogState = { q: '', category: null, tag: null, page: 1 };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slugOrNull = (value: string | null, max: number) => {
  const v = (value ?? '').trim().toLowerCase();
  return v && v.length <= max && SLUG.test(v) ? v : null;
};

/** Reads the state from a query string; anything invalid is dropped. */
export function parseBlogQuery(search: string | URLSearchParams): BlogState {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const page = Number(p.get('page') ?? '1');
  return {
    q: (p.get('q') ?? '').trim().slice(0, 100),
    category: slugOrNull(p.get('category'), 100),
    tag: slugOrNull(p.get('tag'), 40),
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}

/** "" or "?...": every parameter the contract accepts is named here (the compiler checks it). */
export function toBlogSearch(state: BlogState): string {
  const params = {
    q: state.q || undefined,
    category: state.category ?? undefined,
    tag: state.tag ?? undefined,
    page: state.page > 1 ? String(state.page) : undefined,
  } satisfies Record<keyof BlogQuery, string | undefined>;
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) p.set(key, value);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const hasBlogFilters = (s: BlogState) => Boolean(s.q || s.category || s.tag);

/** The post's address on the site. */
export const blogPostPath = (slug: string) => `/blog/${encodeURIComponent(slug)}`;

/** Share links (plain links, no scripts): X, LinkedIn and Facebook's share URLs for `url`. */
export function shareLinks(url: string, title: string): { name: string; href: string }[] {
  const u = encodeURIComponent(url);
  return [
    { name: 'X', href: `https://x.com/intent/post?url=${u}&text=${encodeURIComponent(title)}` },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
  ];
}
