import { BLOG_CATEGORIES, BLOG_POSTS, BLOG_SUBSCRIBER } from '../data/blog.ts';
import type { SeedStep } from './context.ts';

/**
 * The demo blog (after the accounts: the demo instructors are its authors): categories, posts and
 * a confirmed newsletter subscriber. Rows are added once (by slug, by email), so an admin's edits
 * survive a second run and dates stay those of the first run; the seed, with no caller, is not audited.
 */
export const seedBlog: SeedStep = async (sql, ctx) => {
  for (const [i, c] of BLOG_CATEGORIES.entries()) {
    await sql.query(
      `insert into public.blog_categories (slug, name, description, position) values ($1, $2, $3, $4)
       on conflict (slug) do nothing`,
      [c.slug, c.name, c.description, i + 1],
    );
  }
  for (const p of BLOG_POSTS) {
    const author = ctx.userIds.get(p.author.toLowerCase()) ?? null;
    const publishedAt = p.daysAgo === null ? null : new Date(ctx.now.getTime() - p.daysAgo * 86_400_000).toISOString();
    await sql.query(
      `insert into public.blog_posts (slug, title, excerpt, body_md, author_id, category_id, tags, featured, status,
         published_at)
       values ($1, $2, $3, $4, $5, (select id from public.blog_categories where slug = $6), $7::text[], $8, $9, $10)
       on conflict (slug) do nothing`,
      [
        p.slug,
        p.title,
        p.excerpt,
        p.body,
        author,
        p.category,
        p.tags,
        p.featured ?? false,
        p.daysAgo === null ? 'draft' : 'published',
        publishedAt,
      ],
    );
  }
  await sql.query(
    `insert into public.newsletter_subscribers (email, sender_key, requested_at, confirmed_at, created_at)
     values ($1, 'seed', $2, $2, $2) on conflict (email) do nothing`,
    [BLOG_SUBSCRIBER, new Date(ctx.now.getTime() - 10 * 86_400_000).toISOString()],
  );
};
