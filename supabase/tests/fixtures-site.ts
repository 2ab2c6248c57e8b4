import type { HostDatabase } from '../../server/db/types.ts';
import { COURSE } from './fixtures.ts';

/**
 * The site content part of the RLS matrix's fixtures (migration 20261128000400): the homepage
 * record (the migration's row) featuring the published free course, a published terms page and
 * a refund policy draft (no privacy page yet, so an admin can create it). Rows are the owner's.
 */

export const LEGAL_SLUG = { published: 'terms', draft: 'refund-policy', missing: 'privacy' } as const;

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function seedSiteFixtures(db: HostDatabase): Promise<void> {
  await db.runScript(`
    update public.site_home set featured_course_ids = array[${q(COURSE.free)}]::uuid[],
      testimonials = '[{"quote": "Clear and practical.", "name": "Ada", "role": "Developer"}]'::jsonb;
    insert into public.legal_pages (slug, title, body, published) values
      (${q(LEGAL_SLUG.published)}, 'Terms of use', 'Be **kind**.', true),
      (${q(LEGAL_SLUG.draft)}, 'Refund policy', 'Within 14 days.', false);
  `);
}
