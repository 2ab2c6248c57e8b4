import { LEGAL_PAGES, SITE_HOME } from '../data/site.ts';
import { seedId } from '../ids.ts';
import type { SeedStep } from './context.ts';

/**
 * The homepage record (hero, featured courses and bundles, testimonials) and the legal pages.
 * The homepage is written only while no admin has saved it (updated_by is null), and legal pages
 * are added once, so an admin's edits survive a second run. Featured items are the published
 * demo courses and bundles found by slug (after the courses and commerce steps).
 */
export const seedSiteContent: SeedStep = async (sql) => {
  await sql.query(
    `with want as (
       select $1::text as hero_title, $2::text as hero_text, $3::text as cta_label, $4::text as cta_href,
              coalesce((select array_agg(c.id order by array_position($5::text[], c.slug))
                        from public.courses c where c.slug = any($5::text[]) and c.status = 'published'), '{}') as courses,
              coalesce((select array_agg(b.id order by array_position($6::uuid[], b.id))
                        from public.bundles b where b.id = any($6::uuid[]) and b.status = 'published'), '{}') as bundles,
              $7::jsonb as testimonials)
     update public.site_home h set hero_title = w.hero_title, hero_text = w.hero_text, cta_label = w.cta_label,
       cta_href = w.cta_href, featured_course_ids = w.courses, featured_bundle_ids = w.bundles,
       testimonials = w.testimonials
     from want w
     where h.id and h.updated_by is null
       and (h.hero_title, h.hero_text, h.cta_label, h.cta_href, h.featured_course_ids, h.featured_bundle_ids, h.testimonials)
           is distinct from (w.hero_title, w.hero_text, w.cta_label, w.cta_href, w.courses, w.bundles, w.testimonials)`,
    [
      SITE_HOME.hero.title,
      SITE_HOME.hero.text,
      SITE_HOME.hero.ctaLabel,
      SITE_HOME.hero.ctaHref,
      [...SITE_HOME.featuredCourses],
      SITE_HOME.featuredBundles.map((slug) => seedId(`bundle:${slug}`)),
      JSON.stringify(SITE_HOME.testimonials),
    ],
  );
  for (const page of LEGAL_PAGES) {
    await sql.query(
      `insert into public.legal_pages (slug, title, body, published) values ($1, $2, $3, true)
       on conflict (slug) do nothing`,
      [page.slug, page.title, page.body],
    );
  }
};
