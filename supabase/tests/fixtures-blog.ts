import type { HostDatabase } from '../../server/db/types.ts';
import { USER } from './fixtures.ts';

/**
 * The blog part of the RLS matrix's fixtures (migration 20261129000100): two categories (one with
 * a public post, one empty), three posts by the admin (published, scheduled for tomorrow, draft)
 * and two newsletter subscribers (one confirmed, one waiting for the confirm link). Rows are the
 * owner's, with fixed ids.
 */

const id = (group: number, n: number) =>
  `00000000-0000-4000-8${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;

export const BLOG_CATEGORY = { learning: id(171, 1), empty: id(171, 2) };
export const BLOG_POST = { published: id(172, 1), scheduled: id(172, 2), draft: id(172, 3) };
export const NEWSLETTER_SUBSCRIBER = { confirmed: id(173, 1), pending: id(173, 2) };

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function seedBlogFixtures(db: HostDatabase): Promise<void> {
  await db.runScript(`
    insert into public.blog_categories (id, slug, name, position) values
      (${q(BLOG_CATEGORY.learning)}, 'learning', 'Learning', 1),
      (${q(BLOG_CATEGORY.empty)}, 'news', 'News', 2);
    insert into public.blog_posts (id, slug, title, excerpt, body_md, author_id, category_id, tags, featured, status, published_at) values
      (${q(BLOG_POST.published)}, 'study-habits', 'Study habits', 'Short sessions.', 'Study **a little** every day.',
       ${q(USER.admin)}, ${q(BLOG_CATEGORY.learning)}, '{habits}', true, 'published', now() - interval '1 day'),
      (${q(BLOG_POST.scheduled)}, 'coming-soon', 'Coming soon', '', 'Not yet.',
       ${q(USER.admin)}, ${q(BLOG_CATEGORY.empty)}, '{news}', false, 'published', now() + interval '1 day'),
      (${q(BLOG_POST.draft)}, 'draft-post', 'Draft post', '', 'Work in progress.',
       ${q(USER.admin)}, null, '{}', false, 'draft', null);
    insert into public.newsletter_subscribers (id, email, token_hash, sender_key, confirmed_at) values
      (${q(NEWSLETTER_SUBSCRIBER.confirmed)}, 'reader@test.local', ${q('a'.repeat(64))}, 'fixture-key-1', now()),
      (${q(NEWSLETTER_SUBSCRIBER.pending)}, 'maybe@test.local', ${q('b'.repeat(64))}, 'fixture-key-2', null);
  `);
}
