import { iso } from '../catalog/rows.ts';
import {
  BLOG_LIMITS,
  type BlogCategoryList,
  type BlogPost,
  type BlogPostCard,
  type BlogPostList,
  type BlogQuery,
} from '../contract/blog.ts';
import type { Sql } from '../db/port.ts';
import { notFound } from '../http/errors.ts';

/**
 * The blog's public reads (migration 20261129000100), as the caller under RLS; the admin's reads and
 * writes are in admin-queries.ts, the newsletter's in newsletter-queries.ts. Public reads
 * also say "published and due" themselves, so an admin's public pages show what visitors see.
 * `storage` is the Supabase project URL: covers live in the public avatars bucket.
 */

export const PUBLIC = "p.status = 'published' and p.published_at <= now()";

interface CardRow {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  cover_path: string | null;
  cover_widths: number[];
  cover_alt: string;
  author_name: string;
  category_slug: string | null;
  category_name: string | null;
  tags: string[];
  featured: boolean;
  published_at: unknown;
  reading_minutes: number;
}

const CARD_COLUMNS = `p.id, p.slug, p.title, p.excerpt, p.cover_path, p.cover_widths, p.cover_alt, p.author_name,
  c.slug as category_slug, c.name as category_name, p.tags, p.featured, p.published_at, p.reading_minutes`;
const CARD_FROM = 'public.blog_posts p left join public.blog_categories c on c.id = p.category_id';

export const coverUrl = (storage: string, path: string | null) =>
  path ? `${storage.replace(/\/+$/, '')}/storage/v1/object/public/avatars/${path}` : null;

const toCard = (r: CardRow, storage: string): BlogPostCard => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  excerpt: r.excerpt,
  coverUrl: coverUrl(storage, r.cover_path),
  coverWidths: r.cover_widths,
  coverAlt: r.cover_alt,
  author: { name: r.author_name },
  category: r.category_slug ? { slug: r.category_slug, name: r.category_name ?? r.category_slug } : null,
  tags: r.tags,
  featured: r.featured,
  publishedAt: iso(r.published_at)!,
  readingMinutes: r.reading_minutes,
});

/** GET /api/blog/posts: a page of public posts, newest first (best match first when searching). */
export async function listPosts(sql: Sql, query: BlogQuery, storage: string): Promise<BlogPostList> {
  const q = query.q?.trim() || null;
  const size = BLOG_LIMITS.pageSize;
  const rows = await sql.query<CardRow & { total: number }>(
    `select ${CARD_COLUMNS}, count(*) over ()::int as total
     from ${CARD_FROM}
     where ${PUBLIC}
       and ($1::text is null or p.search @@ websearch_to_tsquery('english', $1)
            or strpos(lower(p.title), lower($1)) > 0)
       and ($2::text is null or c.slug = $2)
       and ($3::text is null or p.tags @> array[$3::text])
     order by case when $1::text is null then 0 else ts_rank(p.search, websearch_to_tsquery('english', $1)) end desc,
              p.published_at desc, p.id
     limit $4 offset $5`,
    [q, query.category ?? null, query.tag ?? null, size, (query.page - 1) * size],
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    const [n] = await sql.query<{ n: number }>(
      `select count(*)::int as n from ${CARD_FROM} where ${PUBLIC}
         and ($1::text is null or p.search @@ websearch_to_tsquery('english', $1) or strpos(lower(p.title), lower($1)) > 0)
         and ($2::text is null or c.slug = $2) and ($3::text is null or p.tags @> array[$3::text])`,
      [q, query.category ?? null, query.tag ?? null],
    );
    total = n?.n ?? 0;
  }
  const featured = await sql.query<CardRow>(
    `select ${CARD_COLUMNS} from ${CARD_FROM} where ${PUBLIC} and p.featured
     order by p.published_at desc, p.id limit ${BLOG_LIMITS.featured}`,
  );
  const tags = await sql.query<{ tag: string; count: number }>(
    `select t.tag, count(*)::int as count from public.blog_posts p cross join lateral unnest(p.tags) as t(tag)
     where ${PUBLIC} group by t.tag order by count(*) desc, t.tag limit 30`,
  );
  return {
    items: rows.map((r) => toCard(r, storage)),
    featured: featured.map((r) => toCard(r, storage)),
    tags,
    page: query.page,
    pageSize: size,
    total,
    pageCount: Math.max(1, Math.ceil(total / size)),
  };
}

/** The latest public posts (the home page's "From the blog", the RSS feed). */
export async function latestPosts(sql: Sql, limit: number, storage: string): Promise<BlogPostCard[]> {
  const rows = await sql.query<CardRow>(
    `select ${CARD_COLUMNS} from ${CARD_FROM} where ${PUBLIC} order by p.published_at desc, p.id limit $1`,
    [limit],
  );
  return rows.map((r) => toCard(r, storage));
}

/** GET /api/blog/posts/:slug: a public post and up to 3 related ones (most shared tags, then same category). */
export async function postBySlug(sql: Sql, slug: string, storage: string): Promise<BlogPost> {
  const [row] = await sql.query<CardRow & { body_md: string; updated_at: unknown; category_id: string | null }>(
    `select ${CARD_COLUMNS}, p.body_md, p.updated_at, p.category_id from ${CARD_FROM} where ${PUBLIC} and p.slug = $1`,
    [slug],
  );
  if (!row) throw notFound('post');
  const related = await sql.query<CardRow>(
    `select ${CARD_COLUMNS} from ${CARD_FROM}
     where ${PUBLIC} and p.id <> $1 and (p.tags && $2::text[] or p.category_id = $3)
     order by cardinality(array(select unnest(p.tags) intersect select unnest($2::text[]))) desc,
              (p.category_id is not distinct from $3) desc, p.published_at desc, p.id
     limit ${BLOG_LIMITS.related}`,
    [row.id, row.tags, row.category_id],
  );
  return {
    ...toCard(row, storage),
    bodyMd: row.body_md,
    updatedAt: iso(row.updated_at)!,
    related: related.map((r) => toCard(r, storage)),
  };
}

/** GET /api/blog/categories: categories holding a public post, with their counts, in order. */
export async function publicCategories(sql: Sql): Promise<BlogCategoryList> {
  const items = await sql.query<{ id: string; slug: string; name: string; description: string; count: number }>(
    `select c.id, c.slug, c.name, c.description, count(p.id)::int as count
     from public.blog_categories c join public.blog_posts p on p.category_id = c.id and ${PUBLIC}
     group by c.id order by c.position, c.slug`,
  );
  return { items };
}

// ---------------------------------------------------------------------------
