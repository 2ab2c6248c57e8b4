import type {
  AdminBlogCategory,
  AdminBlogCategoryInput,
  AdminBlogCategoryList,
  AdminBlogPost,
  AdminBlogPostInput,
  AdminBlogPostList,
  AdminBlogPostPatch,
  AdminSubscriberList,
  BlogCategoryList,
  BlogPost,
  BlogPostList,
  NewsletterConfirmed,
} from '../../../edge/contract/blog.ts';
import type { Api } from './api.ts';
import { type BlogState, toBlogSearch } from './blog-query.ts';
import { jsonInit } from './json-init.ts';

/** The blog (edge/blog, docs/blog.md): public posts and categories, the newsletter, and /admin/blog. */

export const blogPostsPath = (state: BlogState) => `/api/blog/posts${toBlogSearch(state)}`;
export const blogPostPath = (slug: string) => `/api/blog/posts/${encodeURIComponent(slug)}`;
export const BLOG_CATEGORIES_PATH = '/api/blog/categories';

const query = (params: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export interface AdminPostFilter {
  q: string;
  status: 'all' | 'draft' | 'scheduled' | 'published';
  page: number;
}

export interface SubscriberFilter {
  q: string;
  status: 'all' | 'confirmed' | 'pending' | 'unsubscribed';
  page: number;
}

export const subscribersQuery = (f: SubscriberFilter, withPage = true) =>
  query({
    q: f.q,
    status: f.status === 'all' ? undefined : f.status,
    page: withPage && f.page > 1 ? f.page : undefined,
  });

export function blogApi(api: Api) {
  const seg = encodeURIComponent;
  return {
    posts: (state: BlogState) => api.getJson<BlogPostList>(blogPostsPath(state)),
    post: (slug: string) => api.getJson<BlogPost>(blogPostPath(slug)),
    categories: () => api.getJson<BlogCategoryList>(BLOG_CATEGORIES_PATH),
    signUp: (email: string, website: string) =>
      api.send<{ accepted: true }>('/api/newsletter', jsonInit('POST', { email, website })),
    confirm: (token: string) => api.send<NewsletterConfirmed>('/api/newsletter/confirm', jsonInit('POST', { token })),

    adminPosts: (f: AdminPostFilter) =>
      api.getJson<AdminBlogPostList>(
        `/api/admin/blog/posts${query({ q: f.q, status: f.status === 'all' ? undefined : f.status, page: f.page > 1 ? f.page : undefined })}`,
      ),
    createPost: (input: AdminBlogPostInput) =>
      api.send<AdminBlogPost>('/api/admin/blog/posts', jsonInit('POST', input)),
    updatePost: (id: string, patch: AdminBlogPostPatch) =>
      api.send<AdminBlogPost>(`/api/admin/blog/posts/${seg(id)}`, jsonInit('PATCH', patch)),
    deletePost: (id: string) => api.send<null>(`/api/admin/blog/posts/${seg(id)}`, jsonInit('DELETE')),
    adminCategories: () => api.getJson<AdminBlogCategoryList>('/api/admin/blog/categories'),
    createCategory: (input: AdminBlogCategoryInput) =>
      api.send<AdminBlogCategory>('/api/admin/blog/categories', jsonInit('POST', input)),
    updateCategory: (id: string, patch: Partial<AdminBlogCategoryInput>) =>
      api.send<AdminBlogCategory>(`/api/admin/blog/categories/${seg(id)}`, jsonInit('PATCH', patch)),
    deleteCategory: (id: string) => api.send<null>(`/api/admin/blog/categories/${seg(id)}`, jsonInit('DELETE')),
    subscribers: (f: SubscriberFilter) =>
      api.getJson<AdminSubscriberList>(`/api/admin/newsletter${subscribersQuery(f)}`),
  };
}

export type BlogApi = ReturnType<typeof blogApi>;

/** "Nov 20, 2026 · 4 min read". */
export const readingTime = (minutes: number) => `${minutes} min read`;

/** A datetime-local input's value (local time, minutes) for an ISO instant, and back. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Tags typed as "a, b c": lower-cased, spaces to dashes, without duplicates or empties. */
export function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** A slug from a title: "Hello, World!" → "hello-world". */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}
