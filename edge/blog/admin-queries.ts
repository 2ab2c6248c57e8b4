import { iso } from '../catalog/rows.ts';
import {
  type AdminBlogCategory,
  type AdminBlogPost,
  type AdminBlogPostList,
  type AdminBlogPostPatch,
  type AdminBlogPostValues,
  type AdminBlogQuery,
  BLOG_LIMITS,
  type BlogStatus,
} from '../contract/blog.ts';
import type { Sql } from '../db/port.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { coverUrl, PUBLIC } from './queries.ts';

/** The admin's blog: posts and categories, as the caller under RLS (only admins pass its write policies). */

/** Refuses unless the caller is an admin (the writes after it run under RLS all the same). */
export async function requireBlogAdmin(sql: Sql, userId: string): Promise<void> {
  const [row] = await sql.query<{ role: string }>('select role::text as role from public.profiles where id = $1', [
    userId,
  ]);
  if (row?.role !== 'admin') throw forbidden('only admins manage the blog');
}

interface AdminRow {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  body_md: string;
  cover_path: string | null;
  cover_widths: number[];
  cover_alt: string;
  author_name: string;
  category_id: string | null;
  tags: string[];
  featured: boolean;
  status: 'draft' | 'published';
  published_at: unknown;
  reading_minutes: number;
  created_at: unknown;
  updated_at: unknown;
  due: boolean;
  newsletter_sent_at: unknown;
}

const ADMIN_COLUMNS = `p.id, p.slug, p.title, p.excerpt, p.body_md, p.cover_path, p.cover_widths, p.cover_alt,
  p.author_name, p.category_id, p.tags, p.featured, p.status, p.published_at, p.reading_minutes, p.created_at,
  p.updated_at, coalesce(p.published_at <= now(), false) as due,
  private.newsletter_sent_at(p.id) as newsletter_sent_at`;

export const statusOf = (status: 'draft' | 'published', due: boolean): BlogStatus =>
  status === 'draft' ? 'draft' : due ? 'published' : 'scheduled';

const toAdmin = (r: AdminRow, storage: string): AdminBlogPost => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  excerpt: r.excerpt,
  bodyMd: r.body_md,
  coverPath: r.cover_path,
  coverUrl: coverUrl(storage, r.cover_path),
  coverWidths: r.cover_widths,
  coverAlt: r.cover_alt,
  authorName: r.author_name,
  categoryId: r.category_id,
  tags: r.tags,
  featured: r.featured,
  status: statusOf(r.status, r.due),
  publishedAt: iso(r.published_at),
  readingMinutes: r.reading_minutes,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
  newsletterSentAt: iso(r.newsletter_sent_at),
});

const STATUS_FILTER: Record<AdminBlogQuery['status'], string> = {
  all: 'true',
  draft: "p.status = 'draft'",
  scheduled: "p.status = 'published' and p.published_at > now()",
  published: "p.status = 'published' and p.published_at <= now()",
};

/** GET /api/admin/blog/posts: every post, latest change first. */
export async function adminPosts(sql: Sql, query: AdminBlogQuery, storage: string): Promise<AdminBlogPostList> {
  const size = BLOG_LIMITS.adminPageSize;
  const q = query.q?.trim() || null;
  const where = `${STATUS_FILTER[query.status]}
    and ($1::text is null or strpos(lower(p.title), lower($1)) > 0 or strpos(p.slug, lower($1)) > 0
         or p.search @@ websearch_to_tsquery('english', $1))`;
  const rows = await sql.query<AdminRow>(
    `select ${ADMIN_COLUMNS} from public.blog_posts p where ${where}
     order by p.updated_at desc, p.id limit $2 offset $3`,
    [q, size, (query.page - 1) * size],
  );
  const [n] = await sql.query<{ n: number }>(`select count(*)::int as n from public.blog_posts p where ${where}`, [q]);
  return { items: rows.map((r) => toAdmin(r, storage)), page: query.page, pageSize: size, total: n?.n ?? 0 };
}

export async function adminPost(sql: Sql, id: string, storage: string): Promise<AdminBlogPost> {
  const [row] = await sql.query<AdminRow>(`select ${ADMIN_COLUMNS} from public.blog_posts p where p.id = $1`, [id]);
  if (!row) throw notFound('post');
  return toAdmin(row, storage);
}

const slugTaken = (err: unknown) =>
  err && typeof err === 'object' && (err as { code?: unknown }).code === '23505'
    ? new AppError(409, 'slug_taken', 'another post or category has that slug')
    : err;

/** POST /api/admin/blog/posts: the caller is its author. */
export async function createPost(
  sql: Sql,
  userId: string,
  input: AdminBlogPostValues,
  storage: string,
): Promise<AdminBlogPost> {
  try {
    const [row] = await sql.query<{ id: string }>(
      `insert into public.blog_posts (slug, title, excerpt, body_md, cover_path, cover_widths, cover_alt, author_id,
         category_id, tags, featured, status, published_at)
       values ($1, $2, $3, $4, $5, $6::int[], $7, $8, $9, $10::text[], $11, $12,
               coalesce($13::timestamptz, case when $12 = 'published' then now() end)) returning id`,
      [
        input.slug,
        input.title,
        input.excerpt,
        input.bodyMd,
        input.coverPath,
        input.coverWidths,
        input.coverAlt,
        userId,
        input.categoryId,
        input.tags,
        input.featured,
        input.status,
        input.publishedAt,
      ],
    );
    return adminPost(sql, row!.id, storage);
  } catch (err) {
    throw slugTaken(err);
  }
}

const PATCH_COLUMNS: Record<keyof AdminBlogPostPatch, [string, string]> = {
  slug: ['slug', ''],
  title: ['title', ''],
  excerpt: ['excerpt', ''],
  bodyMd: ['body_md', ''],
  coverPath: ['cover_path', ''],
  coverWidths: ['cover_widths', '::int[]'],
  coverAlt: ['cover_alt', ''],
  categoryId: ['category_id', '::uuid'],
  tags: ['tags', '::text[]'],
  featured: ['featured', ''],
  status: ['status', ''],
  publishedAt: ['published_at', '::timestamptz'],
};

/** PATCH /api/admin/blog/posts/:id: publishing without a date publishes now. */
export async function updatePost(
  sql: Sql,
  id: string,
  patch: AdminBlogPostPatch,
  storage: string,
): Promise<AdminBlogPost> {
  const current = await adminPost(sql, id, storage);
  const next = { ...patch };
  const status = patch.status ?? (current.status === 'draft' ? 'draft' : 'published');
  const at = 'publishedAt' in patch ? patch.publishedAt : current.publishedAt;
  // Published without a date: now, the database's (the transaction's) time.
  const publishNow = status === 'published' && !at;
  if (publishNow) delete next.publishedAt;
  const sets: string[] = publishNow ? ['published_at = now()'] : [];
  const values: unknown[] = [id];
  for (const [key, value] of Object.entries(next) as [keyof AdminBlogPostPatch, unknown][]) {
    const [column, cast] = PATCH_COLUMNS[key];
    values.push(value);
    sets.push(`${column} = $${values.length}${cast}`);
  }
  try {
    const rows = await sql.query(`update public.blog_posts set ${sets.join(', ')} where id = $1 returning id`, values);
    if (rows.length === 0) throw notFound('post');
  } catch (err) {
    throw slugTaken(err);
  }
  return adminPost(sql, id, storage);
}

export async function deletePost(sql: Sql, id: string): Promise<void> {
  const rows = await sql.query('delete from public.blog_posts where id = $1 returning id', [id]);
  if (rows.length === 0) throw notFound('post');
}

// Categories

export async function adminCategories(sql: Sql): Promise<AdminBlogCategory[]> {
  return sql.query<AdminBlogCategory>(
    `select c.id, c.slug, c.name, c.description, c.position,
            (select count(*)::int from public.blog_posts p where p.category_id = c.id and ${PUBLIC}) as count,
            (select count(*)::int from public.blog_posts p where p.category_id = c.id) as posts
     from public.blog_categories c order by c.position, c.slug`,
  );
}

async function adminCategory(sql: Sql, id: string): Promise<AdminBlogCategory> {
  const found = (await adminCategories(sql)).find((c) => c.id === id);
  if (!found) throw notFound('category');
  return found;
}

export async function createCategory(
  sql: Sql,
  input: { slug: string; name: string; description: string; position: number },
): Promise<AdminBlogCategory> {
  try {
    const [row] = await sql.query<{ id: string }>(
      `insert into public.blog_categories (slug, name, description, position) values ($1, $2, $3, $4) returning id`,
      [input.slug, input.name, input.description, input.position],
    );
    return adminCategory(sql, row!.id);
  } catch (err) {
    throw slugTaken(err);
  }
}

export async function updateCategory(
  sql: Sql,
  id: string,
  patch: Partial<{ slug: string; name: string; description: string; position: number }>,
): Promise<AdminBlogCategory> {
  const columns = ['slug', 'name', 'description', 'position'] as const;
  const sets: string[] = [];
  const values: unknown[] = [id];
  for (const key of columns) {
    if (patch[key] === undefined) continue;
    values.push(patch[key]);
    sets.push(`${key} = $${values.length}`);
  }
  try {
    const rows = await sql.query(
      `update public.blog_categories set ${sets.join(', ')} where id = $1 returning id`,
      values,
    );
    if (rows.length === 0) throw notFound('category');
  } catch (err) {
    throw slugTaken(err);
  }
  return adminCategory(sql, id);
}

/** Its posts keep going, without a category. */
export async function deleteCategory(sql: Sql, id: string): Promise<void> {
  const rows = await sql.query('delete from public.blog_categories where id = $1 returning id', [id]);
  if (rows.length === 0) throw notFound('category');
}
